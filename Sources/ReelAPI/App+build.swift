public import Hummingbird
public import ServiceLifecycle
public import Logging
public import Prometheus
public import ReelQueue
public import ReelStorage

/// Builds the API front: every route with and without `/v1`, the error envelope, request ids, metrics and auth.
///
/// ```swift
/// let app = buildApplication(front: front, configuration: .init(address: .hostname("127.0.0.1", port: 4000)))
/// try await app.runService()
/// ```
/// - Parameters:
///   - front: the shared dependencies of the routes.
///   - configuration: address and server settings.
///   - readiness: checks of `/health/readiness`.
///   - registry: the Prometheus registry `/metrics` shows; nil hides the route.
///   - reloadCatalog: loads and publishes the model catalog for `POST /reload/model_cost_map`; nil hides the route.
///   - services: services that run with the server (catalog follower, …), started first and stopped last.
///   - passthrough: the Responses and Realtime routes' dependencies; nil leaves those routes out.
public func buildApplication<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>(
    front: VideoFront<Queue, Keys, Blobs>,
    configuration: ApplicationConfiguration,
    readiness: [ReadinessCheck] = [],
    registry: PrometheusCollectorRegistry? = nil,
    reloadCatalog: (@Sendable () async throws -> Int)? = nil,
    services: [any Service] = [],
    passthrough: PassthroughFront? = nil,
    logger: Logger = Logger(label: "reel.api")
) -> some ApplicationProtocol {
    let router = Router(context: APIRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: EnvelopeMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    HealthController(checks: readiness, registry: registry).addRoutes(to: router)
    for prefix in ["v1", ""] {
        let group = router.group(RouterPath(prefix)).add(middleware: AuthMiddleware(front: front))
        CharactersController(front: front).addRoutes(to: group)
        VideosController(front: front).addRoutes(to: group)
    }
    passthrough?.addRoutes(to: router, front: front)
    let admin = router.group().add(middleware: AuthMiddleware(front: front))
    KeysController(front: front).addRoutes(to: admin)
    if let reloadCatalog { CatalogController(front: front, reload: reloadCatalog).addRoutes(to: admin) }
    return Application(router: router, configuration: configuration, services: services, logger: logger)
}
