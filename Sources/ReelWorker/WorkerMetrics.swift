import Foundation
import Metrics
import ReelQueue
import Synchronization

/// The worker's metric names and labels, in one place.
///
/// Handles are made once per label and dimensions and reused: making one goes through the metrics factory
/// (name checks, a registry lock), which costs more than recording a value.
enum WorkerMetrics {
    /// `reel.jobs.finished{type, status}` and `reel.jobs.duration{type}` (enqueue to finish).
    static func finished(kind: VideoJobKind, status: String, createdAtMs: Int64) {
        counter("reel.jobs.finished", [("type", kind.rawValue), ("status", status)]).increment()
        let elapsedMs = Int64(Date().timeIntervalSince1970 * 1000) - createdAtMs
        if createdAtMs > 0, elapsedMs >= 0 {
            timer("reel.jobs.duration", [("type", kind.rawValue)]).recordMilliseconds(elapsedMs)
        }
    }

    /// `reel.jobs.overhead{type}`: from the provider reporting the object finished to the record completed
    /// (content fetched and stored).
    static func overhead(kind: VideoJobKind, _ duration: Duration) {
        timer("reel.jobs.overhead", [("type", kind.rawValue)]).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        )
    }

    /// `reel.jobs.failures{type, code}`: failed attempts and failed jobs.
    static func failure(kind: VideoJobKind, code: String) {
        counter("reel.jobs.failures", [("type", kind.rawValue), ("code", code)]).increment()
    }

    /// `reel.jobs.ticks{outcome}`: ticks run by this worker.
    static func tick(outcome: String) {
        counter("reel.jobs.ticks", [("outcome", outcome)]).increment()
    }

    /// `reel.jobs.active`: ticks in flight.
    static func active(_ count: Int) {
        gauge.record(count)
    }

    /// `reel.provider.errors{deployment, status}`: transient provider errors per deployment.
    static func providerError(deploymentID: String, httpStatus: Int?) {
        counter("reel.provider.errors", [("deployment", deploymentID), ("status", httpStatus.map(String.init) ?? "none")]).increment()
    }

    private struct Key: Hashable {
        let label: String
        let dimensions: [String]

        init(_ label: String, _ dimensions: [(String, String)]) {
            self.label = label
            self.dimensions = dimensions.flatMap { [$0.0, $0.1] }
        }
    }

    private static let counters = Mutex<[Key: Counter]>([:])
    private static let timers = Mutex<[Key: Metrics.Timer]>([:])
    private static let gauge = Gauge(label: "reel.jobs.active")

    private static func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        counters.withLock { cache in
            let key = Key(label, dimensions)
            if let counter = cache[key] { return counter }
            let counter = Counter(label: label, dimensions: dimensions)
            cache[key] = counter
            return counter
        }
    }

    private static func timer(_ label: String, _ dimensions: [(String, String)]) -> Metrics.Timer {
        timers.withLock { cache in
            let key = Key(label, dimensions)
            if let timer = cache[key] { return timer }
            let timer = Metrics.Timer(label: label, dimensions: dimensions)
            cache[key] = timer
            return timer
        }
    }
}
