import Logging
import ReelProviders
import ReelQueue
import ReelStorage
import ReelVideo

extension VideoJobRunner {
    /// Sends the job to the provider once its inputs are ready, on its deployment or — when that one refuses and the
    /// job may move — on another deployment of its group, chosen by the routing strategy as the front chooses.
    ///
    /// A job whose inputs or reference file live on a deployment goes there. The idempotency key derives from the
    /// job id, so a retried submit (after a crash between the call and the checkpoint) creates nothing twice, as
    /// long as it goes to the same deployment: a move is recorded before the call, and a job that may have been
    /// sent already (an answer that never came, or a worker lost while holding it) never moves.
    /// - Returns: The tick's outcome, or nil when the provider finished the object at once (fetch next).
    func submit(_ job: inout VideoJob, logger: Logger) async throws -> VideoTickOutcome? {
        let inputs: ResolvedInputs
        switch try await resolveInputs(job) {
        case .ready(let ready): inputs = ready
        case .notReady(let outcome): return outcome
        }
        let files: SubmitFiles
        switch submitFiles(job.payload, inputs) {
        case .success(let found): files = found
        case .failure(let error): return error.code == "invalid_job" ? .deadLettered(error) : .failed(error)
        }
        let preferredID =
            inputs.deploymentID ?? job.step.unconfirmedSubmitTo ?? job.step.deploymentID ?? job.record?.deploymentID ?? job.payload.deploymentID
        let maySitAtTheProvider = job.step.unconfirmedSubmitTo != nil || job.claimed.job.stalls > 0
        let movable = inputs.deploymentID == nil && !job.payload.pinsDeployment && !maySitAtTheProvider
        guard let preferred = deployments.deployment(id: preferredID) else {
            return .deadLettered(
                VideoError(code: "unknown_deployment", message: "No deployment \(preferredID) of \(job.payload.modelGroup) is configured on this worker.")
            )
        }
        let alternatives = movable ? deployments.others(inGroup: job.payload.modelGroup, than: preferredID) : []
        do {
            let admission = try await withAcquiredSlot(preferring: preferred, alternatives: alternatives) { deployment in
                job.step.deploymentID = deployment.id
                job.record?.deploymentID = deployment.id
                if deployment.id != preferredID, let record = job.record {
                    logger.info("Job moved to another deployment", metadata: ["reel.deployment.from": "\(preferredID)", "reel.deployment.to": "\(deployment.id)"])
                    // Recorded before the call: a worker that resumes this job after a crash sends it here too.
                    try await queue.updateRecord(job.claimed.lease, record: record.json)
                }
                do {
                    return try await send(job, inputs: inputs, files: files, to: deployment)
                } catch let error as ProviderError {
                    if error.kind == .transient, error.mayHaveTakenEffect { job.step.unconfirmedSubmitTo = deployment.id }
                    throw error
                }
            }
            switch admission {
            case .refused(let wait): return .snooze(after: wait)
            case .ran(let result, let deployment):
                logger.debug("Job submitted", metadata: [ReelLogging.deploymentID: "\(deployment.id)"])
                return track(result, &job)
            }
        } catch let error as ProviderError {
            if error.kind == .transient {
                return .retry(VideoError(code: error.code ?? "provider_unavailable", message: error.message), after: error.retryAfter)
            }
            return .failed(VideoError(code: error.code ?? "invalid_request", message: error.message))
        }
    }

    /// The provider call of the job's kind.
    private func send(_ job: VideoJob, inputs: ResolvedInputs, files: SubmitFiles, to deployment: VideoDeployment) async throws -> ProviderResult {
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
                inputReference: files.inputReference,
                characterIDs: inputs.characterIDs,
                extraBody: deployment.permittedExtraBody(payload.extraBody)
            )
            return .video(try await provider.createVideo(request, idempotencyKey: key))
        case .remix:
            return .video(try await provider.remixVideo(id: inputs.sourceVideoID ?? "", prompt: payload.prompt ?? "", idempotencyKey: key))
        case .edit:
            let request = EditVideoRequest(prompt: payload.prompt ?? "", video: files.source ?? .id(""), extraBody: deployment.permittedExtraBody(payload.extraBody))
            return .video(try await provider.editVideo(request, idempotencyKey: key))
        case .extend:
            let request = ExtendVideoRequest(
                prompt: payload.prompt ?? "",
                seconds: payload.seconds ?? "4",
                video: files.source ?? .id(""),
                extraBody: deployment.permittedExtraBody(payload.extraBody)
            )
            return .video(try await provider.extendVideo(request, idempotencyKey: key))
        case .createCharacter:
            let request = CreateCharacterRequest(name: payload.characterName ?? "", video: files.characterVideo ?? ProviderFile(path: "", filename: "", contentType: ""))
            return .character(try await provider.createCharacter(request, idempotencyKey: key))
        case .delete:
            throw ProviderError(.permanent, code: "invalid_job", message: "A delete job has nothing to submit.")
        }
    }

    /// The files the job's kind sends, checked before any deployment is asked: a missing input is an invalid job,
    /// an upload no longer stored fails the job.
    private func submitFiles(_ payload: VideoJobPayload, _ inputs: ResolvedInputs) -> Result<SubmitFiles, VideoError> {
        do {
            var files = SubmitFiles()
            switch payload.kind {
            case .generate:
                files.inputReference = try payload.inputReference.map(providerReference)
            case .remix:
                guard inputs.sourceVideoID != nil else { return .failure(.invalidJob("The job has no source video.")) }
            case .edit, .extend:
                if let id = inputs.sourceVideoID {
                    files.source = .id(id)
                } else if let upload = payload.sourceUpload {
                    files.source = .file(try providerFile(upload))
                } else {
                    return .failure(.invalidJob("The job has no source video."))
                }
            case .createCharacter:
                guard let video = payload.characterVideo else { return .failure(.invalidJob("The job has no character video.")) }
                files.characterVideo = try providerFile(video)
            case .delete:
                return .failure(.invalidJob("A delete job has nothing to submit."))
            }
            return .success(files)
        } catch {
            return .failure(error)
        }
    }

    private func providerReference(_ reference: InputReference) throws(VideoError) -> ProviderInputReference {
        switch reference {
        case .upload(let blob): .file(try providerFile(blob))
        case .imageURL(let url): .imageURL(url)
        case .fileID(let id): .fileID(id)
        }
    }

    private func providerFile(_ blob: BlobReference) throws(VideoError) -> ProviderFile {
        guard let path = try? blobs.path(for: blob.key) else {
            throw VideoError(code: "input_not_found", message: "The uploaded file \(blob.filename) is no longer stored.")
        }
        return ProviderFile(path: path, filename: blob.filename, contentType: blob.contentType)
    }
}

extension VideoJobPayload {
    /// Whether the job must stay on its deployment even before it is submitted (it names a provider file).
    var pinsDeployment: Bool {
        if case .fileID = inputReference { return true }
        return false
    }
}
