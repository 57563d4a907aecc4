/// The logger metadata keys of ReelRedis.
enum RedisLogging {
    /// The server, as `host:port` or `unix:path` (never with credentials).
    static let endpoint = "reel.redis.endpoint"
    /// The subscribed channels.
    static let channels = "reel.redis.channels"
    /// The error that ended a connection or a connection attempt.
    static let error = "reel.error"
}
