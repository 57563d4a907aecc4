import Hummingbird
public import Logging
import ServiceLifecycle

/// A simulator serving on a loopback port for the duration of `withSimulator(configuration:logger:_:)`.
public struct RunningSimulator: Sendable {
    /// The port it listens on.
    public let port: Int
    /// Its state, counters and fault plan.
    public let simulator: Simulator

    /// `http://HOST:PORT`: the root, where `/sim/stats` lives.
    public var rootURL: String { "http://\(simulator.configuration.host):\(port)" }
    /// `http://HOST:PORT/v1`: the base URL for an OpenAI client.
    public var baseURL: String { rootURL + "/v1" }
}

/// Runs a simulator on `configuration.host` (port 0 by default: a free one) while `body` runs, then stops it.
///
/// ```swift
/// try await withSimulator(configuration: .init(port: 0, renderSeconds: 0)) { sim in
///     // point a client at sim.baseURL; read sim.simulator.stats afterwards
/// }
/// ```
/// - Parameters:
///   - configuration: the simulator's settings; its port is usually 0.
///   - logger: the application's logger; a `reel.sim` logger when nil.
///   - body: runs while the simulator listens.
public func withSimulator<Result: Sendable>(
    configuration: SimConfiguration = .init(port: 0),
    logger: Logger? = nil,
    _ body: (RunningSimulator) async throws -> Result
) async throws -> Result {
    let simulator = Simulator(configuration: configuration)
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = buildSimApplication(simulator: simulator, logger: logger) { channel in
        portContinuation.yield(channel.localAddress?.port ?? configuration.port)
        portContinuation.finish()
    }
    let serviceGroup = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
    return try await withThrowingTaskGroup(of: Void.self) { group in
        // The server until graceful shutdown. If it fails to start, the port stream ends empty.
        group.addTask {
            defer { portContinuation.finish() }
            try await serviceGroup.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await group.next()
            throw CancellationError()
        }
        let result: Result
        do {
            result = try await body(RunningSimulator(port: port, simulator: simulator))
        } catch {
            await serviceGroup.triggerGracefulShutdown()
            throw error
        }
        await serviceGroup.triggerGracefulShutdown()
        try await group.waitForAll()
        return result
    }
}
