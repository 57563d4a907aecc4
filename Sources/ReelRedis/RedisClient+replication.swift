extension RedisClient {
    /// Sends one command, then waits (`WAIT`) until `replicas` replicas have acknowledged every write made so far
    /// on its connection, or until `timeout` passes, and returns the reply and how many replicas acknowledged.
    ///
    /// Replication is asynchronous: a write Redis confirmed can vanish when the primary fails before a replica has
    /// it. Waiting for replicas narrows that window without closing it (a replica that acknowledged may still not
    /// be the one promoted). Both commands go on a connection of its own, since `WAIT` holds its connection for up
    /// to `timeout` and would stall the commands of others queued behind it on a shared one.
    ///
    /// ```swift
    /// let (reply, acknowledged) = try await client.send(["SET", "k", "v"], awaitingReplicas: 1, timeout: .seconds(1))
    /// if acknowledged < 1 { /* written on the primary only */ }
    /// ```
    /// - Parameters:
    ///   - arguments: The command and its arguments.
    ///   - replicas: How many replicas to wait for; 1 or more.
    ///   - timeout: The longest wait for them; at least one millisecond.
    /// - Returns: The command's reply, and the number of replicas that acknowledged it (fewer than `replicas` when
    ///   `timeout` passed first).
    /// - Throws: ``RedisError``, as ``send(_:)-([String])`` does; an error reply is thrown without waiting.
    public func send(_ arguments: [String], awaitingReplicas replicas: Int, timeout: Duration) async throws -> (reply: RESPValue, replicas: Int) {
        precondition(replicas >= 1 && timeout >= .milliseconds(1), "wait for at least one replica and one millisecond")
        let (seconds, attoseconds) = timeout.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let replies = try await withDedicatedConnection { connection in
            try await connection.pipeline([arguments, ["WAIT", String(replicas), String(milliseconds)]])
        }
        let reply = try replies[0].throwingErrorReply()
        guard let acknowledged = try replies[1].throwingErrorReply().int else {
            throw RedisError(.protocolError, message: "WAIT answered \(replies[1])")
        }
        return (reply, acknowledged)
    }
}
