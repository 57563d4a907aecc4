import Logging
import ReelLogging
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
        // An uploaded file is lent by the blob store as a local file for the length of the call (a copy when the store
        // is remote, removed after).
        guard let upload = job.payload.uploadedFile else { return try await submit(&job, inputs: inputs, uploadPath: nil, logger: logger) }
        let outcome = try await blobs.withLocalFile(for: upload.key) { path in
            try await submit(&job, inputs: inputs, uploadPath: path, logger: logger)
        }
        guard let outcome else {
            return .failed(VideoError(code: "input_not_found", message: "The uploaded file \(upload.filename) is no longer stored."))
        }
        return outcome
    }

    /// ``submit(_:logger:)`` once the inputs are ready, with the job's uploaded file (if any) at `uploadPath`.
    private func submit(_ job: inout VideoJob, inputs: ResolvedInputs, uploadPath: String?, logger: Logger) async throws -> VideoTickOutcome? {
        let files: SubmitFiles
        switch submitFiles(job.payload, inputs, uploadPath: uploadPath) {
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
        let requirement = job.payload.requirement
        let alternatives = movable
            ? deployments.others(inGroup: job.payload.modelGroup, than: preferredID).filter { $0.capabilities.satisfies(requirement) } : []
        let confirmedBefore = job.step.unconfirmedSubmitTo
        do {
            let admission = try await withAcquiredSlot(preferring: preferred, alternatives: alternatives) { deployment in
                job.step.deploymentID = deployment.id
                job.record?.deploymentID = deployment.id
                if deployment.id != preferredID, let record = job.record {
                    logger.info("Job moved to another deployment", metadata: [LogKey.deploymentFrom: "\(preferredID)", LogKey.deploymentTo: "\(deployment.id)"])
                    // Recorded before the call: a worker that resumes this job after a crash sends it here too.
                    try await queue.updateRecord(job.claimed.lease, record: record.json)
                }
                // Until an answer says otherwise the provider may hold the job: a tick cut short from here on (a
                // shutdown) hands the job back pinned to this deployment (see `run`).
                job.step.unconfirmedSubmitTo = deployment.id
                do {
                    return try await send(job, inputs: inputs, files: files, to: deployment)
                } catch let error as ProviderError {
                    if error.kind != .transient || !error.mayHaveTakenEffect { job.step.unconfirmedSubmitTo = confirmedBefore }
                    throw error
                }
            }
            switch admission {
            case .refused(let wait): return .snooze(after: wait)
            case .ran(let result, let deployment):
                job.step.unconfirmedSubmitTo = confirmedBefore
                logger.debug("Job submitted", metadata: [LogKey.deploymentID: "\(deployment.id)"])
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
                // Absent from the request (it is optional): the deployment's first extension length.
                seconds: payload.seconds ?? deployment.capabilities.extensionSeconds.first ?? "4",
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
    private func submitFiles(_ payload: VideoJobPayload, _ inputs: ResolvedInputs, uploadPath: String?) -> Result<SubmitFiles, VideoError> {
        do {
            var files = SubmitFiles()
            switch payload.kind {
            case .generate:
                files.inputReference = try payload.inputReference.map { reference throws(VideoError) in try providerReference(reference, uploadPath: uploadPath) }
            case .remix:
                guard inputs.sourceVideoID != nil else { return .failure(.invalidJob("The job has no source video.")) }
            case .edit, .extend:
                if let id = inputs.sourceVideoID {
                    files.source = .id(id)
                } else if let upload = payload.sourceUpload {
                    files.source = .file(try providerFile(upload, uploadPath: uploadPath))
                } else {
                    return .failure(.invalidJob("The job has no source video."))
                }
            case .createCharacter:
                guard let video = payload.characterVideo else { return .failure(.invalidJob("The job has no character video.")) }
                files.characterVideo = try providerFile(video, uploadPath: uploadPath)
            case .delete:
                return .failure(.invalidJob("A delete job has nothing to submit."))
            }
            return .success(files)
        } catch {
            return .failure(error)
        }
    }

    private func providerReference(_ reference: InputReference, uploadPath: String?) throws(VideoError) -> ProviderInputReference {
        switch reference {
        case .upload(let blob): .file(try providerFile(blob, uploadPath: uploadPath))
        case .imageURL(let url): .imageURL(url)
        case .fileID(let id): .fileID(id)
        }
    }

    /// The job's uploaded file `blob`, at `uploadPath` where the store lent it.
    private func providerFile(_ blob: BlobReference, uploadPath: String?) throws(VideoError) -> ProviderFile {
        guard let path = uploadPath else {
            throw VideoError(code: "input_not_found", message: "The uploaded file \(blob.filename) is no longer stored.")
        }
        return ProviderFile(path: path, filename: blob.filename, contentType: blob.contentType)
    }
}

extension VideoJobPayload {
    /// The file a client uploaded for this job (reference image or video, source video, character video), if any: a
    /// job has at most one.
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
