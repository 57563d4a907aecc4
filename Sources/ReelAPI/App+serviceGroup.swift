import Foundation
public import Logging
import Hummingbird
import Metrics
import Prometheus
import ReelAPICore
import ReelHTTP
import ReelLogging
import ReelPassthrough
import ReelQueue
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelStorage
public import ServiceLifecycle
import UnixSignals
import ReelVideo
public import ReelConfiguration

/// Builds the `reel api` process from a configuration: Redis client, queue (with its read cache), key store, blob
/// store, routing, the passthrough's transport, Prometheus metrics and the HTTP server, in one service group that
/// drains in-flight requests on SIGTERM/SIGINT and then closes the Redis client and the transport.
///
/// ```swift
/// let configuration = try ReelConfiguration.load(path: "worker-config/config.yaml", environment: ProcessInfo.processInfo.environment)
/// try await makeAPIServiceGroup(configuration: configuration, host: "127.0.0.1", port: 4000).run()
/// ```
/// - Parameters:
///   - configuration: the loaded configuration (`REDIS_URL` and `REEL_MASTER_KEY` already applied).
///   - host: address to bind.
///   - port: port to bind.
///   - limits: idle timeout, request deadline and connection cap of the HTTP server.
public func makeAPIServiceGroup(
    configuration: ReelConfiguration,
    host: String,
    port: Int,
    limits: APIServerLimits = .init(),
    logger: Logger = Logger(label: "reel.api")
) async throws -> ServiceGroup {
    // First: metric handles made before the bootstrap would stay unconnected.
    let registry = PrometheusCollectorRegistry()
    MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    let catalog = try configuration.reel.catalogPath.map { path throws(ConfigurationError) in try ModelCatalog.load(path: path) } ?? .default
    let table = RoutingTable(RoutingSnapshot(configuration: configuration, catalog: catalog))
    let redis = try RedisClient(url: configuration.reel.redisURL, logger: logger)
    let queue = RedisJobQueue(
        client: redis,
        name: configuration.reel.queue,
        options: JobQueueOptions(
            retention: configuration.reel.retention,
            replicaAcks: configuration.reel.redis.replicaAcks,
            replicaAckTimeout: configuration.reel.redis.replicaAckTimeout
        )
    )
    let routerState = SharedRouterState(client: redis, settings: configuration.router, logger: logger)
    let catalogFollower = CatalogSynchronizer(client: redis, table: table, logger: logger)
    let authenticator = Authenticator(keys: RedisVirtualKeyStore(client: redis), masterKey: configuration.masterKey)
    let blobs = try ConfiguredBlobStore(settings: configuration.reel.storage)
    let routing = VideoRouting(
        table: table,
        codec: try ManagedIDCodec(secrets: configuration.reel.secrets),
        health: { deployments in try await routerState.health(of: deployments) }
    )
    let budgets = configuration.reel.worker.budgets
    let options = APIOptions(
        maxUploadBytes: Int64(configuration.reel.storage.maxUploadBytes),
        maxQueuedJobs: configuration.reel.maxQueuedJobs,
        jobLimits: JobLimits(maxAttempts: budgets.maxAttempts, maxPolls: budgets.maxPolls, maxStalls: budgets.maxStalls, deadline: budgets.deadline),
        deadlines: Dictionary(
            uniqueKeysWithValues: budgets.deadlines.compactMap { type, deadline in VideoJobKind(rawValue: type).map { ($0, deadline) } }
        )
    )
    do {
        try await queue.bootstrap()
        try await routerState.prepare()
    } catch {
        // Redis may come later: readiness reports it and requests answer 503 until then.
        logger.warning("Redis functions not loaded at start", metadata: [LogKey.error: "\(error)"])
    }
    let transport = CurlTransport(configuration: .init(maxInMemoryBodySize: 64 << 20))
    let passthrough = try PassthroughFront(table: table, secrets: configuration.reel.secrets, routerState: routerState, transport: transport)
    let readiness = [
        ReadinessCheck(name: "redis") { _ = try await redis.send(["PING"]) },
        ReadinessCheck(name: "functions") {
            try await queue.bootstrap()
            try await routerState.prepare()
        },
        ReadinessCheck(name: "config") {
            guard !table.snapshot.deployments.isEmpty else { throw APIError(.serviceUnavailable, "no deployments configured") }
        },
    ]
    func application(queue: some JobQueueDriver) -> any Service {
        buildApplication(
            front: VideoFront(queue: queue, authenticator: authenticator, blobs: blobs, routing: routing, options: options),
            configuration: .init(address: .hostname(host, port: port), serverName: "reel"),
            readiness: readiness,
            registry: registry,
            reloadCatalog: {
                let path = configuration.reel.catalogPath
                let catalog = try path.map { path throws(ConfigurationError) in try ModelCatalog.load(path: path) } ?? .default
                return try await catalogFollower.publish(catalog: catalog)
            },
            passthrough: passthrough,
            limits: limits,
            logger: logger
        )
    }
    // A service group stops its services in reverse order: the app drains first, the Redis client and the
    // transport close last, after every request that used them has finished.
    var services: [any Service] = [redis, transport]
    services.append(TemporarySweeper(store: blobs, logger: logger))
    services.append(ResultCollector(queue: queue, blobs: blobs, jobID: { routing.codec.decode($0)?.objectID }, logger: logger))
    if configuration.reel.readCacheEntries > 0 {
        let cached = CachedJobQueue(queue, capacity: configuration.reel.readCacheEntries)
        services += [cached.follower(logger: logger), catalogFollower, application(queue: cached)]
    } else {
        services += [catalogFollower, application(queue: queue)]
    }
    return ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
}
