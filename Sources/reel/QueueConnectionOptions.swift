import ArgumentParser
import Foundation
import ReelConfiguration
import ReelQueue
import ReelRedis

/// Where the queue of `reel queue …` lives and how long it keeps finished jobs: `--config` gives the Redis URL, the
/// queue name and the retention of the processes' configuration; `--redis-url` and `--queue` override the first two.
/// Without a file: `REDIS_URL` (else the local default), queue `videos`, and the retention the queue's fronts and
/// workers recorded in Redis (else 7 days).
struct QueueConnectionOptions: ParsableArguments {
    @Option(help: "The configuration file (its reel_settings.redis_url, queue and retention).")
    var config: String?

    @Option(name: .customLong("redis-url"), help: "Redis URL (default: the configuration's, else $REDIS_URL, else redis://127.0.0.1:6379).")
    var redisURL: String?

    @Option(name: .customLong("queue"), help: "Queue name (default: the configuration's, else videos).")
    var queueName: String?

    func validate() throws {
        if let queueName, !RedisJobQueue.isValidName(queueName) {
            throw ValidationError("--queue must be letters, digits, '-', '_' or '.'")
        }
    }

    /// Runs `body` with the queue, closing the Redis client afterwards.
    func withQueue<T>(_ body: (RedisJobQueue) async throws -> T) async throws -> T {
        let environment = ProcessInfo.processInfo.environment
        var settings: ReelSettings?
        if let config {
            do {
                settings = try ReelConfiguration.load(path: config, environment: environment).reel
            } catch {
                throw QueueCommandError(description: "\(error)")
            }
        }
        let url = redisURL ?? settings?.redisURL ?? ReelSettings.redisURL(from: environment) ?? ReelSettings.defaultRedisURL
        let client: RedisClient
        do {
            client = try RedisClient(url: url)
        } catch {
            throw QueueCommandError(description: "invalid Redis URL: \(error)")
        }
        defer { client.close() }
        let name = queueName ?? settings?.queue ?? "videos"
        // The retention decides which finished jobs a call trims: without the file, the one the processes recorded.
        var retention = settings?.retention
        if retention == nil {
            do {
                retention = try await RedisJobQueue.recordedRetention(client: client, name: name)
            } catch {
                throw QueueCommandError(description: "cannot read the queue's retention from Redis: \(error)")
            }
        }
        return try await body(.redis(client, name: name, options: JobQueueOptions(retention: retention ?? JobQueueOptions().retention)))
    }
}

/// A failure of a `reel queue …` command, printed as `Error: <message>` with exit status 1.
struct QueueCommandError: Error, CustomStringConvertible {
    let description: String
}
