import Metrics
import Synchronization

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
        let key = CounterKey(label: label, queue: queue, outcome: outcome)
        let counter = counters.withLock { counters in
            if let counter = counters[key] { return counter }
            var dimensions = [("queue", queue)]
            if let outcome { dimensions.append(("outcome", outcome)) }
            let counter = Counter(label: label, dimensions: dimensions)
            counters[key] = counter
            return counter
        }
        counter.increment(by: n)
    }

    private struct CounterKey: Hashable {
        var label: String
        var queue: String
        var outcome: String?
    }

    /// Counters made so far: making one costs the metrics backend a name check and a registry lookup.
    private static let counters = Mutex<[CounterKey: Counter]>([:])
}
