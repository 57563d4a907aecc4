import ReelAPICore
import Synchronization
package import ReelTime

/// A value read from elsewhere (Redis) and reused until it is older than `ttl`, so requests do not pay a round trip
/// each for it: the deployments' health for selection, the queue's depth for admission. Requests that miss at once
/// may each read; the last reading stays.
package final class CachedReading<Value: Sendable>: Sendable {
    private let ttl: Duration
    private let clock: IntervalClock
    private let read: @Sendable () async throws -> Value
    private let last = Mutex<(value: Value, at: Duration)?>(nil)

    /// Creates a cache of what `read` returns.
    package init(ttl: Duration, clock: IntervalClock, read: @escaping @Sendable () async throws -> Value) {
        self.ttl = ttl
        self.clock = clock
        self.read = read
    }

    /// The last reading while it is younger than `ttl`, else a new one.
    package func value() async throws -> Value {
        let now = clock.elapsed
        if let last = last.withLock({ $0 }), now - last.at < ttl { return last.value }
        let value = try await read()
        last.withLock { $0 = (value, now) }
        return value
    }
}
