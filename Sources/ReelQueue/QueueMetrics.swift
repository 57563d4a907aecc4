import Metrics

/// The queue's counters, `reel.jobs.*`, each with the dimension `queue`.
enum QueueMetrics {
    /// `reel.jobs.enqueued`: jobs written (not duplicates or conflicts).
    static let enqueued = "reel.jobs.enqueued"
    /// `reel.jobs.claimed`: jobs handed to workers.
    static let claimed = "reel.jobs.claimed"
    /// `reel.jobs.completed`: jobs finished successfully.
    static let completed = "reel.jobs.completed"
    /// `reel.jobs.snoozed`: snoozes (provider polls).
    static let snoozed = "reel.jobs.snoozed"
    /// `reel.jobs.failed`: failures reported, with the dimension `outcome` = `retry` or `dead`.
    static let failed = "reel.jobs.failed"
    /// `reel.jobs.stale_lease`: calls refused because the lease was stale.
    static let staleLease = "reel.jobs.stale_lease"

    static func count(_ label: String, _ n: Int = 1, queue: String, outcome: String? = nil) {
        guard n > 0 else { return }
        var dimensions = [("queue", queue)]
        if let outcome { dimensions.append(("outcome", outcome)) }
        MetricHandles.counter(label, dimensions).increment(by: n)
    }
}
