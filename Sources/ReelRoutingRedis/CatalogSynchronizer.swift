public import Logging
import ReelLogging
public import ReelRedis
public import ReelRouting
public import ServiceLifecycle

/// Keeps a ``RoutingTable`` in step with the catalog reloads published through Redis.
///
/// A reload anywhere (`reel catalog reload`, `POST /reload/model_cost_map`) stores the catalog in Redis with a
/// new version and announces it on a pub/sub channel; every process running a synchronizer reads it and swaps
/// in a new ``RoutingSnapshot`` at once. A timer re-reads the version as well, because pub/sub drops messages
/// published while a subscription reconnects.
///
/// ```swift
/// let synchronizer = CatalogSynchronizer(client: redis, table: table, logger: logger)
/// let group = ServiceGroup(services: [synchronizer, app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// // elsewhere, in any process:
/// let version = try await synchronizer.publish(catalog: try ModelCatalog.load(path: "new.json"))
/// ```
public final class CatalogSynchronizer: Service {
    /// The keys and channel used.
    public let keys: RouterKeys
    private let client: RedisClient
    private let table: RoutingTable
    private let pollInterval: Duration
    private let logger: Logger

    /// Creates a synchronizer.
    /// - Parameters:
    ///   - client: the Redis connection.
    ///   - table: the table to keep current.
    ///   - keys: where the published state lives (tests pass a unique namespace).
    ///   - pollInterval: how often the version is re-read besides pub/sub.
    ///   - logger: reload events (info) and unusable publications (error).
    public init(
        client: RedisClient,
        table: RoutingTable,
        keys: RouterKeys = RouterKeys(),
        pollInterval: Duration = .seconds(5),
        logger: Logger = RedisClient.silentLogger
    ) {
        self.client = client
        self.table = table
        self.keys = keys
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Follows reloads until graceful shutdown, then returns normally; throws `CancellationError` when cancelled
    /// otherwise.
    public func run() async throws {
        await refreshLoggingErrors()
        do {
            try await cancelWhenGracefulShutdown {
                try await withThrowingDiscardingTaskGroup { group in
                    // Reacts to announcements within milliseconds.
                    group.addTask {
                        for try await _ in self.client.subscribe(channels: [self.keys.reloadChannel]) {
                            await self.refreshLoggingErrors()
                        }
                    }
                    // Catches announcements lost while the subscription was reconnecting.
                    group.addTask {
                        while true {
                            try await Task.sleep(for: self.pollInterval)
                            await self.refreshLoggingErrors()
                        }
                    }
                }
            }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            // The cancellation that a graceful shutdown asked for is this service's normal end.
        }
    }

    /// Reads the published version now and swaps in the catalog when it is newer than the table's.
    public func refresh() async throws {
        let catalogVersion = try await client.send(["HGET", keys.published, "catalog_version"]).string.flatMap { Int($0) } ?? 0
        guard catalogVersion > table.snapshot.catalogVersion else { return }
        guard let json = try await client.send(["HGET", keys.published, "catalog"]).string else { return }
        let catalog = try ModelCatalog(json: json)
        if table.adopt(catalog: catalog, version: catalogVersion) {
            logger.info(
                "model catalog reloaded",
                metadata: [LogKey.catalogVersion: "\(catalogVersion)", LogKey.catalogModels: "\(catalog.entries.count)"]
            )
        }
    }

    /// Publishes `catalog` to every process (this one included, at its next refresh).
    /// - Returns: the new catalog version.
    @discardableResult
    public func publish(catalog: ModelCatalog) async throws -> Int {
        try await Self.publish(catalog: catalog, client: client, keys: keys)
    }

    /// Publishes `catalog` without a synchronizer (the `reel catalog reload` command).
    /// - Returns: the new catalog version.
    @discardableResult
    public static func publish(catalog: ModelCatalog, client: RedisClient, keys: RouterKeys = RouterKeys()) async throws -> Int {
        let reply = try await RouterLibrary.call(client, .publish, keys: [keys.published], arguments: ["catalog", catalog.json, keys.reloadChannel])
        guard let version = reply.int else { throw RedisError(.protocolError, message: "reel_router_publish returned \(reply)") }
        return version
    }

    private func refreshLoggingErrors() async {
        do {
            try await refresh()
        } catch {
            logger.error("reading the published catalog failed", metadata: [LogKey.error: "\(error)"])
        }
    }
}
