import Synchronization

/// A connection of its own, lent by ``RedisClient/withDedicatedConnection(isolation:_:)`` for blocking commands.
///
/// A blocking command (`BLPOP`, `BRPOP`, `BRPOPLPUSH`, `BLMOVE`, `BLMPOP`, `BZPOPMIN`, `BZPOPMAX`, `BZMPOP`,
/// `XREAD`/`XREADGROUP … BLOCK`) may wait its own blocking time plus the command timeout; a blocking time of
/// 0 waits indefinitely. Cancelling the calling task interrupts the wait. The connection is only valid inside
/// the closure it was given to; afterwards every call throws ``RedisError/Code/closed``.
public final class RedisConnection: Sendable {
    private let connection: PipelinedConnection
    private let commandTimeout: Duration
    private let leased = Atomic(true)

    init(connection: PipelinedConnection, commandTimeout: Duration) {
        self.connection = connection
        self.commandTimeout = commandTimeout
    }

    /// Sends one command and returns its reply.
    /// - Parameter arguments: The command and its arguments, as UTF-8 text.
    /// - Throws: ``RedisError``: ``RedisError/Code/replyError`` for an error reply, a connection or timeout error,
    ///   or `CancellationError` when the task is cancelled while waiting.
    public func send(_ arguments: [String]) async throws -> RESPValue {
        try await send(EncodedCommand(arguments))
    }

    /// Sends several commands in one round trip and returns their replies in order; error replies are values.
    /// - Parameter commands: The commands, each a command name and its arguments.
    /// - Throws: ``RedisError`` for connection, timeout or ``RedisError/Code/closed`` errors.
    public func pipeline(_ commands: [[String]]) async throws -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        let encoded = try commands.map(EncodedCommand.init)
        return try await execute(encoded)
    }

    func endLease() {
        leased.store(false, ordering: .releasing)
    }

    private func send(_ command: EncodedCommand) async throws -> RESPValue {
        try await execute([command])[0].throwingErrorReply()
    }

    private func execute(_ commands: [EncodedCommand]) async throws -> [RESPValue] {
        guard leased.load(ordering: .acquiring) else {
            throw RedisError(.closed, message: "a dedicated connection was used after withDedicatedConnection returned")
        }
        var timeout: Duration? = .zero
        for command in commands {
            switch command.blockingTime {
            case .notBlocking: break
            case .forever: timeout = nil
            case .upTo(let time): timeout = timeout.map { $0 + time }
            }
        }
        return try await connection.execute(commands, timeout: timeout.map { $0 + commandTimeout })
    }
}
