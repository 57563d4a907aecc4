import Foundation
import Logging
import ReelLogging
import ReelStorage
import ServiceLifecycle

/// Removes the blob store's abandoned temporary files at start and then periodically, so uploads and downloads
/// cut off by a crash do not fill the disk.
struct TemporarySweeper: Service {
    let store: FileBlobStore
    /// A temporary file not written to for this long is abandoned.
    var idle: Duration = .seconds(3600)
    /// Time between sweeps.
    var period: Duration = .seconds(600)
    var now: @Sendable () -> Date = { Date() }
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled {
            let removed = store.removeTemporaries(idleFor: idle, now: now())
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
