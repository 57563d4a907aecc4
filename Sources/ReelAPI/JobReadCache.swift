import Metrics
import ReelAPICore
package import ReelQueue
package import ReelRedis
package import ReelTime
import Synchronization

/// Job snapshots kept in memory by a process that reads jobs far more often than it changes them (the API front,
/// answering status polls), kept coherent by Redis's key tracking (``RedisClient/trackInvalidations(prefixes:)``,
/// followed by ``JobChangeFollower``).
///
/// Redis reports a change on another connection than the read's, so the report may overtake the answer of a read
/// that started before the change. A read that misses therefore leaves a placeholder with a ticket; a reported
/// change removes the placeholder, and the answer is then not kept. While tracking is interrupted nothing is
/// served from memory or kept.
package final class JobReadCache: Sendable {
    /// What a read finds.
    package enum Lookup {
        /// A coherent copy.
        case hit(JobSnapshot)
        /// Read Redis; keep the answer with ``keep(_:id:ticket:)`` when there is a ticket.
        case miss(ticket: UInt64?)
    }

    private enum Entry {
        case loading(ticket: UInt64)
        case loaded(JobSnapshot)
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var tracking = false
        var lastTicket: UInt64 = 0
    }

    /// The key prefix of job hashes; tracked keys are this plus a job id.
    let jobKeyPrefix: String
    private let capacity: Int
    private let hits: Counter
    private let misses: Counter
    private let state = Mutex(State())
    /// When a job was last looked up, in milliseconds of `clock`.
    private let lastLookup = Atomic<Int64>(.min)
    private let clock: IntervalClock
    /// Told of lookups while nothing is tracked, so the follower starts tracking at the first read.
    private let readsWhileOff: AsyncStream<Void>.Continuation
    /// The lookups while nothing is tracked (the newest one kept until the follower takes it).
    let reads: AsyncStream<Void>

    package init(jobKeyPrefix: String, capacity: Int, queueName: String, clock: IntervalClock) {
        precondition(capacity > 0)
        self.jobKeyPrefix = jobKeyPrefix
        self.capacity = capacity
        self.clock = clock
        self.hits = MetricHandles.counter(APIMetrics.readCache, [("queue", queueName), ("result", "hit")])
        self.misses = MetricHandles.counter(APIMetrics.readCache, [("queue", queueName), ("result", "miss")])
        (reads, readsWhileOff) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    package func lookup(_ id: String) -> Lookup {
        lastLookup.store(clock.elapsed.milliseconds, ordering: .relaxed)
        let lookup = state.withLock { state -> Lookup in
            guard state.tracking else {
                readsWhileOff.yield()
                return .miss(ticket: nil)
            }
            switch state.entries[id] {
            case .loaded(let snapshot):
                return .hit(snapshot)
            case .loading:
                // Another read of this job is in flight and will keep its answer.
                return .miss(ticket: nil)
            case nil:
                // Past capacity an arbitrary entry goes: cheap, and polls of live jobs bring theirs back.
                if state.entries.count >= capacity { state.entries.remove(at: state.entries.startIndex) }
                state.lastTicket += 1
                state.entries[id] = .loading(ticket: state.lastTicket)
                return .miss(ticket: state.lastTicket)
            }
        }
        if case .hit = lookup { hits.increment() } else { misses.increment() }
        return lookup
    }

    /// Whether a job was looked up within the last `interval`.
    func wasRead(within interval: Duration) -> Bool {
        let last = lastLookup.load(ordering: .relaxed)
        return last != .min && clock.elapsed.milliseconds - last <= interval.milliseconds
    }

    /// Keeps what a read answered, unless a change was reported since its ``lookup(_:)``; `nil` (no such job)
    /// only clears the placeholder.
    package func keep(_ snapshot: JobSnapshot?, id: String, ticket: UInt64) {
        state.withLock { state in
            guard case .loading(ticket) = state.entries[id] else { return }
            state.entries[id] = snapshot.map(Entry.loaded)
        }
    }

    /// Forgets a job this process has just changed, so its next read sees the change without waiting for Redis's
    /// report.
    package func forget(_ id: String) {
        _ = state.withLock { $0.entries.removeValue(forKey: id) }
    }

    /// Applies what Redis reported.
    package func apply(_ invalidation: KeyInvalidation) {
        state.withLock { state in
            switch invalidation {
            case .tracking:
                state.entries.removeAll()
                state.tracking = true
            case .interrupted:
                state.entries.removeAll()
                state.tracking = false
            case .flushed:
                state.entries.removeAll()
            case .changed(let keys):
                for key in keys where key.hasPrefix(jobKeyPrefix) {
                    state.entries.removeValue(forKey: String(key.dropFirst(jobKeyPrefix.count)))
                }
            }
        }
    }
}
