public import Logging
public import ReelConfiguration
import ReelHTTP
import ReelLogging
import ReelQueue
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelStorage
public import ServiceLifecycle
import UnixSignals

/// Builds the `reel worker` process from a configuration: Redis client, queue, shared router state, provider
/// transport, blob store, the job loop and the metrics endpoint, in one service group that stops claiming on
/// SIGTERM/SIGINT, lets running ticks finish within the grace period and hands the rest back.
///
/// The Redis client and the transport are listed first, so they close last, after the job loop has handed its jobs back.
///
/// ```swift
/// let configuration = try ReelConfiguration.load(path: "worker-config/config.yaml", environment: ProcessInfo.processInfo.environment)
/// try await makeWorkerServiceGroup(configuration: configuration, worker: WorkerConfiguration(settings: configuration.reel.worker)).run()
/// ```
/// - Parameters:
///   - configuration: The loaded configuration (`REDIS_URL` already applied).
///   - worker: Slots, leases, poll pacing and grace period.
///   - metricsHost: Address of `/metrics` and `/health/*`.
///   - metricsPort: Port of `/metrics` and `/health/*` (0 picks a free one).
///   - logger: The process's logger.
public func makeWorkerServiceGroup(
    configuration: ReelConfiguration,
    worker: WorkerConfiguration,
    metricsHost: String = "127.0.0.1",
    metricsPort: Int = 9101,
    logger: Logger = Logger(label: "reel.worker")
) async throws -> ServiceGroup {
    var logger = logger
    logger[metadataKey: LogKey.workerID] = "\(worker.workerID)"
    // First: metric handles made before the bootstrap would stay unconnected.
    let registry = WorkerEndpoint.bootstrapMetrics()
    let transport = CurlTransport(logger: logger)
    // Before any connection: a deployment whose credentials cannot be used stops the start-up, naming it.
    var deployments: [VideoDeployment] = []
    for deployment in configuration.deployments {
        deployments.append(try .configured(deployment, transport: transport, logger: logger))
    }
    let redis = try RedisClient(url: configuration.reel.redisURL, logger: logger)
    let queue = RedisJobQueue.redis(redis, name: configuration.reel.queue, options: JobQueueOptions(retention: configuration.reel.retention))
    try await queue.bootstrap()
    let routerState = SharedRouterState(client: redis, settings: configuration.router, logger: logger)
    try await routerState.prepare()
    let codec = try ManagedIDCodec(secrets: configuration.reel.secrets)
    let blobs = try ConfiguredBlobStore(settings: configuration.reel.storage)
    let runner = VideoJobRunner(
        queue: queue,
        deployments: VideoDeploymentDirectory(deployments),
        gate: RoutingDeploymentGate(state: routerState, deployments: configuration.deployments, strategy: configuration.router.routingStrategy),
        blobs: blobs,
        configuration: worker,
        clock: ContinuousClock(),
        jobID: { codec.decode($0)?.objectID },
        logger: logger
    )
    let endpoint = WorkerEndpoint.application(
        registry: registry,
        host: metricsHost,
        port: metricsPort,
        ready: { (try? await queue.stats()) != nil },
        logger: logger
    )
    return ServiceGroup(
        configuration: .init(
            services: [
                redis, transport, TemporarySweeper(store: blobs, logger: logger), WorkerService(runner: runner, configuration: worker, logger: logger),
                endpoint,
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
    )
}
