import Foundation
import Logging
import ReelProviders
import ReelQueue
import ReelStorage
import ReelVideo

extension VideoJobRunner {
    /// Streams the finished video's content (video, thumbnail, spritesheet) into the blob store and marks the record
    /// completed. Variants already stored are not fetched again; a missing thumbnail or spritesheet is skipped.
    func fetch(_ job: inout VideoJob, cancellation: CancellationFlag, logger: Logger) async throws {
        if job.payload.kind != .createCharacter {
            let (deployment, objectID) = try submitted(job)
            do {
                try await withAcquiredSlot(deployment) {
                    try await storeContent(&job, from: deployment, objectID: objectID, cancellation: cancellation, logger: logger)
                }
            } catch let error as ProviderError {
                throw objectCallFailed(error, &job)
            }
        }
        markCompleted(&job)
    }

    /// Downloads the variants of a finished video that are not stored yet, all at once, inside the caller's slot of
    /// the deployment. Each stored variant is added to the record, so a later tick fetches only the rest; a missing
    /// thumbnail or spritesheet is skipped. Nothing to do for a character.
    func storeContent(
        _ job: inout VideoJob,
        from deployment: VideoDeployment,
        objectID: String,
        cancellation: CancellationFlag,
        logger: Logger
    ) async throws {
        guard job.payload.kind != .createCharacter else { return }
        let missing = VideoVariant.allCases.filter { !(job.record?.variants.contains($0.rawValue) ?? false) }
        guard !missing.isEmpty else { return }
        if cancellation.isSet { throw JobCancelled() }
        let downloads = await download(missing, from: deployment, objectID: objectID)
        let videoID = job.record?.id ?? job.claimed.job.id
        var firstError: (any Error)?
        for download in downloads {
            do {
                let bytes = try download.outcome.get()
                let key = VideoBlobKey.result(videoID: videoID, variant: download.variant)
                _ = try await blobs.commit(temporaryPath: download.temporaryPath, as: key)
                job.record?.variants.append(download.variant.rawValue)
                job.step.consecutiveErrors = 0
                logger.trace("Content stored", metadata: ["reel.variant": "\(download.variant.rawValue)", "reel.bytes": "\(bytes)"])
            } catch let error as ProviderError where error.kind == .permanent && download.variant != .video {
                // The provider has no such variant.
                try? FileManager.default.removeItem(atPath: download.temporaryPath)
            } catch {
                try? FileManager.default.removeItem(atPath: download.temporaryPath)
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
    }

    /// Downloads `variants` concurrently, each into a temporary file of the blob store, and returns them in the order
    /// of `variants`.
    private func download(_ variants: [VideoVariant], from deployment: VideoDeployment, objectID: String) async -> [VariantDownload] {
        let provider = deployment.provider
        let finished = await withTaskGroup(of: VariantDownload.self) { group in
            for variant in variants {
                let temporaryPath = blobs.makeTemporaryPath()
                group.addTask {
                    do {
                        let bytes = try await provider.downloadContent(videoID: objectID, variant: variant, to: temporaryPath)
                        return VariantDownload(variant: variant, temporaryPath: temporaryPath, outcome: .success(bytes))
                    } catch {
                        return VariantDownload(variant: variant, temporaryPath: temporaryPath, outcome: .failure(error))
                    }
                }
            }
            return await group.reduce(into: [VideoVariant: VariantDownload]()) { $0[$1.variant] = $1 }
        }
        return variants.compactMap { finished[$0] }
    }

    /// Marks the record completed, now.
    func markCompleted(_ job: inout VideoJob) {
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
        try await blobs.deleteAll(under: VideoBlobKey.results(videoID: record.id))
        record.deleted = true
        _ = try await queue.replaceFinishedRecord(id: jobID, record: record.json)
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
            try? await blobs.deleteAll(under: VideoBlobKey.results(videoID: record.id))
        }
    }
}
