import Synchronization

extension RedisClient {
    private static let maximumIdleDedicated = 4

    /// Runs `body` with a connection of its own, for blocking commands such as `BZPOPMIN` or `BLPOP`.
    ///
    /// The connection has its own thread. A blocking command's own blocking time is added to the command timeout
    /// (a blocking time of 0, "forever", waits indefinitely), and cancelling the task interrupts the wait with a
    /// `CancellationError`. The connection goes back to a small idle pool afterwards; do not keep it.
    ///
    /// ```swift
    /// let popped = try await client.withDedicatedConnection { connection in
    ///     try await connection.send(["BZPOPMIN", "jobs:ready", "5"])
    /// }
    /// ```
    /// - Parameters:
    ///   - isolation: The caller's isolation, inherited by `body`.
    ///   - body: Work to do with the connection.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or ``RedisError/Code/closed`` if the client is closed.
    public func withDedicatedConnection<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (RedisConnection) async throws -> T
    ) async throws -> T {
        let connection = try leaseDedicatedConnection()
        let handle = RedisConnection(connection: connection, commandTimeout: configuration.commandTimeout)
        do {
            let result = try await body(handle)
            handle.endLease()
            returnDedicatedConnection(connection)
            return result
        } catch {
            handle.endLease()
            returnDedicatedConnection(connection)
            throw error
        }
    }

    private func leaseDedicatedConnection() throws(RedisError) -> PipelinedConnection {
        try state.withLock { state throws(RedisError) in
            guard !state.closed else { throw RedisError(.closed) }
            let connection =
                state.idleDedicated.popLast()
                ?? PipelinedConnection(connector: connector, logger: logger, interruptsOnCancel: true)
            state.leasedDedicated[ObjectIdentifier(connection)] = connection
            return connection
        }
    }

    private func returnDedicatedConnection(_ connection: PipelinedConnection) {
        let keep = state.withLock { state in
            guard state.leasedDedicated.removeValue(forKey: ObjectIdentifier(connection)) != nil else { return false }
            guard !state.closed, state.idleDedicated.count < Self.maximumIdleDedicated else { return false }
            state.idleDedicated.append(connection)
            return true
        }
        if !keep { connection.close() }
    }
}
