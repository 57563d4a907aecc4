import Foundation
public import Logging
import ReelLogging
public import ServiceLifecycle

/// Removes the blob store's abandoned temporary files at start and then periodically, so uploads and downloads
/// cut off by a crash do not fill the disk. Every process that writes temporary files runs one: with a bucket,
/// each machine has its own temporary directory.
public struct TemporarySweeper<Store: BlobStore>: Service {
    let store: Store
    /// A temporary file not written to for this long is abandoned.
    let idle: Duration
    /// Time between sweeps.
    let period: Duration
    let logger: Logger

    /// Creates a sweeper of `store`'s temporary directory.
    public init(store: Store, idle: Duration = .seconds(3600), period: Duration = .seconds(600), logger: Logger) {
        self.store = store
        self.idle = idle
        self.period = period
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled {
            let removed = store.removeTemporaries(idleFor: idle, now: Date())
            if removed > 0 {
                logger.info("Removed abandoned temporary files", metadata: [LogKey.storageRemoved: "\(removed)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: period) }
            } catch {
                return
            }
        }
    }
}
