import ReelQueue
import Synchronization

/// Refuses new jobs while the queue holds more waiting jobs than the cap; reads the depth at most every 250 ms.
final class QueueCapacityGate<Queue: JobQueueDriver>: Sendable {
    private let queue: Queue
    private let limit: Int?
    private let cached = Mutex<(depth: Int, at: ContinuousClock.Instant)?>(nil)

    init(queue: Queue, limit: Int?) {
        self.queue = queue
        self.limit = limit
    }

    /// Throws a 429 when the queue is at capacity.
    func check() async throws {
        guard let limit else { return }
        let now = ContinuousClock.now
        var depth = cached.withLock { cached in cached.flatMap { now - $0.at < .milliseconds(250) ? $0.depth : nil } }
        if depth == nil {
            let stats = try await queue.stats()
            let waiting = (stats.counts[.ready] ?? 0) + (stats.counts[.scheduled] ?? 0)
            cached.withLock { $0 = (waiting, now) }
            depth = waiting
        }
        if let depth, depth >= limit {
            throw APIError(.queueFull, "The queue is at capacity (\(limit) jobs waiting). Please retry later.", retryAfter: .seconds(5))
        }
    }
}
