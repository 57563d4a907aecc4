import ReelProviders
import ReelVideo
import ReelQueue

extension VideoJobRunner {
    /// Runs one provider call inside a slot of a deployment's shared limits — `preferred`, or when it refuses, one of
    /// `alternatives` chosen by the gate's routing strategy — and reports transient failures towards its cooldown.
    ///
    /// Submit, poll and fetch all reach the provider through here.
    /// - Returns: The call's value and the deployment it ran on, or the wait the gate asked for.
    /// - Throws: The call's own errors.
    func withAcquiredSlot<T>(
        preferring preferred: VideoDeployment,
        alternatives: [VideoDeployment] = [],
        _ call: (VideoDeployment) async throws -> T
    ) async throws -> SlotAdmission<T> {
        let permit: GatePermit
        switch try await gate.acquire(preferring: preferred.id, alternatives: alternatives.map(\.id)) {
        case .granted(let granted): permit = granted
        case .refused(let retryAfter): return .refused(retryAfter: max(retryAfter, .milliseconds(50)))
        }
        let deployment = [preferred] + alternatives
        guard let chosen = deployment.first(where: { $0.id == permit.deploymentID }) else {
            try await gate.release(permit, transientFailure: false)
            return .refused(retryAfter: configuration.polling.initialInterval)
        }
        do {
            let value = try await call(chosen)
            try await gate.release(permit, transientFailure: false)
            return .ran(value, on: chosen)
        } catch {
            let transient = (error as? ProviderError)?.kind == .transient
            if let error = error as? ProviderError, transient {
                WorkerMetrics.providerError(deploymentID: chosen.id, httpStatus: error.httpStatus)
            }
            try await gate.release(permit, transientFailure: transient)
            throw error
        }
    }

    /// The outcome of a failed call on an existing provider object: a later retry (transient) or a failed job (permanent).
    ///
    /// Transient errors in a row count against the job's attempts; each waits an exponential, jittered backoff
    /// and at least the provider's `Retry-After`.
    func objectCallFailed(_ error: ProviderError, _ job: inout VideoJob) -> VideoTickOutcome {
        guard error.kind == .transient else {
            return .failed(VideoError(code: error.code ?? "provider_error", message: error.message))
        }
        job.step.consecutiveErrors += 1
        let limits = job.claimed.job.limits
        if job.step.consecutiveErrors >= limits.maxAttempts {
            return .deadLettered(
                VideoError(
                    code: "provider_unavailable",
                    message: "The provider failed \(job.step.consecutiveErrors) times in a row; the last error: \(error.message)"
                )
            )
        }
        let exponent = min(job.step.consecutiveErrors - 1, 20)
        let backoff = min(limits.baseBackoff * (1 << exponent), limits.maxBackoff)
        let jittered = backoff * Double.random(in: 0.5...1.0)
        return .snooze(after: max(jittered, error.retryAfter ?? .zero))
    }

    /// Runs `call` on the job's provider object inside a slot of the deployment that owns it (the object never moves):
    /// `call` returns the tick's outcome, or nil when the job is finished, which completes the record. A refused slot
    /// is a snooze, a provider error a retry or a failure (``objectCallFailed(_:_:)``).
    func withSubmittedObject(
        _ job: inout VideoJob,
        _ call: (inout VideoJob, VideoDeployment, String) async throws -> VideoTickOutcome?
    ) async throws -> VideoTickOutcome {
        let deployment: VideoDeployment
        let objectID: String
        switch submitted(job) {
        case .success(let found): (deployment, objectID) = found
        case .failure(let error): return .deadLettered(error)
        }
        do {
            switch try await withAcquiredSlot(preferring: deployment, { try await call(&job, $0, objectID) }) {
            case .refused(let wait): return .snooze(after: wait)
            case .ran(let outcome?, _): return outcome
            case .ran(nil, _):
                job.markCompleted()
                return .completed
            }
        } catch let error as ProviderError {
            return objectCallFailed(error, &job)
        }
    }

    /// The deployment and provider id of a submitted job, or the outcome that ends a job whose step state lost them.
    func submitted(_ job: VideoJob) -> Result<(VideoDeployment, String), VideoError> {
        let deploymentID = job.step.deploymentID ?? job.payload.deploymentID
        guard let objectID = job.step.providerObjectID else {
            return .failure(.invalidJob("The job's step state has no provider object."))
        }
        guard let deployment = deployments.deployment(id: deploymentID) else {
            return .failure(
                VideoError(code: "unknown_deployment", message: "The deployment \(deploymentID) that owns the job's object is not configured on this worker.")
            )
        }
        return .success((deployment, objectID))
    }
}
