/// The logger metadata keys of ReelRedis.
enum RedisLogging {
    /// The server, as `host:port` or `unix:path` (never with credentials).
    static let endpoint = "redis.endpoint"
    /// The subscribed channels.
    static let channels = "redis.channels"
    /// The error that ended a connection or a connection attempt.
    static let error = "redis.error"
}
