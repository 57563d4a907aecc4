/// Where and how ``RedisClient`` connects.
///
/// ```swift
/// var configuration = try RedisConfiguration(url: "redis://:secret@127.0.0.1:6379/2")
/// configuration.commandTimeout = .seconds(2)
/// let client = RedisClient(configuration: configuration, logger: logger)
/// ```
public struct RedisConfiguration: Sendable {
    /// A server address: a TCP host and port, a unix-domain socket, or the primary that Redis Sentinels name.
    public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
        enum Kind: Hashable {
            case tcp(host: String, port: Int)
            case unixSocket(path: String)
            case sentinel(masterName: String, sentinels: [Endpoint])
        }
        let kind: Kind

        /// A TCP endpoint.
        /// - Parameters:
        ///   - host: A host name or IP address.
        ///   - port: The TCP port, 1...65535.
        public static func tcp(host: String, port: Int = 6379) -> Self {
            precondition((1...65535).contains(port), "port must be in 1...65535")
            return .init(kind: .tcp(host: host, port: port))
        }

        /// A unix-domain socket endpoint.
        /// - Parameter path: The socket's file path.
        public static func unixSocket(path: String) -> Self { .init(kind: .unixSocket(path: path)) }

        /// The primary of a replicated Redis that Sentinel monitors: it is found through the sentinels (`SENTINEL
        /// get-master-addr-by-name`), checked with `ROLE`, and followed across failovers (`+switch-master`).
        /// - Parameters:
        ///   - masterName: The name the sentinels monitor the primary under (`sentinel monitor <name> …`).
        ///   - sentinels: The sentinels' TCP endpoints; at least one.
        public static func sentinel(masterName: String, sentinels: [Endpoint]) -> Self {
            precondition(!masterName.isEmpty, "masterName must not be empty")
            precondition(!sentinels.isEmpty, "sentinels must not be empty")
            precondition(sentinels.allSatisfy { if case .tcp = $0.kind { true } else { false } }, "sentinels are TCP endpoints")
            return .init(kind: .sentinel(masterName: masterName, sentinels: sentinels))
        }

        /// `host:port`, `unix:path` or `sentinel:name@host:port,…`; never contains credentials.
        public var description: String {
            switch kind {
            case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            case .unixSocket(let path): "unix:\(path)"
            case .sentinel(let masterName, let sentinels): "sentinel:\(masterName)@" + sentinels.map(\.description).joined(separator: ",")
            }
        }
    }

    /// The server to connect to (with ``Endpoint/sentinel(masterName:sentinels:)``, the primary the sentinels name).
    public var endpoint: Endpoint
    /// The ACL user name sent with `AUTH` (Redis 6+); `nil` for the default user.
    public var username: String?
    /// The password sent with `AUTH` on every new connection; `nil` for none.
    public var password: String?
    /// The logical database selected with `SELECT` on every new connection.
    public var database: Int
    /// How long establishing a connection (TCP connect, `AUTH`, `SELECT`) may take.
    public var connectTimeout: Duration
    /// How long a command may wait for its reply before failing with ``RedisError/Code/timeout``.
    /// A command that has to wait for a reconnect may also wait up to ``connectTimeout`` (and a backoff of at most
    /// one second after failed attempts). Blocking commands on a dedicated connection get their blocking time on
    /// top (see ``RedisConnection``).
    public var commandTimeout: Duration
    /// The number of shared connections, each with its own thread, that ``RedisClient`` spreads commands over.
    public var poolSize: Int
    /// TLS settings, or `nil` for a plain connection.
    public var tls: TLS?

    /// Creates a configuration.
    /// - Parameters:
    ///   - endpoint: The server to connect to.
    ///   - username: The ACL user name, or `nil`.
    ///   - password: The password, or `nil`.
    ///   - database: The logical database, 0 or more.
    ///   - connectTimeout: How long establishing a connection may take.
    ///   - commandTimeout: How long a command may wait for its reply.
    ///   - poolSize: The number of shared connections, 1 or more.
    ///   - tls: TLS settings, or `nil` for a plain connection.
    public init(
        endpoint: Endpoint,
        username: String? = nil,
        password: String? = nil,
        database: Int = 0,
        connectTimeout: Duration = .seconds(2),
        commandTimeout: Duration = .seconds(5),
        poolSize: Int = 2,
        tls: TLS? = nil
    ) {
        precondition(database >= 0, "database must be 0 or more")
        precondition(connectTimeout > .zero && commandTimeout > .zero, "timeouts must be positive")
        precondition(poolSize >= 1, "poolSize must be 1 or more")
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.poolSize = poolSize
        self.tls = tls
    }
}
