import ReelAPICore
import Foundation
import Hummingbird
import ReelProviders
import ReelQueue
import ReelRouting
import ReelStorage
import ReelVideo

/// `/v1/videos…`: create, list, retrieve, delete, download, remix, edit, extend.
struct VideosController<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore> {
    let front: VideoFront<Queue, Keys, Blobs>

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.post("videos", use: create)
        group.get("videos", use: list)
        group.post("videos/edits", use: edit)
        group.post("videos/extensions", use: extend)
        group.get("videos/:id", use: retrieve)
        group.delete("videos/:id", use: delete)
        group.get("videos/:id/content", use: content)
        group.post("videos/:id/remix", use: remix)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        try await front.admit(caller)
        let form = try await front.bodyReader.read(request, files: ["input_reference": .image])
        do {
            let prompt = try form.requiredString("prompt")
            // Checked against what the model's deployments take (``VideoRouting/capable(_:of:)``), once the model is known.
            let requestedSeconds = try form.string("seconds")
            let size = try form.string("size") ?? "720x1280"
            let model = try form.string("model") ?? VideoRouting.defaultModel
            var reference: InputReference?
            if form.file("input_reference") == nil, try form.string("input_reference") != nil {
                throw APIError(.invalidParameter, "Invalid 'input_reference': expected a file or an object with 'image_url' or 'file_id'.", param: "input_reference")
            }
            if let url = try form.nestedString("input_reference", "image_url") {
                reference = .imageURL(url)
            } else if try form.nestedString("input_reference", "file_id") != nil {
                // Reel has no Files API: a provider file id cannot be traced to the caller and could name another
                // tenant's file on the shared provider account.
                throw APIError(
                    .invalidParameter,
                    "Invalid 'input_reference': 'file_id' is not accepted here; upload the image as 'input_reference' or give 'image_url'.",
                    param: "input_reference"
                )
            } else if form.hasObject("input_reference") {
                throw APIError(.invalidParameter, "Invalid 'input_reference': give 'image_url' or 'file_id'.", param: "input_reference")
            }
            let characterIDs = try form.objectIDs("characters")
            guard characterIDs.count <= 2 else {
                throw APIError(.invalidParameter, "Invalid 'characters': at most 2 characters per video, but got \(characterIDs.count).", param: "characters")
            }
            var owners: [String] = []
            for id in characterIDs {
                owners.append(try await front.ownedRecord(id, object: .character, caller: caller).record.deploymentID)
            }
            // A generation with characters goes where the characters live; they must all live on one account.
            let pinned = try front.routing.owner(ofAll: owners, objects: "characters")
            let upload = form.file("input_reference")
            let requirement = ProviderCapabilities.Requirement(
                operation: .create, seconds: requestedSeconds, size: size, input: upload != nil || reference != nil ? .image : nil
            )
            let deployment: Deployment
            if let pinned {
                deployment = try front.routing.pinned(pinned, model: model, patterns: caller.modelPatterns, requirement: requirement)
            } else {
                deployment = try await front.routing.deployment(for: model, patterns: caller.modelPatterns, requirement: requirement)
            }
            let seconds = requestedSeconds ?? VideoRouting.defaultSeconds(of: deployment)
            let deploymentID = deployment.id
            let record = try await front.submit(
                .init(kind: .generate, modelGroup: model, deployment: deployment, uploads: form.files) { id, blobs in
                    let input = upload.flatMap { blobs[$0.field] }.map(InputReference.upload) ?? reference
                    let payload = VideoJobPayload(
                        kind: .generate, deploymentID: deploymentID, modelGroup: model, prompt: prompt, seconds: seconds, size: size,
                        inputReference: input, characterIDs: characterIDs,
                        extraBody: form.extraBody(known: ["prompt", "model", "seconds", "size", "input_reference", "characters"])
                    )
                    let record = VideoRecord(
                        id: id, object: .video, owner: caller.id, model: model, createdAt: front.wallClock.seconds,
                        prompt: prompt, seconds: seconds, size: size, deploymentID: deploymentID
                    )
                    return (payload, record)
                },
                caller: caller, form: form, idempotencyKey: request.headers[.idempotencyKey], scope: "videos"
            )
            return jsonResponse(VideoObject(record))
        } catch {
            await front.bodyReader.discard(form.files)
            throw error
        }
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let query = request.uri.queryParameters
        var limit = 20
        if let text = query["limit"] {
            guard let value = Int(String(text)), (1...100).contains(value) else {
                throw APIError(.invalidParameter, "Invalid 'limit': expected an integer between 1 and 100, but got '\(text.prefix(40))'.", param: "limit")
            }
            limit = value
        }
        let order = query["order"].map(String.init) ?? "desc"
        guard order == "asc" || order == "desc" else {
            throw APIError(.invalidParameter, "Invalid 'order': expected 'asc' or 'desc', but got '\(order.prefix(40))'.", param: "order")
        }
        var after: String?
        if let text = query["after"].map(String.init), !text.isEmpty {
            guard let managed = front.routing.codec.decode(text, as: .video) else {
                throw APIError(.invalidParameter, "Invalid 'after': '\(text.prefix(100))' is not a video id.", param: "after")
            }
            after = managed.objectID
        }
        var videos: [VideoObject] = []
        var hasMore = true
        while videos.count < limit, hasMore {
            let page = try await front.queue.jobs(owner: caller.id, after: after, limit: limit - videos.count, descending: order == "desc")
            hasMore = page.hasMore
            after = page.jobs.last?.id
            for job in page.jobs where job.state != .cancelled && !job.cancelRequested {
                guard let record = VideoRecord(job: job), record.object == .video, !record.deleted
                else { continue }
                videos.append(VideoObject(record))
            }
            if page.jobs.isEmpty { break }
        }
        return jsonResponse(VideoList(data: videos, hasMore: hasMore))
    }

    @Sendable func retrieve(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let (record, _) = try await front.ownedRecord(try context.parameters.require("id"), object: .video, caller: caller)
        var headers: HTTPFields = [:]
        if !record.status.isTerminal {
            headers[.openAIPollAfter] = String(front.options.pollAfterMilliseconds)
        }
        return jsonResponse(VideoObject(record), headers: headers)
    }

    @Sendable func delete(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.parameters.require("id")
        var (record, job) = try await front.ownedRecord(id, object: .video, caller: caller)
        let outcome = try await front.queue.cancel(id: job.id)
        if outcome != .cancelled || record.providerObjectID != nil {
            // The provider holds (or may hold) the video, even one cancelled between polls: a delete job removes
            // it there and drops the stored content.
            let payload = VideoJobPayload(kind: .delete, deploymentID: record.deploymentID, modelGroup: record.model, sourceVideoID: id)
            do {
                _ = try await front.queue.enqueue(
                    NewJob(
                        id: "delete-\(job.id)",
                        type: VideoJobKind.delete.rawValue,
                        payload: payload.json,
                        limits: front.options.jobLimits(for: .delete)
                    )
                )
            } catch let error as QueueError where error.code == .notReplicated {
                // Queued on the primary; replicas that acknowledge the record's replacement below have it too.
            }
        }
        record.deleted = true
        var replicated = true
        do {
            _ = try await front.queue.replaceFinishedRecord(id: job.id, record: record.json)
        } catch let error as QueueError where error.code == .notReplicated {
            replicated = false
        }
        // The job is cancelled or done: its uploads are no longer needed (a worker still reading one keeps its
        // open file until it lets go).
        try await front.blobs.deleteAll(under: VideoBlobKey.uploads(jobID: job.id))
        guard replicated else {
            throw APIError(
                .notReplicated,
                "Video '\(id)' is deleted, but fewer Redis replicas than required confirmed it in time, so it may reappear if Redis fails over now. Retrieve it before deleting it again."
            )
        }
        return try jsonResponse(VideoDeleted(id: id))
    }

    @Sendable func content(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.parameters.require("id")
        let variantName = request.uri.queryParameters["variant"].map(String.init) ?? "video"
        guard let variant = VideoVariant(rawValue: variantName), let contentType = Self.contentTypes[variantName] else {
            throw APIError(.invalidParameter, "Invalid 'variant': expected 'video', 'thumbnail' or 'spritesheet', but got '\(variantName.prefix(40))'.", param: "variant")
        }
        let (record, _) = try await front.ownedRecord(id, object: .video, caller: caller)
        if let deployment = front.routing.table.snapshot.deployment(id: record.deploymentID) {
            let produced = VideoRouting.capabilities(of: deployment).variants
            guard produced.contains(variant) else {
                throw APIError(
                    .unsupportedVariant,
                    "Video '\(id)' has no \(variantName): the model \(record.model) produces only \(produced.map(\.rawValue).joined(separator: ", "))."
                        + " Only those variants can be downloaded.",
                    param: "variant"
                )
            }
        }
        guard record.status == .completed else {
            throw APIError(.invalidRequest, "Video '\(id)' is not ready: its status is \(record.status.rawValue). Download it once it is completed.")
        }
        let key = VideoBlobKey.result(videoID: id, variant: variant)
        guard record.variants.contains(variantName), let content = try await front.blobs.content(of: key, range: request.headers[.range])
        else {
            throw APIError(.notFound, "Video '\(id)' has no \(variantName) content.", param: "variant")
        }
        return try await FileResponse.make(content, contentType: contentType, request: request, context: context)
    }

    @Sendable func remix(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let sourceID = try context.parameters.require("id")
        try await front.admit(caller)
        let form = try await front.bodyReader.read(request, files: [:])
        let prompt = try form.requiredString("prompt")
        let (source, _) = try await front.ownedRecord(sourceID, object: .video, caller: caller)
        let deployment = try front.routing.deployment(of: source, patterns: caller.modelPatterns, requirement: .init(operation: .remix))
        let record = try await front.submit(
            .init(kind: .remix, modelGroup: source.model, deployment: deployment, uploads: []) { id, _ in
                let payload = VideoJobPayload(
                    kind: .remix, deploymentID: deployment.id, modelGroup: source.model, prompt: prompt, sourceVideoID: sourceID
                )
                let record = VideoRecord(
                    id: id, object: .video, owner: caller.id, model: source.model, createdAt: front.wallClock.seconds,
                    prompt: prompt, seconds: source.seconds, size: source.size, remixedFromVideoID: sourceID,
                    deploymentID: deployment.id
                )
                return (payload, record)
            },
            caller: caller, form: form, idempotencyKey: request.headers[.idempotencyKey], scope: "remix:\(sourceID)"
        )
        return jsonResponse(VideoObject(record))
    }

    @Sendable func edit(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await followUp(.edit, request, context: context)
    }

    @Sendable func extend(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await followUp(.extend, request, context: context)
    }

    /// Edits and extensions: `video` is a file or `{id}` of one of the caller's videos (pinned to its deployment).
    private func followUp(_ kind: VideoJobKind, _ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        try await front.admit(caller)
        let form = try await front.bodyReader.read(request, files: ["video": .video])
        do {
            let prompt = try form.requiredString("prompt")
            // Optional for extensions (LiteLLM's examples omit it); the provider's default applies when absent.
            let seconds = try kind == .extend ? form.string("seconds") : nil
            let upload = form.file("video")
            // An uploaded video is an input Veo does not take (the Gemini API extends only videos it made).
            let requirement = ProviderCapabilities.Requirement(operation: kind == .extend ? .extend : .edit, seconds: seconds, input: upload != nil ? .video : nil)
            // A value no deployment takes is refused before the source is looked up.
            try front.routing.checkAnyDeploymentTakes(requirement)
            let sourceID = try form.nestedString("video", "id")
            if upload == nil, sourceID == nil {
                if form.hasObject("video") {
                    throw APIError(.missingParameter, "Missing required parameter: 'video.id'.", param: "video.id")
                }
                if try form.string("video") != nil {
                    throw APIError(.invalidParameter, "Invalid 'video': expected a file or an object {\"id\": …}.", param: "video")
                }
                throw APIError(.missingParameter, "Missing required parameter: 'video' (a file, or {\"id\": …} of a video).", param: "video")
            }
            let model: String
            let deployment: Deployment
            var source: VideoRecord?
            if let sourceID {
                source = try await front.ownedRecord(sourceID, object: .video, caller: caller).record
                model = source!.model
                deployment = try front.routing.deployment(of: source!, patterns: caller.modelPatterns, requirement: requirement)
            } else {
                model = try form.string("model") ?? VideoRouting.defaultModel
                deployment = try await front.routing.deployment(for: model, patterns: caller.modelPatterns, requirement: requirement)
            }
            let record = try await front.submit(
                .init(kind: kind, modelGroup: model, deployment: deployment, uploads: form.files) { id, blobs in
                    let payload = VideoJobPayload(
                        kind: kind, deploymentID: deployment.id, modelGroup: model, prompt: prompt, seconds: seconds,
                        sourceVideoID: sourceID, sourceUpload: upload.flatMap { blobs[$0.field] },
                        extraBody: form.extraBody(known: ["prompt", "model", "seconds", "video"])
                    )
                    let record = VideoRecord(
                        id: id, object: .video, owner: caller.id, model: model, createdAt: front.wallClock.seconds,
                        prompt: prompt, seconds: seconds ?? source?.seconds, size: source?.size, deploymentID: deployment.id
                    )
                    return (payload, record)
                },
                caller: caller, form: form, idempotencyKey: request.headers[.idempotencyKey], scope: kind.rawValue
            )
            return jsonResponse(VideoObject(record))
        } catch {
            await front.bodyReader.discard(form.files)
            throw error
        }
    }

    static var contentTypes: [String: String] { ["video": "video/mp4", "thumbnail": "image/webp", "spritesheet": "image/jpeg"] }
}
