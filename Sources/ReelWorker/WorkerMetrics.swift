import Foundation
import Metrics
import ReelQueue
import ReelVideo

/// The worker's metric names and labels, in one place (handles from ``MetricHandles``, made once each).
enum WorkerMetrics {
    /// `reel.jobs.finished{type, status}` and `reel.jobs.duration{type}` (enqueue to finish).
    static func finished(kind: VideoJobKind, status: String, createdAtMs: Int64) {
        MetricHandles.counter("reel.jobs.finished", [("type", kind.rawValue), ("status", status)]).increment()
        let elapsedMs = Int64(Date().timeIntervalSince1970 * 1000) - createdAtMs
        if createdAtMs > 0, elapsedMs >= 0 {
            MetricHandles.timer("reel.jobs.duration", [("type", kind.rawValue)]).recordMilliseconds(elapsedMs)
        }
    }

    /// `reel.jobs.overhead{type}`: from the provider reporting the object finished to the record completed
    /// (content fetched and stored).
    static func overhead(kind: VideoJobKind, _ duration: Duration) {
        MetricHandles.timer("reel.jobs.overhead", [("type", kind.rawValue)]).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        )
    }

    /// `reel.jobs.failures{type, code}`: failed attempts and failed jobs.
    static func failure(kind: VideoJobKind, code: String) {
        MetricHandles.counter("reel.jobs.failures", [("type", kind.rawValue), ("code", code)]).increment()
    }

    /// `reel.jobs.ticks{outcome}`: ticks run by this worker.
    static func tick(outcome: String) {
        MetricHandles.counter("reel.jobs.ticks", [("outcome", outcome)]).increment()
    }

    /// `reel.jobs.active`: ticks in flight.
    static func active(_ count: Int) {
        gauge.record(count)
    }

    /// `reel.provider.errors{deployment, status}`: transient provider errors per deployment.
    static func providerError(deploymentID: String, httpStatus: Int?) {
        let dimensions = [("deployment", deploymentID), ("status", httpStatus.map(String.init) ?? "none")]
        MetricHandles.counter("reel.provider.errors", dimensions).increment()
    }

    private static let gauge = Gauge(label: "reel.jobs.active")
}
