import ReelRedis
import ReelTesting
import Testing

/// What ``RedisClient/trackInvalidations(prefixes:onInvalidation:)`` reports, one event at a time, each within
/// `Duration.testWaitLimit`; the tracking stops when this goes away.
final class InvalidationEvents: @unchecked Sendable {
    private struct Timeout: Error, CustomStringConvertible {
        var description: String { "no key invalidation within \(Duration.testWaitLimit)" }
    }

    private var iterator: AsyncThrowingStream<KeyInvalidation, any Error>.Iterator
    private let tracking: Task<Void, Never>

    init(client: RedisClient, prefixes: [String]) {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: KeyInvalidation.self)
        iterator = stream.makeAsyncIterator()
        tracking = Task {
            do {
                try await client.trackInvalidations(prefixes: prefixes) { continuation.yield($0) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }

    deinit {
        tracking.cancel()
    }

    /// The next event (nil once tracking has ended); throws the tracking's error, or after `Duration.testWaitLimit` without one (a bound on a failure only).
    func next() async throws -> KeyInvalidation? {
        try await withThrowingTaskGroup(of: KeyInvalidation?.self) { group in
            group.addTask { try await self.iterator.next() }
            group.addTask {
                try await Task.sleep(for: .testWaitLimit)
                throw Timeout()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
