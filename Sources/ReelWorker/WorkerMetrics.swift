import Foundation
import Metrics
import ReelQueue

/// The worker's metric names and labels, in one place.
enum WorkerMetrics {
    /// `reel.jobs.finished{type, status}` and `reel.jobs.duration{type}` (enqueue to finish).
    static func finished(kind: VideoJobKind, status: String, createdAtMs: Int64) {
        Counter(label: "reel.jobs.finished", dimensions: [("type", kind.rawValue), ("status", status)]).increment()
        let elapsedMs = Int64(Date().timeIntervalSince1970 * 1000) - createdAtMs
        if createdAtMs > 0, elapsedMs >= 0 {
            Metrics.Timer(label: "reel.jobs.duration", dimensions: [("type", kind.rawValue)]).recordMilliseconds(elapsedMs)
        }
    }

    /// `reel.jobs.overhead{type}`: from the provider reporting the object finished to the record completed
    /// (content fetched and stored).
    static func overhead(kind: VideoJobKind, _ duration: Duration) {
        Metrics.Timer(label: "reel.jobs.overhead", dimensions: [("type", kind.rawValue)]).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        )
    }

    /// `reel.jobs.failures{type, code}`: failed attempts and failed jobs.
    static func failure(kind: VideoJobKind, code: String) {
        Counter(label: "reel.jobs.failures", dimensions: [("type", kind.rawValue), ("code", code)]).increment()
    }

    /// `reel.jobs.ticks{outcome}`: ticks run by this worker.
    static func tick(outcome: String) {
        Counter(label: "reel.jobs.ticks", dimensions: [("outcome", outcome)]).increment()
    }

    /// `reel.jobs.active`: ticks in flight.
    static func active(_ count: Int) {
        Gauge(label: "reel.jobs.active").record(count)
    }

    /// `reel.provider.errors{deployment, status}`: transient provider errors per deployment.
    static func providerError(deploymentID: String, httpStatus: Int?) {
        Counter(label: "reel.provider.errors", dimensions: [("deployment", deploymentID), ("status", httpStatus.map(String.init) ?? "none")])
            .increment()
    }
}
