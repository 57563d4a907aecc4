public import Hummingbird
import NIOCore
public import ServiceLifecycle
public import Logging
public import Prometheus
public import ReelQueue
public import ReelStorage
public import ReelPassthrough
public import ReelAPICore

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
///   - limits: idle timeout, request deadline and connection cap of the server.
///   - onServerRunning: called once the server listens, with its channel (whose `localAddress` gives the port
///     when `configuration` asks for port 0).
public func buildApplication<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>(
    front: VideoFront<Queue, Keys, Blobs>,
    configuration: ApplicationConfiguration,
    readiness: [ReadinessCheck] = [],
    registry: PrometheusCollectorRegistry? = nil,
    reloadCatalog: (@Sendable () async throws -> Int)? = nil,
    services: [any Service] = [],
    passthrough: PassthroughFront? = nil,
    limits: APIServerLimits = .init(),
    logger: Logger = Logger(label: "reel.api"),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(
        front: front, readiness: readiness, registry: registry, reloadCatalog: reloadCatalog, passthrough: passthrough,
        requestTimeout: limits.requestTimeout
    )
    let connections = ConnectionCap(limit: limits.maxConnections)
    return Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [connections.handler()], idleTimeout: TimeAmount(limits.idleTimeout))),
        configuration: configuration,
        services: services,
        onServerRunning: onServerRunning,
        logger: logger
    )
}

/// The router of ``buildApplication(front:configuration:readiness:registry:reloadCatalog:services:passthrough:limits:logger:)``:
/// every route, its middleware, and `/openapi.json`.
package func buildRouter<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>(
    front: VideoFront<Queue, Keys, Blobs>,
    readiness: [ReadinessCheck] = [],
    registry: PrometheusCollectorRegistry? = nil,
    reloadCatalog: (@Sendable () async throws -> Int)? = nil,
    passthrough: PassthroughFront? = nil,
    requestTimeout: Duration = APIServerLimits().requestTimeout
) -> Router<APIRequestContext> {
    let router = Router(context: APIRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: RequestDeadlineMiddleware(timeout: requestTimeout))
    router.add(middleware: EnvelopeMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    let routes = MethodNotAllowedMiddleware.Routes()
    router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
    HealthController(checks: readiness, registry: registry).addRoutes(to: router)
    router.get("openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: OpenAPIDocument.bytes))
    }
    for prefix in ["v1", ""] {
        let group = router.group(RouterPath(prefix)).add(middleware: AuthMiddleware(authenticator: front.authenticator))
        CharactersController(front: front).addRoutes(to: group)
        VideosController(front: front).addRoutes(to: group)
    }
    passthrough?.addRoutes(to: router, authenticator: front.authenticator)
    let admin = router.group().add(middleware: AuthMiddleware(authenticator: front.authenticator))
    KeysController(front: front).addRoutes(to: admin)
    if let reloadCatalog { CatalogController(front: front, reload: reloadCatalog).addRoutes(to: admin) }
    routes.load(router)
    return router
}
