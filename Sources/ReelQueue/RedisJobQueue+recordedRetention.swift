public import ReelRedis
import ReelTime

extension RedisJobQueue {
    /// The field of the queue's `meta` hash that holds the retention, in milliseconds.
    private static let retentionField = "retention_ms"

    /// The retention the queue's last bootstrapped client (a front or a worker, as a rule) runs with, or nil when
    /// none recorded one. A tool without the processes' configuration uses it, so the finished jobs it trims and the
    /// expiries it sets are the processes' own.
    /// - Parameters:
    ///   - client: The Redis client.
    ///   - name: The queue's name.
    public static func recordedRetention(client: RedisClient, name: String) async throws -> Duration? {
        let reply = try await client.send(["HGET", keyPrefix(ofQueue: name) + "meta", retentionField])
        guard let milliseconds = reply.string.flatMap(Int64.init), milliseconds > 0 else { return nil }
        return .milliseconds(milliseconds)
    }

    func recordRetention() async throws {
        _ = try await redisClient.send(["HSET", keyPrefix + "meta", Self.retentionField, String(options.retention.milliseconds)])
    }
}
