/// Time limits of a transfer.
public struct HTTPTimeouts: Sendable, Hashable {
    /// Limit for establishing the connection, TLS handshake included.
    public var connect: Duration
    /// Limit for the whole transfer; `nil` for none (rely on ``lowSpeedTime`` to catch stalls).
    public var total: Duration?
    /// A transfer slower than this many bytes per second for ``lowSpeedTime`` is aborted.
    public var lowSpeedLimit: Int
    /// How long a transfer may stay below ``lowSpeedLimit``; `nil` disables the check.
    public var lowSpeedTime: Duration?

    /// Creates time limits.
    /// - Parameters:
    ///   - connect: Connection limit (default 10 s).
    ///   - total: Whole-transfer limit (default none).
    ///   - lowSpeedLimit: Minimum bytes per second (default 1).
    ///   - lowSpeedTime: How long the speed may stay below the minimum (default 60 s).
    public init(connect: Duration = .seconds(10), total: Duration? = nil, lowSpeedLimit: Int = 1, lowSpeedTime: Duration? = .seconds(60)) {
        precondition(connect > .zero, "connect timeout must be positive")
        self.connect = connect
        self.total = total
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
    }
}
