import ArgumentParser
import Foundation
import ReelQueue
import ReelRedis

/// Where the queue of `reel queue …` lives: `--redis-url` and `--queue`.
struct QueueConnectionOptions: ParsableArguments {
    @Option(name: .customLong("redis-url"), help: "Redis URL (default: $REDIS_URL, else redis://127.0.0.1:6379).")
    var redisURL: String?

    @Option(name: .customLong("queue"), help: "Queue name.")
    var queueName = "videos"

    func validate() throws {
        guard RedisJobQueue.isValidName(queueName) else {
            throw ValidationError("--queue must be letters, digits, '-', '_' or '.'")
        }
    }

    /// The URL to use: the flag, else `REDIS_URL`, else the local default.
    var resolvedURL: String {
        redisURL ?? ProcessInfo.processInfo.environment["REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "redis://127.0.0.1:6379"
    }

    /// Runs `body` with the queue, closing the Redis client afterwards.
    func withQueue<T>(_ body: (RedisJobQueue) async throws -> T) async throws -> T {
        let client: RedisClient
        do {
            client = try RedisClient(url: resolvedURL)
        } catch {
            throw QueueCommandError(description: "invalid Redis URL: \(error)")
        }
        defer { client.close() }
        return try await body(.redis(client, name: queueName))
    }
}

/// A failure of a `reel queue …` command, printed as `Error: <message>` with exit status 1.
struct QueueCommandError: Error, CustomStringConvertible {
    let description: String
}
