import Metrics
import ReelQueue
import ReelVideo

/// The worker's metric names and labels, in one place (handles from ``MetricHandles``, made once each).
enum WorkerMetrics {
    /// `reel.jobs.finished{type, status}` and `reel.jobs.duration{type}` (enqueue to finish, on the queue's clock).
    static func finished(kind: VideoJobKind, status: String, elapsedMs: Int64?) {
        MetricHandles.counter("reel.jobs.finished", [("type", kind.rawValue), ("status", status)]).increment()
        if let elapsedMs, elapsedMs >= 0 {
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

    /// `reel.jobs.failures{type, code}`: failed attempts and failed jobs. A code outside ``boundedCodes`` (a provider's
    /// own, verbatim) counts as `provider_error`, so a provider cannot grow the label set.
    static func failure(kind: VideoJobKind, code: String) {
        MetricHandles.counter("reel.jobs.failures", [("type", kind.rawValue), ("code", boundedCode(code))]).increment()
    }

    /// The failure codes that may be metric labels: Reel's own and the OpenAI video API's.
    static let boundedCodes: Set<String> = [
        "invalid_job", "unknown_deployment", "input_not_found", "input_deleted", "input_failed", "inputs_on_different_deployments",
        "deadline_exceeded", "stalled", "polls_exhausted", "provider_unavailable", "provider_error", "invalid_request",
        "video_generation_failed", "moderation_blocked", "character_failed", "rate_limit_exceeded", "worker_error",
    ]

    /// `code` when it is one of ``boundedCodes``, else `provider_error`.
    static func boundedCode(_ code: String) -> String {
        boundedCodes.contains(code) ? code : "provider_error"
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
