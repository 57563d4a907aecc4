/// The logger metadata keys of ReelRedis.
enum RedisLogging {
    /// The server, as `host:port` or `unix:path` (never with credentials).
    static let endpoint = "reel.redis.endpoint"
    /// The name Sentinel monitors the primary under.
    static let masterName = "reel.redis.master_name"
    /// The subscribed channels.
    static let channels = "reel.redis.channels"
    /// The error that ended a connection or a connection attempt.
    static let error = "reel.error"
}
