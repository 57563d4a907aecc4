import Logging
import ReelLogging
import ReelProviders
import ReelQueue
import ReelStorage
import ReelVideo

extension VideoJobRunner {
    /// Deletes a finished video at the provider and its stored content, and marks its record deleted.
    func deleteSource(_ job: inout VideoJob, logger: Logger) async throws -> VideoTickOutcome {
        guard let sourceID = job.payload.sourceVideoID, let jobID = jobIDForManagedID(sourceID),
            let snapshot = try await queue.job(id: jobID), var record = VideoRecord(job: snapshot)
        else { return .completed }
        guard record.status.isTerminal || [.done, .dead, .cancelled].contains(snapshot.state) else {
            return .snooze(after: configuration.polling.inputInterval)
        }
        if let objectID = record.providerObjectID, record.object == .video, let deployment = deployments.deployment(id: record.deploymentID),
            deployment.capabilities.operations.contains(.delete)
        {
            do {
                if case .refused(let wait) = try await withAcquiredSlot(preferring: deployment, { try await $0.provider.deleteVideo(id: objectID) }) {
                    return .snooze(after: wait)
                }
            } catch let error as ProviderError where error.kind == .transient {
                return objectCallFailed(error, &job)
            } catch let error as ProviderError {
                logger.debug("Provider did not delete the video", metadata: [LogKey.error: "\(error)"])
            }
        }
        try await blobs.deleteAll(under: VideoBlobKey.results(videoID: record.id))
        record.deleted = true
        _ = try await queue.replaceFinishedRecord(id: jobID, record: record.json)
        return .completed
    }

    /// Best effort: cancels (deletes) the job's object at the provider and drops any content already stored.
    func cancelAtProvider(_ job: VideoJob, logger: Logger) async {
        if job.payload.kind != .createCharacter, case .success(let (deployment, objectID)) = submitted(job),
            deployment.capabilities.operations.contains(.delete)
        {
            do {
                _ = try await withAcquiredSlot(preferring: deployment) { try await $0.provider.deleteVideo(id: objectID) }
            } catch {
                logger.debug("Provider did not cancel the video", metadata: [LogKey.error: "\(error)"])
            }
        }
        if let record = job.record, !record.variants.isEmpty {
            try? await blobs.deleteAll(under: VideoBlobKey.results(videoID: record.id))
        }
    }
}
