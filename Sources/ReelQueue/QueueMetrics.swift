import Metrics
import Synchronization

/// The queue's counters, `reel.jobs.*`, each with the dimension `queue`.
///
/// Counter handles are made once and reused: making one goes through the metrics factory (name checks, a
/// registry lock), which costs more than the increment.
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
        let key = Key(label: label, queue: queue, outcome: outcome)
        let counter = counters.withLock { cache in
            if let counter = cache[key] { return counter }
            var dimensions = [("queue", queue)]
            if let outcome { dimensions.append(("outcome", outcome)) }
            let counter = Counter(label: label, dimensions: dimensions)
            cache[key] = counter
            return counter
        }
        counter.increment(by: n)
    }

    private struct Key: Hashable {
        let label: String
        let queue: String
        let outcome: String?
    }

    private static let counters = Mutex<[Key: Counter]>([:])
}
