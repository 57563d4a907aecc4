import Logging
import ReelProviders
import ReelQueue
import ReelVideo
import ReelTime

extension VideoJobRunner {
    /// Asks the provider how the job's object is doing; the object never moves to another deployment. Once it is
    /// finished, its content is fetched under the same slot of the deployment (one admission for the poll and the
    /// downloads) and the record is completed.
    func poll(_ job: inout VideoJob, cancellation: CancellationFlag, logger: Logger) async throws -> VideoTickOutcome {
        try await withSubmittedObject(&job) { job, deployment, objectID in
            let result: ProviderResult = job.payload.kind == .createCharacter
                ? .character(try await deployment.provider.getCharacter(id: objectID))
                : .video(try await deployment.provider.retrieveVideo(id: objectID))
            job.step.consecutiveErrors = 0
            if let unfinished = track(result, &job) { return unfinished }
            return try await storeContent(&job, from: deployment, objectID: objectID, cancellation: cancellation, logger: logger)
        }
    }

    /// Mirrors what the provider said into the record and decides the next step: nil to fetch the finished object,
    /// a snooze until the next poll, or a failed job.
    func track(_ result: ProviderResult, _ job: inout VideoJob) -> VideoTickOutcome? {
        switch result {
        case .video(let video):
            job.step.providerObjectID = video.id
            job.record?.providerObjectID = video.id
            switch video.status {
            case "completed":
                job.providerFinishedAtMs = job.queueTimeMs()
                job.step.phase = .fetch
                job.step.expiresAt = video.expiresAt.map(Int64.init)
                return nil
            case "failed":
                return .failed(
                    VideoError(
                        code: video.error?.code ?? "video_generation_failed",
                        message: video.error?.message ?? "The provider reported the video as failed."
                    )
                )
            default:
                job.record?.status = video.status == "queued" ? .queued : .inProgress
                job.record?.error = nil
                job.record?.completedAt = nil
                let progress = min(max(video.progress, job.record?.progress ?? 0), 99)
                job.record?.progress = progress
                job.step.phase = .poll
                return .snooze(after: nextPollInterval(&job.step))
            }
        case .character(let character):
            job.step.providerObjectID = character.id
            job.record?.providerObjectID = character.id
            switch character.status {
            case nil, "ready", "completed", "succeeded":
                job.providerFinishedAtMs = job.queueTimeMs()
                job.step.phase = .fetch
                return nil
            case "failed":
                return .failed(VideoError(code: "character_failed", message: "The provider could not create the character."))
            default:
                job.record?.status = .inProgress
                job.step.phase = .poll
                return .snooze(after: nextPollInterval(&job.step))
            }
        }
    }

    /// The next poll interval: the first one, then growing by the multiplier up to the ceiling, jittered.
    package func nextPollInterval(_ step: inout VideoJobStep) -> Duration {
        let polling = configuration.polling
        let base: Duration = step.pollIntervalMs.map { min(.milliseconds($0) * polling.multiplier, polling.maxInterval) } ?? polling.initialInterval
        step.pollIntervalMs = base.milliseconds
        return base * Double.random(in: (1 - polling.jitter)...(1 + polling.jitter))
    }
}
