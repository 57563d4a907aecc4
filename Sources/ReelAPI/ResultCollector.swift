package import Logging
import ReelAPICore
import ReelLogging
package import ReelQueue
package import ReelStorage
import ReelVideo
import ServiceLifecycle
package import ReelTime

/// Deletes the stored results (`results/<video id>/…`) of videos whose job the queue no longer holds — trimmed
/// after its retention period — so that results never outlive their records. Runs at start and then every
/// `period`; a pass that fails (Redis or the store unreachable) is logged and tried again at the next one.
///
/// The blob store must belong to this queue alone: a video of another queue sharing the directory or bucket
/// prefix would look trimmed.
package struct ResultCollector<Queue: JobQueueDriver, Blobs: BlobStore>: Service {
    let queue: Queue
    let blobs: Blobs
    /// The job id behind a video id, nil for a name that is no managed ID of this deployment (left alone).
    let jobID: @Sendable (String) -> String?
    var period: Duration = .seconds(3600)
    var clock: IntervalClock = .continuous
    let logger: Logger

    package init(
        queue: Queue, blobs: Blobs, jobID: @escaping @Sendable (String) -> String?, period: Duration = .seconds(3600),
        clock: IntervalClock = .continuous, logger: Logger
    ) {
        self.queue = queue
        self.blobs = blobs
        self.jobID = jobID
        self.period = period
        self.clock = clock
        self.logger = logger
    }

    func run() async throws {
        while !Task.isCancelled {
            do {
                let removed = try await collect()
                if removed > 0 { logger.info("Deleted the results of trimmed videos", metadata: [LogKey.storageRemoved: "\(removed)"]) }
            } catch {
                logger.warning("Results of trimmed videos not collected", metadata: [LogKey.error: "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(for: period) }
            } catch {
                return
            }
        }
    }

    /// One pass over the stored results; returns how many videos' results it deleted.
    package func collect() async throws -> Int {
        var removed = 0
        try await blobs.forEachFolderBatch(under: VideoBlobKey.resultsRoot) { videoIDs in
            for videoID in videoIDs {
                guard let id = jobID(videoID), try await queue.job(id: id) == nil else { continue }
                try await blobs.deleteAll(under: VideoBlobKey.results(videoID: videoID))
                removed += 1
            }
        }
        return removed
    }
}
