import ReelRedis
import Testing

/// The events of a ``RedisClient/trackInvalidations(prefixes:)`` stream, one at a time, each within five seconds.
final class InvalidationEvents: @unchecked Sendable {
    private struct Timeout: Error, CustomStringConvertible {
        var description: String { "no key invalidation within 5 s" }
    }

    private var iterator: AsyncThrowingStream<KeyInvalidation, any Error>.Iterator

    init(_ stream: AsyncThrowingStream<KeyInvalidation, any Error>) {
        iterator = stream.makeAsyncIterator()
    }

    /// The next event; throws after five seconds without one.
    func next() async throws -> KeyInvalidation? {
        try await withThrowingTaskGroup(of: KeyInvalidation?.self) { group in
            group.addTask { try await self.iterator.next() }
            group.addTask {
                try await Task.sleep(for: .seconds(5))
                throw Timeout()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
