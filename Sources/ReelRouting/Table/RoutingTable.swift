import Synchronization

/// Holds the current ``RoutingSnapshot`` and swaps it atomically on reload.
///
/// ```swift
/// let table = RoutingTable(RoutingSnapshot(configuration: configuration, catalog: .default))
/// let snapshot = table.snapshot            // one consistent view for the whole request
/// try snapshot.checkAccess(patterns: key.models, model: request.model)
/// ```
/// Read the snapshot once per request and use that value throughout, so a reload in the middle of a request
/// cannot mix two catalogs.
public final class RoutingTable: Sendable {
    private let current: Mutex<RoutingSnapshot>

    /// Creates a table holding `snapshot`.
    public init(_ snapshot: RoutingSnapshot) {
        self.current = Mutex(snapshot)
    }

    /// The current snapshot.
    public var snapshot: RoutingSnapshot {
        current.withLock { $0 }
    }

    /// Replaces the snapshot.
    public func replace(with snapshot: RoutingSnapshot) {
        current.withLock { $0 = snapshot }
    }

    /// Swaps in `catalog` (keeping deployments and settings) when `version` is newer than the current
    /// snapshot's catalog version; returns whether it did.
    @discardableResult
    public func adopt(catalog: ModelCatalog, version: Int) -> Bool {
        current.withLock { snapshot in
            guard version > snapshot.catalogVersion else { return false }
            snapshot = snapshot.replacing(catalog: catalog, version: version)
            return true
        }
    }
}
