import Foundation
import Logging
import ReelProviders
import ReelQueue
import ReelStorage

extension VideoJobRunner {
    /// Streams the finished video's content (video, thumbnail, spritesheet) into the blob store and marks the record
    /// completed. Variants already stored are not fetched again; a missing thumbnail or spritesheet is skipped.
    func fetch(_ job: inout VideoJob, cancellation: CancellationFlag, logger: Logger) async throws {
        if job.payload.kind != .createCharacter {
            let (deployment, objectID) = try submitted(job)
            let videoID = job.record?.id ?? job.claimed.job.id
            let missing = VideoVariant.allCases.filter { !(job.record?.variants.contains($0.rawValue) ?? false) }
            var stored: [String] = []
            do {
                // One slot of the deployment for the whole fetch: the variants are downloaded one after the other.
                try await withAcquiredSlot(deployment) {
                    for variant in missing {
                        if cancellation.isSet { throw JobCancelled() }
                        let temporary = blobs.makeTemporaryPath()
                        do {
                            let bytes = try await deployment.provider.downloadContent(videoID: objectID, variant: variant, to: temporary)
                            _ = try await blobs.commit(temporaryPath: temporary, as: Self.contentKey(videoID: videoID, variant: variant.rawValue))
                            stored.append(variant.rawValue)
                            logger.trace("Content stored", metadata: ["reel.variant": "\(variant.rawValue)", "reel.bytes": "\(bytes)"])
                        } catch let error as ProviderError where error.kind == .permanent && variant != .video {
                            // The provider has no such variant.
                            try? FileManager.default.removeItem(atPath: temporary)
                        } catch {
                            try? FileManager.default.removeItem(atPath: temporary)
                            throw error
                        }
                    }
                }
            } catch {
                // Keep what is stored; a later tick fetches the rest.
                job.record?.variants += stored
                if !stored.isEmpty { job.step.consecutiveErrors = 0 }
                if let error = error as? ProviderError { throw objectCallFailed(error, &job) }
                throw error
            }
            job.record?.variants += stored
        }
        job.record?.status = .completed
        job.record?.progress = 100
        job.record?.completedAt = VideoJob.now()
        job.record?.expiresAt = job.step.expiresAt
        job.record?.error = nil
    }

    /// Deletes a finished video at the provider and its stored content, and marks its record deleted.
    func deleteSource(_ job: inout VideoJob, logger: Logger) async throws {
        guard let sourceID = job.payload.sourceVideoID, let jobID = jobIDForManagedID(sourceID),
            let snapshot = try await queue.job(id: jobID), var record = VideoRecord(job: snapshot)
        else { return }
        guard record.status.isTerminal || [.done, .dead, .cancelled].contains(snapshot.state) else {
            throw PollAgain(after: configuration.polling.inputInterval)
        }
        if let objectID = record.providerObjectID, record.object == .video, let deployment = deployments.deployment(id: record.deploymentID) {
            do {
                try await withAcquiredSlot(deployment) { try await deployment.provider.deleteVideo(id: objectID) }
            } catch let error as ProviderError where error.kind == .transient {
                throw objectCallFailed(error, &job)
            } catch let error as ProviderError {
                logger.debug("Provider did not delete the video", metadata: ["error": "\(error)"])
            }
        }
        try await blobs.deleteAll(under: "results/\(record.id)")
        record.deleted = true
        _ = try await queue.replaceFinishedRecord(id: jobID, record: String(decoding: try JSONEncoder().encode(record), as: UTF8.self))
    }

    /// Best effort: cancels (deletes) the job's object at the provider and drops any content already stored.
    func cancelAtProvider(_ job: VideoJob, logger: Logger) async {
        if job.payload.kind != .createCharacter, let (deployment, objectID) = try? submitted(job) {
            do {
                try await withAcquiredSlot(deployment) { try await deployment.provider.deleteVideo(id: objectID) }
            } catch {
                logger.debug("Provider did not cancel the video", metadata: ["error": "\(error)"])
            }
        }
        if let record = job.record, !record.variants.isEmpty {
            try? await blobs.deleteAll(under: "results/\(record.id)")
        }
    }
}
