import Foundation
import ReelQueue
import ReelRedis
import ReelTesting
import Testing

/// A queue implementation the semantic tests run against.
enum QueueBackend: String, CaseIterable, CustomTestStringConvertible {
    case memory
    case redis

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, empty queue of this backend (a queue with a unique name on `REDIS_URL` for Redis;
    /// without `REDIS_URL` the Redis case is skipped locally and fails in CI).
    func withQueue(
        options: JobQueueOptions = .init(),
        _ body: (any JobQueueDriver) async throws -> Void
    ) async throws {
        switch self {
        case .memory:
            try await body(MemoryJobQueue.memory(options: options))
        case .redis:
            try await RedisTestEnvironment.withClient { client in
                try await body(RedisJobQueue.redis(client, name: "test-\(UUID().uuidString)", options: options))
            }
        }
    }

    /// Keys (Redis) or jobs (memory) the queue still holds.
    func keyCount(of queue: any JobQueueDriver) async throws -> Int {
        guard let queue = queue as? RedisJobQueue else {
            return try await queue.stats().counts.values.reduce(0, +)
        }
        return try await Self.keys(matching: "reel:{\(queue.name)}:*", client: queue.redisClient).count
    }

    /// Every key matching `pattern` (SCAN).
    static func keys(matching pattern: String, client: RedisClient) async throws -> [String] {
        var cursor = "0"
        var keys: [String] = []
        repeat {
            let reply = try await client.send(["SCAN", cursor, "MATCH", pattern, "COUNT", "1000"])
            let parts = try #require(reply.array)
            cursor = try #require(parts[0].string)
            keys += (parts[1].array ?? []).compactMap(\.string)
        } while cursor != "0"
        return keys
    }
}
