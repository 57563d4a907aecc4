import Logging

/// Opens the connections of one ``RedisClient``: to the configured server, or, with
/// ``RedisConfiguration/Endpoint/sentinel(masterName:sentinels:)``, to the primary the sentinels name.
///
/// A primary found through the sentinels is checked with `ROLE` before use: during a failover the sentinels may
/// still name the old primary, now dead or turned replica, and a write must never go to a replica. When the
/// known primary fails, the sentinels are asked once more; when they name nothing usable the connection fails
/// with ``RedisError/Code/noPrimary`` at once, so callers fail fast rather than wait for a failover to end.
final class RedisConnector: Sendable {
    let configuration: RedisConfiguration
    private let sentinel: SentinelMonitor?

    init(configuration: RedisConfiguration, logger: Logger) {
        self.configuration = configuration
        if case .sentinel(let masterName, let sentinels) = configuration.endpoint.kind {
            sentinel = SentinelMonitor(masterName: masterName, sentinels: sentinels, configuration: configuration, logger: logger)
        } else {
            sentinel = nil
        }
    }

    /// A new connection, authenticated and on the configured database.
    func connect() throws(RedisError) -> HiredisContext {
        guard let sentinel else { return try HiredisContext.connect(to: configuration.endpoint, configuration: configuration) }
        let known = try sentinel.primary()
        do throws(RedisError) {
            return try connect(toPrimary: known, of: sentinel)
        } catch where error.code == .authenticationFailed {
            throw error
        } catch {
            sentinel.forget(known)
            let named = try sentinel.primary()
            guard named != known else { throw error }
            return try connect(toPrimary: named, of: sentinel)
        }
    }

    /// Whether a connection that received `reply` must be dropped: with Sentinel, a `READONLY` error (a write to a
    /// server that is no longer the primary) or an `UNBLOCKED` one (a blocked command released by a role change)
    /// says the server was demoted. Then the sentinels are asked again at the next connection, so a client that
    /// missed the announcement of a failover still moves instead of failing on the old primary for good.
    func demotes(_ reply: RESPValue, on endpoint: RedisConfiguration.Endpoint) -> Bool {
        guard let sentinel, let message = reply.errorMessage, message.hasPrefix("READONLY") || message.hasPrefix("UNBLOCKED") else {
            return false
        }
        sentinel.forget(endpoint)
        return true
    }

    /// Sets what is called, on a thread of the connector's, with the new primary after a Sentinel failover.
    func onPrimarySwitch(_ handler: @escaping @Sendable (RedisConfiguration.Endpoint) -> Void) {
        sentinel?.onSwitch(handler)
    }

    /// Stops following the sentinels.
    func close() {
        sentinel?.close()
    }

    private func connect(toPrimary endpoint: RedisConfiguration.Endpoint, of sentinel: SentinelMonitor) throws(RedisError) -> HiredisContext {
        func noPrimary(_ reason: String, underlying: RedisError? = nil) -> RedisError {
            RedisError(
                .noPrimary,
                message: "the sentinels name \(endpoint) as the primary of '\(sentinel.masterName)', \(reason)",
                underlying: underlying
            )
        }
        let context: HiredisContext
        do throws(RedisError) {
            context = try HiredisContext.connect(to: endpoint, configuration: configuration)
        } catch where error.code == .authenticationFailed {
            throw error
        } catch {
            throw noPrimary("which does not answer: \(error.message ?? "\(error.code)")", underlying: error)
        }
        let role = try context.run(["ROLE"]).array?.first?.string
        guard role == "master" else {
            let what = role == "slave" ? "replica" : role ?? "server that does not say its role"
            throw noPrimary("but it is a \(what) (a failover may be in progress)")
        }
        return context
    }
}
