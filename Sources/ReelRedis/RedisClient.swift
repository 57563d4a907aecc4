public import Logging
import Synchronization

/// A Redis client: a small pool of connections, each owned by its own thread, with automatic pipelining.
///
/// Concurrent callers share round trips: each connection's thread writes everything queued in one go and reads
/// the replies in order. Connections open lazily on first use and reopen after Redis restarts; a command caught
/// by a broken connection fails with ``RedisError/Code/connectionLost`` and the caller decides whether to retry.
///
/// ```swift
/// let client = try RedisClient(url: "redis://127.0.0.1:6379")
/// defer { client.close() }
/// _ = try await client.send(["SET", "greeting", "hello"])
/// let value = try await client.send(["GET", "greeting"]).string   // "hello"
/// ```
public final class RedisClient: Sendable {
    struct State {
        var closed = false
        var nextConnection = 0
        var idleDedicated: [PipelinedConnection] = []
        var leasedDedicated: [ObjectIdentifier: PipelinedConnection] = [:]
        var subscriptions: [ObjectIdentifier: Subscription] = [:]
    }

    /// The connection settings.
    public let configuration: RedisConfiguration
    let logger: Logger
    let connector: RedisConnector
    private let connections: [PipelinedConnection]
    let state = Mutex(State())

    /// Creates a client; connections open on first use.
    /// - Parameters:
    ///   - configuration: Where and how to connect.
    ///   - logger: Receives connection events (debug), and broken connections (warning).
    public init(configuration: RedisConfiguration, logger: Logger = RedisClient.silentLogger) {
        self.configuration = configuration
        self.logger = logger
        let connector = RedisConnector(configuration: configuration, logger: logger)
        self.connector = connector
        self.connections = (0..<configuration.poolSize).map { _ in
            PipelinedConnection(connector: connector, logger: logger, interruptsOnCancel: false)
        }
        // After a Sentinel failover, nothing may keep talking to the old primary: not even a connection that looks
        // healthy, a blocked waiter or a subscription, which would otherwise only notice when the old one dies.
        connector.onPrimarySwitch { [weak self] primary in self?.disconnect(unlessConnectedTo: primary) }
    }

    /// Creates a client from a Redis URL (see ``RedisConfiguration/init(url:connectTimeout:commandTimeout:poolSize:)``).
    /// - Parameters:
    ///   - url: `redis://[user:password@]host:port/db`, `rediss://…`, `redis-sentinel://host:port,…/name` or
    ///     `unix:///path?db=N`.
    ///   - logger: Receives connection events.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/invalidURL``.
    public convenience init(url: String, logger: Logger = RedisClient.silentLogger) throws {
        self.init(configuration: try RedisConfiguration(url: url), logger: logger)
    }

    deinit {
        close()
    }

    /// A logger that discards everything: the default.
    public static var silentLogger: Logger { Logger(label: "reel.redis", factory: { _ in SwiftLogNoOpLogHandler() }) }

    /// Sends one command and returns its reply.
    ///
    /// ```swift
    /// let count = try await client.send(["INCR", "visits"]).int
    /// ```
    /// - Parameter arguments: The command and its arguments, as UTF-8 text.
    /// - Throws: ``RedisError``: ``RedisError/Code/replyError`` for an error reply (with the server's message),
    ///   or a connection, timeout or ``RedisError/Code/closed`` error.
    public func send(_ arguments: [String]) async throws -> RESPValue {
        try await send(EncodedCommand(arguments))
    }

    /// Sends one command given as raw bytes (binary-safe) and returns its reply.
    /// - Parameter arguments: The command and its arguments.
    /// - Throws: ``RedisError``, as ``send(_:)`` does.
    public func send(_ arguments: [[UInt8]]) async throws -> RESPValue {
        try await send(EncodedCommand(arguments))
    }

    /// Sends several commands in one round trip on one connection and returns their replies in order.
    ///
    /// Error replies are values in the result (``RESPValue/error(_:)``), not thrown. The commands are not a
    /// transaction: wrap them in `MULTI`/`EXEC` for that.
    /// - Parameter commands: The commands, each a command name and its arguments.
    /// - Throws: ``RedisError`` for connection, timeout or ``RedisError/Code/closed`` errors.
    public func pipeline(_ commands: [[String]]) async throws -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        return try await leastLoadedConnection().execute(try commands.map(EncodedCommand.init), timeout: configuration.commandTimeout)
    }

    /// Commands and round trips written by the shared connections so far; concurrent callers share round trips.
    public var statistics: Statistics {
        connections.map(\.statistics).reduce(Statistics(commands: 0, roundTrips: 0)) {
            Statistics(commands: $0.commands + $1.commands, roundTrips: $0.roundTrips + $1.roundTrips)
        }
    }

    /// Closes every connection and subscription. Queued and in-flight commands fail with ``RedisError/Code/closed``,
    /// and so does anything sent afterwards. Calling it again does nothing.
    public func close() {
        let (dedicated, subscriptions) = state.withLock { state in
            state.closed = true
            defer {
                state.idleDedicated = []
                state.leasedDedicated = [:]
                state.subscriptions = [:]
            }
            return (state.idleDedicated + state.leasedDedicated.values, Array(state.subscriptions.values))
        }
        connector.close()
        for connection in connections + dedicated { connection.close() }
        for subscription in subscriptions { subscription.terminate() }
    }

    private func disconnect(unlessConnectedTo primary: RedisConfiguration.Endpoint) {
        let (dedicated, subscriptions) = state.withLock { state in
            (state.idleDedicated + state.leasedDedicated.values, Array(state.subscriptions.values))
        }
        for connection in connections + dedicated { connection.disconnect(unlessConnectedTo: primary) }
        for subscription in subscriptions { subscription.disconnect(unlessConnectedTo: primary) }
    }

    private func send(_ command: EncodedCommand) async throws -> RESPValue {
        try await leastLoadedConnection().execute([command], timeout: configuration.commandTimeout)[0].throwingErrorReply()
    }

    /// The connection with the fewest requests queued or in flight, starting the search at a rotating index.
    private func leastLoadedConnection() -> PipelinedConnection {
        let start = state.withLock { state in
            state.nextConnection = (state.nextConnection + 1) % connections.count
            return state.nextConnection
        }
        var best = connections[start]
        var bestLoad = best.load
        for offset in 1..<connections.count where bestLoad > 0 {
            let candidate = connections[(start + offset) % connections.count]
            let load = candidate.load
            if load < bestLoad { (best, bestLoad) = (candidate, load) }
        }
        return best
    }
}
