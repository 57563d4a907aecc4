public import Hummingbird
public import Logging
public import NIOCore

/// Runs the application `makeApplication` builds for the duration of `body`, which receives the port it listens on.
///
/// `makeApplication` gets a quiet logger and the callback to pass as the application's `onServerRunning`; the
/// application binds a free port on loopback (`port: 0`). When `body` returns or throws, the server is cancelled.
///
/// ```swift
/// try await withLoopbackServer({ logger, onServerRunning in
///     Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
///                 onServerRunning: onServerRunning, logger: logger)
/// }) { port in … }
/// ```
public func withLoopbackServer<App: ApplicationProtocol, Value: Sendable>(
    _ makeApplication: (Logger, @escaping @Sendable (any Channel) async -> Void) -> App,
    _ body: (Int) async throws -> Value
) async throws -> Value {
    let (ports, portContinuation) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "test-server")
    logger.logLevel = .critical  // cancelling the server at the end logs errors that mean nothing here
    let app = makeApplication(logger) { channel in
        portContinuation.yield(channel.localAddress?.port ?? 0)
        portContinuation.finish()
    }
    return try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask {
            // Ends the port stream when the server fails to start, so that the wait below ends too.
            defer { portContinuation.finish() }
            try await app.run()
            return nil
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await group.next()
            throw LoopbackServerError()
        }
        defer { group.cancelAll() }
        return try await body(port)
    }
}
