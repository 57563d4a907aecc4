import Foundation
public import Logging
import Hummingbird
import Metrics
import Prometheus
import ReelQueue
import ReelRedis
public import ReelRouting
import ReelRoutingRedis
import ReelStorage
public import ServiceLifecycle
import UnixSignals
public import ReelVideo
public import ReelConfiguration

/// Builds the `reel api` process from a configuration: Redis client, queue, key store, blob store, routing,
/// Prometheus metrics and the HTTP server, in one service group that drains in-flight requests on SIGTERM/SIGINT.
///
/// ```swift
/// let configuration = try ReelConfiguration.load(path: "worker-config/config.yaml", environment: ProcessInfo.processInfo.environment)
/// try await makeAPIServiceGroup(configuration: configuration, host: "127.0.0.1", port: 4000).run()
/// ```
/// - Parameters:
///   - configuration: the loaded configuration (`REDIS_URL` and `REEL_MASTER_KEY` already applied).
///   - host: address to bind.
///   - port: port to bind.
public func makeAPIServiceGroup(configuration: ReelConfiguration, host: String, port: Int, logger: Logger = Logger(label: "reel.api"))
    async throws -> ServiceGroup
{
    // First: metric handles made before the bootstrap would stay unconnected.
    let registry = PrometheusCollectorRegistry()
    MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    let catalog = try configuration.reel.catalogPath.map { path throws(ConfigurationError) in try ModelCatalog.load(path: path) } ?? .default
    let table = RoutingTable(RoutingSnapshot(configuration: configuration, catalog: catalog))
    let redis = try RedisClient(url: configuration.reel.redisURL)
    let queue = RedisJobQueue(
        client: redis,
        name: configuration.reel.queue,
        options: JobQueueOptions(readCacheCapacity: configuration.reel.readCacheEntries)
    )
    let routerState = SharedRouterState(client: redis, settings: configuration.router, logger: logger)
    let catalogFollower = CatalogSynchronizer(client: redis, table: table, logger: logger)
    let front = VideoFront(
        queue: queue,
        keys: RedisVirtualKeyStore(client: redis),
        blobs: try FileBlobStore(directory: configuration.reel.storage.directory),
        routing: VideoRouting(
            table: table,
            codec: try ManagedIDCodec(secrets: configuration.reel.secrets),
            health: { deployments in try await routerState.health(of: deployments) }
        ),
        masterKey: configuration.masterKey,
        options: APIOptions(
            maxUploadBytes: Int64(configuration.reel.storage.maxUploadBytes),
            jobLimits: JobLimits(
                maxAttempts: max(configuration.reel.worker.budgets.maxAttempts, 1),
                maxPolls: configuration.reel.worker.budgets.maxPolls,
                maxStalls: configuration.reel.worker.budgets.maxStalls,
                deadline: configuration.reel.worker.budgets.deadline
            ),
            deadlines: Dictionary(
                uniqueKeysWithValues: configuration.reel.worker.budgets.deadlines.compactMap { type, deadline in
                    VideoJobKind(rawValue: type).map { ($0, deadline) }
                }
            )
        )
    )
    do {
        try await queue.bootstrap()
        try await routerState.prepare()
    } catch {
        // Redis may come later: readiness reports it and requests answer 503 until then.
        logger.warning("Redis functions not loaded at start", metadata: ["error": "\(error)"])
    }
    let passthrough = try PassthroughFront(table: table, secrets: configuration.reel.secrets, routerState: routerState)
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
    let app = buildApplication(
        front: front,
        configuration: .init(address: .hostname(host, port: port), serverName: "reel"),
        readiness: readiness,
        registry: registry,
        reloadCatalog: {
            let path = configuration.reel.catalogPath
            let catalog = try path.map { path throws(ConfigurationError) in try ModelCatalog.load(path: path) } ?? .default
            return try await catalogFollower.publish(catalog: catalog)
        },
        passthrough: passthrough,
        logger: logger
    )
    // Listed first, the follower of job changes stops last, after the HTTP server has drained.
    let jobChangeFollower: [any Service] = configuration.reel.readCacheEntries > 0 ? [JobChangeFollower(queue: queue, logger: logger)] : []
    return ServiceGroup(
        configuration: .init(
            services: jobChangeFollower + [catalogFollower, app],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
    )
}
