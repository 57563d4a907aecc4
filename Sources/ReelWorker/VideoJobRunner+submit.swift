import Logging
import ReelProviders
import ReelQueue
import ReelStorage

extension VideoJobRunner {
    /// Sends the job to the provider once its inputs are ready, on the first deployment of its group that admits it.
    ///
    /// A job whose inputs or reference file live on a deployment goes there; any other job may move to another
    /// deployment of its group while its own cools down or is at its limits. The idempotency key derives from the
    /// job id, so a retried submit (after a crash between the call and the checkpoint) creates nothing twice, as
    /// long as it goes to the same deployment: a move is recorded before the call, and a job that may have been
    /// sent already (an answer that never came, or a worker lost while holding it) never moves.
    func submit(_ job: inout VideoJob, logger: Logger) async throws {
        let inputs = try await resolveInputs(job)
        let preferred =
            inputs.deploymentID ?? job.step.unconfirmedSubmitTo ?? job.step.deploymentID ?? job.record?.deploymentID ?? job.payload.deploymentID
        let maySitAtTheProvider = job.step.unconfirmedSubmitTo != nil || job.claimed.job.stalls > 0
        let movable = inputs.deploymentID == nil && !job.payload.pinsDeployment && !maySitAtTheProvider
        let candidates = movable
            ? deployments.candidates(group: job.payload.modelGroup, preferring: preferred)
            : deployments.deployment(id: preferred).map { [$0] } ?? []
        guard !candidates.isEmpty else {
            throw VideoJobFailure.deadLetter("unknown_deployment", "No deployment \(preferred) of \(job.payload.modelGroup) is configured on this worker.")
        }
        var wait: Duration?
        for deployment in candidates {
            let permit: GatePermit
            switch try await gate.acquire(deploymentID: deployment.id) {
            case .granted(let granted): permit = granted
            case .refused(let retryAfter):
                wait = min(wait ?? retryAfter, retryAfter)
                continue
            }
            job.step.deploymentID = deployment.id
            job.record?.deploymentID = deployment.id
            if deployment.id != preferred, let record = job.record {
                logger.info("Job moved to another deployment", metadata: ["reel.deployment.from": "\(preferred)", "reel.deployment.to": "\(deployment.id)"])
                // Recorded before the call: a worker that resumes this job after a crash sends it here too.
                do {
                    try await queue.updateRecord(job.claimed.lease, record: record.json)
                } catch {
                    try await gate.release(permit, transientFailure: false)
                    throw error
                }
            }
            let result: ProviderResult
            do {
                result = try await send(job, inputs: inputs, to: deployment)
                try await gate.release(permit, transientFailure: false)
            } catch let error as ProviderError {
                if error.kind == .transient { WorkerMetrics.providerError(deploymentID: deployment.id, httpStatus: error.httpStatus) }
                try await gate.release(permit, transientFailure: error.kind == .transient)
                if error.kind == .transient, error.mayHaveTakenEffect { job.step.unconfirmedSubmitTo = deployment.id }
                throw VideoJobFailure(
                    code: error.code ?? (error.kind == .transient ? "provider_unavailable" : "invalid_request"),
                    message: error.message,
                    disposition: error.kind == .transient ? .retry : .finish,
                    retryAfter: error.retryAfter
                )
            } catch {
                try await gate.release(permit, transientFailure: false)
                throw error
            }
            logger.debug("Job submitted", metadata: ["reel.deployment.id": "\(deployment.id)"])
            return try track(result, &job)
        }
        throw PollAgain(after: max(wait ?? configuration.polling.initialInterval, .milliseconds(50)))
    }

    /// The provider call of the job's kind, with the job's uploaded file (if any) in a local file for the length of the call.
    private func send(_ job: VideoJob, inputs: ResolvedInputs, to deployment: VideoDeployment) async throws -> ProviderResult {
        guard let blob = job.payload.uploadedFile else { return try await send(job, inputs: inputs, upload: nil, to: deployment) }
        let result = try await blobs.withLocalFile(for: blob.key) { path in
            try await send(job, inputs: inputs, upload: ProviderFile(path: path, filename: blob.filename, contentType: blob.contentType), to: deployment)
        }
        guard let result else {
            throw VideoJobFailure.finish("input_not_found", "The uploaded file \(blob.filename) is no longer stored.")
        }
        return result
    }

    private func send(_ job: VideoJob, inputs: ResolvedInputs, upload: ProviderFile?, to deployment: VideoDeployment) async throws -> ProviderResult {
        let payload = job.payload
        let key = "reel-\(job.claimed.job.id)"
        let provider = deployment.provider
        switch payload.kind {
        case .generate:
            let request = CreateVideoRequest(
                model: deployment.providerModel(forGroup: payload.modelGroup),
                prompt: payload.prompt ?? "",
                seconds: payload.seconds,
                size: payload.size,
                inputReference: try payload.inputReference.map { try providerReference($0, upload: upload) },
                characterIDs: inputs.characterIDs,
                extraBody: deployment.permittedExtraBody(payload.extraBody)
            )
            return .video(try await provider.createVideo(request, idempotencyKey: key))
        case .remix:
            guard let sourceID = inputs.sourceVideoID else { throw missingInput("source video") }
            return .video(try await provider.remixVideo(id: sourceID, prompt: payload.prompt ?? "", idempotencyKey: key))
        case .edit:
            let request = EditVideoRequest(
                prompt: payload.prompt ?? "",
                video: try source(payload, inputs, upload: upload),
                extraBody: deployment.permittedExtraBody(payload.extraBody)
            )
            return .video(try await provider.editVideo(request, idempotencyKey: key))
        case .extend:
            let request = ExtendVideoRequest(
                prompt: payload.prompt ?? "",
                seconds: payload.seconds ?? "4",
                video: try source(payload, inputs, upload: upload),
                extraBody: deployment.permittedExtraBody(payload.extraBody)
            )
            return .video(try await provider.extendVideo(request, idempotencyKey: key))
        case .createCharacter:
            guard payload.characterVideo != nil, let upload else { throw missingInput("character video") }
            let request = CreateCharacterRequest(name: payload.characterName ?? "", video: upload)
            return .character(try await provider.createCharacter(request, idempotencyKey: key))
        case .delete:
            throw VideoJobFailure.deadLetter("invalid_job", "A delete job has nothing to submit.")
        }
    }

    private func providerReference(_ reference: InputReference, upload: ProviderFile?) throws -> ProviderInputReference {
        switch reference {
        case .upload:
            guard let upload else { throw missingInput("reference file") }
            return .file(upload)
        case .imageURL(let url): return .imageURL(url)
        case .fileID(let id): return .fileID(id)
        }
    }

    private func source(_ payload: VideoJobPayload, _ inputs: ResolvedInputs, upload: ProviderFile?) throws -> ProviderVideoSource {
        if let id = inputs.sourceVideoID { return .id(id) }
        if payload.sourceUpload != nil, let upload { return .file(upload) }
        throw missingInput("source video")
    }

    private func missingInput(_ role: String) -> VideoJobFailure {
        .deadLetter("invalid_job", "The job has no \(role).")
    }
}

extension VideoJobPayload {
    /// The file a client uploaded for this job (reference image or video, source video, character video), if any.
    var uploadedFile: BlobReference? {
        if case .upload(let blob) = inputReference { return blob }
        return sourceUpload ?? characterVideo
    }

    /// Whether the job must stay on its deployment even before it is submitted (it names a provider file).
    var pinsDeployment: Bool {
        if case .fileID = inputReference { return true }
        return false
    }
}
