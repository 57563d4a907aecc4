import Logging
import ReelProviders
import ReelQueue
import ReelTime
import ReelVideo

extension VideoJobRunner {
    /// Asks the provider how the job's object is doing; the object never moves to another deployment. Once it is
    /// finished, its content is fetched under the same slot of the deployment (one admission for the poll and the
    /// downloads) and the record is completed.
    func poll(_ job: inout VideoJob, cancellation: CancellationFlag, logger: Logger) async throws {
        let (deployment, objectID) = try submitted(job)
        do {
            try await withAcquiredSlot(deployment) {
                let result: ProviderResult = job.payload.kind == .createCharacter
                    ? .character(try await deployment.provider.getCharacter(id: objectID))
                    : .video(try await deployment.provider.retrieveVideo(id: objectID))
                job.step.consecutiveErrors = 0
                try track(result, &job)
                try await storeContent(&job, from: deployment, objectID: objectID, cancellation: cancellation, logger: logger)
            }
        } catch let error as ProviderError {
            throw objectCallFailed(error, &job)
        }
        markCompleted(&job)
    }

    /// Mirrors what the provider said into the record and decides the next step: fetch, wait, or fail.
    func track(_ result: ProviderResult, _ job: inout VideoJob) throws {
        switch result {
        case .video(let video):
            job.step.providerObjectID = video.id
            job.record?.providerObjectID = video.id
            switch video.status {
            case "completed":
                job.providerFinishedAt = .now
                job.step.phase = .fetch
                job.step.expiresAt = video.expiresAt.map(Int64.init)
            case "failed":
                throw VideoJobFailure.finish(
                    video.error?.code ?? "video_generation_failed",
                    video.error?.message ?? "The provider reported the video as failed."
                )
            default:
                job.record?.status = video.status == "queued" ? .queued : .inProgress
                job.record?.error = nil
                job.record?.completedAt = nil
                let progress = min(max(video.progress, job.record?.progress ?? 0), 99)
                job.record?.progress = progress
                job.step.phase = .poll
                throw PollAgain(after: nextPollInterval(&job.step))
            }
        case .character(let character):
            job.step.providerObjectID = character.id
            job.record?.providerObjectID = character.id
            switch character.status {
            case nil, "ready", "completed", "succeeded":
                job.providerFinishedAt = .now
                job.step.phase = .fetch
            case "failed":
                throw VideoJobFailure.finish("character_failed", "The provider could not create the character.")
            default:
                job.record?.status = .inProgress
                job.step.phase = .poll
                throw PollAgain(after: nextPollInterval(&job.step))
            }
        }
    }

    /// The deployment and provider id of a submitted job.
    func submitted(_ job: VideoJob) throws -> (VideoDeployment, String) {
        let deploymentID = job.step.deploymentID ?? job.payload.deploymentID
        guard let objectID = job.step.providerObjectID else {
            throw VideoJobFailure.deadLetter("invalid_job", "The job's step state has no provider object.")
        }
        guard let deployment = deployments.deployment(id: deploymentID) else {
            throw VideoJobFailure.deadLetter("unknown_deployment", "The deployment \(deploymentID) that owns the job's object is not configured on this worker.")
        }
        return (deployment, objectID)
    }

    /// Runs one provider call inside a slot of the deployment's shared limits, reporting failures for its cooldown.
    ///
    /// - Throws: ``PollAgain`` when the deployment does not admit the call now; the call's own errors otherwise.
    func withAcquiredSlot<T>(_ deployment: VideoDeployment, _ call: () async throws -> T) async throws -> T {
        let permit: GatePermit
        switch try await gate.acquire(deploymentID: deployment.id) {
        case .granted(let granted): permit = granted
        case .refused(let retryAfter): throw PollAgain(after: max(retryAfter, .milliseconds(50)))
        }
        do {
            let value = try await call()
            try await gate.release(permit, transientFailure: false)
            return value
        } catch {
            let transient = (error as? ProviderError)?.kind == .transient
            if let error = error as? ProviderError, transient {
                WorkerMetrics.providerError(deploymentID: deployment.id, httpStatus: error.httpStatus)
            }
            try await gate.release(permit, transientFailure: transient)
            throw error
        }
    }

    /// Turns a failed call on an existing provider object into a later retry (transient) or a failed job (permanent).
    ///
    /// Transient errors in a row count against the job's attempts; each waits an exponential, jittered backoff
    /// and at least the provider's `Retry-After`.
    func objectCallFailed(_ error: ProviderError, _ job: inout VideoJob) -> any Error {
        guard error.kind == .transient else {
            return VideoJobFailure.finish(error.code ?? "provider_error", error.message)
        }
        job.step.consecutiveErrors += 1
        let limits = job.claimed.job.limits
        if job.step.consecutiveErrors >= limits.maxAttempts {
            return VideoJobFailure.deadLetter(
                "provider_unavailable",
                "The provider failed \(job.step.consecutiveErrors) times in a row; the last error: \(error.message)"
            )
        }
        let exponent = min(job.step.consecutiveErrors - 1, 20)
        let backoff = min(limits.baseBackoff * (1 << exponent), limits.maxBackoff)
        let jittered = backoff * Double.random(in: 0.5...1.0)
        return PollAgain(after: max(jittered, error.retryAfter ?? .zero))
    }

    /// The next poll interval: the first one, then growing by the multiplier up to the ceiling, jittered.
    func nextPollInterval(_ step: inout VideoJobStep) -> Duration {
        let polling = configuration.polling
        let base: Duration = step.pollIntervalMs.map { min(.milliseconds($0) * polling.multiplier, polling.maxInterval) } ?? polling.initialInterval
        step.pollIntervalMs = base.milliseconds
        return base * Double.random(in: (1 - polling.jitter)...(1 + polling.jitter))
    }
}
