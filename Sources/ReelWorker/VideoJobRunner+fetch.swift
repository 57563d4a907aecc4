import Foundation
import Logging
import ReelLogging
import ReelProviders
import ReelQueue
import ReelStorage
import ReelVideo

extension VideoJobRunner {
    /// Streams the finished video's content (video, thumbnail, spritesheet) into the blob store and marks the record
    /// completed. Variants already stored are not fetched again; a missing thumbnail or spritesheet is skipped.
    func fetch(_ job: inout VideoJob, cancellation: CancellationFlag, logger: Logger) async throws -> VideoTickOutcome {
        guard job.payload.kind != .createCharacter else {
            job.markCompleted()
            return .completed
        }
        return try await withSubmittedObject(&job) { job, deployment, objectID in
            try await storeContent(&job, from: deployment, objectID: objectID, cancellation: cancellation, logger: logger)
        }
    }

    /// Downloads the variants of a finished video that the deployment's provider produces and that are not stored yet,
    /// all at once, inside the caller's slot of the deployment. Each stored variant is added to the record, so a later
    /// tick fetches only the rest; a missing thumbnail or spritesheet is skipped. Nothing to do for a character.
    /// - Returns: `.cancelled` when a cancel arrived before the downloads, nil once the content is stored.
    /// - Throws: The first download or storage error, after the variants that did arrive are stored.
    func storeContent(
        _ job: inout VideoJob,
        from deployment: VideoDeployment,
        objectID: String,
        cancellation: CancellationFlag,
        logger: Logger
    ) async throws -> VideoTickOutcome? {
        guard job.payload.kind != .createCharacter else { return nil }
        let missing = deployment.capabilities.variants.filter { !(job.record?.variants.contains($0.rawValue) ?? false) }
        guard !missing.isEmpty else { return nil }
        if cancellation.isSet { return .cancelled }
        let downloads = await download(missing, from: deployment, objectID: objectID)
        let videoID = job.record?.id ?? job.claimed.job.id
        var firstError: (any Error)?
        for download in downloads {
            do {
                let bytes = try download.outcome.get()
                _ = try await blobs.commit(temporaryPath: download.temporaryPath, as: VideoBlobKey.result(videoID: videoID, variant: download.variant))
                job.record?.variants.append(download.variant.rawValue)
                job.step.consecutiveErrors = 0
                logger.trace("Content stored", metadata: [LogKey.variant: "\(download.variant.rawValue)", LogKey.bytes: "\(bytes)"])
            } catch let error as ProviderError where error.kind == .permanent && download.variant != .video {
                // The provider has no such variant.
                try? FileManager.default.removeItem(atPath: download.temporaryPath)
            } catch {
                try? FileManager.default.removeItem(atPath: download.temporaryPath)
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        return nil
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
}
