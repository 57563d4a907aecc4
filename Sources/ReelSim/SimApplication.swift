public import Hummingbird
public import Logging
public import NIOCore

/// Builds the simulated provider's application from a configuration.
///
/// ```swift
/// let app = buildSimApplication(configuration: .init(host: "127.0.0.1", port: 8100, renderSeconds: 5))
/// try await app.runService()
/// ```
/// - Parameters:
///   - configuration: where to listen, render time and faults.
///   - logger: the application's logger; a `reel.sim` logger at info level when nil.
public func buildSimApplication(configuration: SimConfiguration, logger: Logger? = nil) -> some ApplicationProtocol {
    buildSimApplication(simulator: Simulator(configuration: configuration), logger: logger)
}

/// Builds the simulated provider's application around an existing `Simulator`, so the caller can read its
/// counters and queue faults while it runs.
///
/// The video routes answer under `/`, `/v1` and `/openai/v1` (Azure's v1 shape); Google's Veo routes (Gemini API,
/// Vertex AI, the OAuth token endpoint `/token`) at the root; `/sim/stats`, `/sim/reset` and `/sim/faults` are the
/// simulator's own.
/// - Parameters:
///   - simulator: the state the application serves.
///   - logger: the application's logger; a `reel.sim` logger at info level when nil.
///   - onServerRunning: called once the server listens, with its channel (whose `localAddress` gives the port
///     when the configuration asked for port 0).
public func buildSimApplication(
    simulator: Simulator,
    logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: SimRequestIDMiddleware())
    let controller = SimController(simulator: simulator)
    for prefix in ["", "v1", "openai/v1"] {
        controller.addRoutes(to: router.group(RouterPath(prefix)))
        controller.addResponsesRoutes(to: router.group(RouterPath(prefix)))
        controller.addRealtimeRoutes(to: router.group(RouterPath(prefix)))
    }
    controller.addVeoRoutes(to: router)
    controller.addAdminRoutes(to: router.group("sim"))
    controller.addResponsesAdminRoutes(to: router.group("sim"))
    let configuration = simulator.configuration
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil, backlog: 4096),
        onServerRunning: onServerRunning,
        logger: logger ?? Logger(label: "reel.sim")
    )
}
