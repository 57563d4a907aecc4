import Foundation
import Hummingbird
import NIOCore
import ReelVideo

extension SimController {
    static let videoSeconds = ["4", "8", "12"]
    static let extensionSeconds = ["4", "8", "12", "16", "20"]
    static let videoSizes = ["720x1280", "1280x720", "1024x1792", "1792x1024"]
    static let defaultModel = "sora-2"
    static let imageTypes: Set<String> = ["image/jpeg", "image/png", "image/webp"]
    static let maxCharacters = 2

    /// The source of a remix, edit or extension.
    private enum Source {
        case video(SimVideo)
        /// An uploaded file, with its duration in whole seconds when it could be read.
        case upload(seconds: Int?)
    }

    func createVideo(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        if let repeated = try repeatedVideo(request, key: key) { return repeated }
        let form = try await SimForm.read(request, maxBytes: configuration.maxUploadBytes)
        try rejectUnknown(
            form,
            allowed: ["prompt", "model", "seconds", "size", "input_reference", "input_reference[image_url]", "input_reference[file_id]", "characters[][id]"]
        )
        let prompt = try required(form, "prompt")
        let model = form.string("model").flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultModel
        let seconds = try choice(form, "seconds", in: Self.videoSeconds, default: "4")!
        let size = try choice(form, "size", in: Self.videoSizes, default: "720x1280")!
        try validateInputReference(form)
        try validateCharacters(form.strings("characters[][id]"), key: key)
        return try startVideo(request, key: key) { id, sequence, now, outcome in
            SimVideo(
                id: id, owner: key, sequence: sequence, model: model, prompt: prompt, seconds: seconds, size: size,
                remixedFromVideoID: nil, createdAt: now, renderSeconds: configuration.renderSeconds, outcome: outcome
            )
        }
    }

    func remixVideo(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let sourceID = try context.parameters.require("id")
        if let repeated = try repeatedVideo(request, key: key) { return repeated }
        let form = try await SimForm.read(request, maxBytes: SimForm.jsonLimit)
        try rejectUnknown(form, allowed: ["prompt"])
        let prompt = try required(form, "prompt")
        let source = try completedVideo(sourceID, key: key, param: nil)
        return try startVideo(request, key: key) { id, sequence, now, outcome in
            SimVideo(
                id: id, owner: key, sequence: sequence, model: source.model, prompt: prompt, seconds: source.seconds,
                size: source.size, remixedFromVideoID: source.id, createdAt: now, renderSeconds: configuration.renderSeconds,
                outcome: outcome
            )
        }
    }

    func editVideo(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        if let repeated = try repeatedVideo(request, key: key) { return repeated }
        let form = try await SimForm.read(request, maxBytes: configuration.maxUploadBytes)
        try rejectUnknown(form, allowed: ["prompt", "video", "video[id]"])
        let prompt = try required(form, "prompt")
        let source = try sourceVideo(form, key: key)
        return try startVideo(request, key: key) { id, sequence, now, outcome in
            let video = if case .video(let video) = source { video } else { nil as SimVideo? }
            return SimVideo(
                id: id, owner: key, sequence: sequence, model: video?.model ?? Self.defaultModel, prompt: prompt,
                seconds: video?.seconds ?? "4", size: video?.size ?? "720x1280", remixedFromVideoID: nil, createdAt: now,
                renderSeconds: configuration.renderSeconds, outcome: outcome
            )
        }
    }

    func extendVideo(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        if let repeated = try repeatedVideo(request, key: key) { return repeated }
        let form = try await SimForm.read(request, maxBytes: configuration.maxUploadBytes)
        try rejectUnknown(form, allowed: ["prompt", "seconds", "video", "video[id]"])
        let prompt = try required(form, "prompt")
        _ = try required(form, "seconds")
        let added = try choice(form, "seconds", in: Self.extensionSeconds, default: nil)!
        let source = try sourceVideo(form, key: key)
        return try startVideo(request, key: key) { id, sequence, now, outcome in
            let video = if case .video(let video) = source { video } else { nil as SimVideo? }
            // The stitched total: the source's length (read from an uploaded MP4's header when possible) plus the extension.
            let sourceSeconds: Int? = switch source {
            case .video(let video): Int(video.seconds)
            case .upload(let seconds): seconds
            }
            let total = (sourceSeconds ?? 0) + Int(added)!
            return SimVideo(
                id: id, owner: key, sequence: sequence, model: video?.model ?? Self.defaultModel, prompt: prompt,
                seconds: String(total), size: video?.size ?? "720x1280", remixedFromVideoID: nil, createdAt: now,
                renderSeconds: configuration.renderSeconds, outcome: outcome
            )
        }
    }

    func retrieveVideo(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let id = try context.parameters.require("id")
        let video = try existingVideo(id, key: key)
        return json(video.object(at: simulator.now()), pollAfter: true)
    }

    func deleteVideo(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let id = try context.parameters.require("id")
        guard simulator.withState({ $0.deleteVideo(id, owner: key) }) else { throw Self.videoNotFound(id) }
        return try json(SimDeletedObject(id: id))
    }

    func listVideos(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let query = request.uri.queryParameters
        let after = query["after"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let limitText = query["limit"].map(String.init)
        guard let limit = limitText.map({ Int($0) }) ?? 20, (1...100).contains(limit) else {
            throw SimError.invalidRequest(
                "Invalid 'limit': expected an integer between 1 and 100, got '\(limitText ?? "")'.", param: "limit", code: "invalid_value"
            )
        }
        let order = query["order"].map(String.init) ?? "desc"
        guard order == "asc" || order == "desc" else {
            throw SimError.invalidRequest(
                "Invalid value: '\(order)'. Supported values are: 'asc' and 'desc'.", param: "order", code: "invalid_value"
            )
        }
        let page = simulator.withState { $0.listVideos(owner: key, after: after, limit: limit, ascending: order == "asc") }
        guard let page else { throw Self.videoNotFound(after ?? "", param: "after") }
        let now = simulator.now()
        return json(VideoList(data: page.videos.map { $0.object(at: now) }, hasMore: page.hasMore))
    }

    func downloadContent(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let id = try context.parameters.require("id")
        let variant = request.uri.queryParameters["variant"].map(String.init) ?? "video"
        let media: (type: String, body: ResponseBody)
        switch variant {
        case "video": media = ("video/mp4", videoBody())
        case "thumbnail": media = ("image/webp", .init(byteBuffer: SimMedia.thumbnailWebP))
        case "spritesheet": media = ("image/jpeg", .init(byteBuffer: SimMedia.spritesheetJPEG))
        default:
            throw SimError.invalidRequest(
                "Invalid value: '\(variant)'. Supported values are: 'video', 'thumbnail', and 'spritesheet'.", param: "variant",
                code: "invalid_value"
            )
        }
        _ = try completedVideo(id, key: key, param: nil)
        var headers: HTTPFields = [.contentType: media.type]
        if let length = media.body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: .ok, headers: headers, body: media.body)
    }

    /// The bundled clip, or the clip padded with an MP4 `free` box to `videoBytes`, streamed in 64 KiB chunks.
    func videoBody() -> ResponseBody {
        let clip = SimMedia.clipMP4
        guard let (total, header) = paddingBoxHeader() else { return .init(byteBuffer: clip) }
        return ResponseBody(contentLength: total) { writer in
            try await writer.write(clip)
            try await writer.write(header)
            let chunk = ByteBuffer(repeating: 0, count: 64 << 10)
            var remaining = total - clip.readableBytes - header.readableBytes
            while remaining > 0 {
                let size = min(remaining, chunk.readableBytes)
                try await writer.write(chunk.getSlice(at: chunk.readerIndex, length: size)!)
                remaining -= size
            }
            try await writer.finish(nil)
        }
    }

    /// `200` with ``videoBody()`` as `video/mp4`.
    func videoResponse() -> Response {
        let body = videoBody()
        var headers: HTTPFields = [.contentType: "video/mp4"]
        if let length = body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The video of ``videoBody()`` in memory, for a dialect that sends it inline (Vertex AI).
    func videoData() -> Data {
        var data = Data(SimMedia.clipMP4.readableBytesView)
        guard let (total, header) = paddingBoxHeader() else { return data }
        data.append(contentsOf: header.readableBytesView)
        data.append(Data(count: total - data.count))
        return data
    }

    /// `(videoBytes, the header of the free box that pads the clip to it)`, or nil when the clip goes unpadded.
    private func paddingBoxHeader() -> (total: Int, header: ByteBuffer)? {
        let clipBytes = SimMedia.clipMP4.readableBytes
        guard let total = configuration.videoBytes, total >= clipBytes + 8 else { return nil }
        var header = ByteBuffer()
        header.writeInteger(UInt32(total - clipBytes))
        header.writeString("free")
        return (total, header)
    }

    /// Validates the `input_reference`: an image file, or one of `image_url` (http(s) or data URL) and `file_id`.
    private func validateInputReference(_ form: SimForm) throws {
        let param = "input_reference"
        if form.string(param) != nil {
            throw SimError.invalidRequest(
                "Invalid type for 'input_reference': expected a file or an object with 'image_url' or 'file_id'.", param: param,
                code: "invalid_type"
            )
        }
        let url = form.string("input_reference[image_url]")
        let fileID = form.string("input_reference[file_id]")
        let given = [form.upload(param) != nil, url != nil, fileID != nil].filter { $0 }.count
        guard given <= 1 else {
            throw SimError.invalidRequest("Provide only one of a file, 'image_url' or 'file_id' for 'input_reference'.", param: param)
        }
        if let upload = form.upload(param) {
            let type = upload.contentType?.lowercased() ?? ""
            guard Self.imageTypes.contains(type) else {
                throw SimError.invalidRequest(
                    "Invalid file type '\(type)' for 'input_reference'. Supported types are image/jpeg, image/png and image/webp.",
                    param: param, code: "invalid_value"
                )
            }
            guard upload.byteCount > 0 else { throw SimError.invalidRequest("The 'input_reference' file is empty.", param: param) }
        }
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("data:image/")) {
            throw SimError.invalidRequest(
                "Invalid 'input_reference.image_url': expected a URL or a base64 data URL.", param: "input_reference.image_url",
                code: "invalid_value"
            )
        }
        if let fileID, fileID.isEmpty {
            throw SimError.invalidRequest("Invalid 'input_reference.file_id': empty.", param: "input_reference.file_id")
        }
    }

    private func validateCharacters(_ ids: [String], key: String) throws {
        guard ids.count <= Self.maxCharacters else {
            throw SimError.invalidRequest(
                "Too many characters: at most \(Self.maxCharacters) may be used in one video.", param: "characters", code: "invalid_value"
            )
        }
        for id in ids where simulator.withState({ $0.character(id, owner: key) }) == nil {
            throw SimError.invalidRequest("Character with id '\(id)' not found.", param: "characters", code: "invalid_value")
        }
    }

    /// The `video` of an edit or extension: a video file, or `video[id]` naming a completed video.
    private func sourceVideo(_ form: SimForm, key: String) throws -> Source {
        let id = form.string("video[id]")
        switch (form.upload("video"), id) {
        case (.some, .some):
            throw SimError.invalidRequest("Provide either a 'video' file or 'video.id', not both.", param: "video")
        case (.some(let upload), nil):
            try validateVideoUpload(upload)
            return .upload(seconds: SimMP4.duration(of: upload.head).map { Int($0.rounded()) })
        case (nil, .some(let id)):
            return .video(try completedVideo(id, key: key, param: "video.id"))
        case (nil, nil):
            if form.string("video") != nil {
                throw SimError.invalidRequest(
                    "Invalid type for 'video': expected a file or an object with 'id'.", param: "video", code: "invalid_type"
                )
            }
            throw SimError.invalidRequest("Missing required parameter: 'video'.", param: "video", code: "missing_required_parameter")
        }
    }

    /// An uploaded video must carry a video content type and some bytes.
    func validateVideoUpload(_ upload: SimForm.Upload) throws {
        let type = upload.contentType?.lowercased() ?? ""
        guard type.hasPrefix("video/") else {
            throw SimError.invalidRequest(
                "Invalid file type '\(type)' for 'video'. Upload a video file such as video/mp4.", param: "video", code: "invalid_value"
            )
        }
        guard upload.byteCount > 0 else { throw SimError.invalidRequest("The 'video' file is empty.", param: "video") }
    }

    private func existingVideo(_ id: String, key: String, param: String? = nil) throws -> SimVideo {
        guard let video = simulator.withState({ $0.video(id, owner: key) }) else { throw Self.videoNotFound(id, param: param) }
        return video
    }

    private func completedVideo(_ id: String, key: String, param: String?) throws -> SimVideo {
        let video = try existingVideo(id, key: key, param: param)
        guard video.isCompleted(at: simulator.now()) else {
            throw SimError.invalidRequest(
                "Video '\(id)' is not completed (status '\(video.object(at: simulator.now()).status)'); its content is not available.",
                param: param, code: "video_not_ready"
            )
        }
        return video
    }

    static func videoNotFound(_ id: String, param: String? = nil) -> SimError {
        .notFound("Video with id '\(id)' not found.", param: param)
    }

    /// For a repeated `Idempotency-Key`, the object the first request created.
    private func repeatedVideo(_ request: Request, key: String) throws -> Response? {
        guard let idempotencyKey = request.headers[Self.idempotencyKeyHeader] else { return nil }
        let created = simulator.withState { state -> SimState.Created?? in
            guard let created = state.created(idempotencyKey: idempotencyKey, owner: key) else { return nil }
            return .some(created)
        }
        guard let created else { return nil }
        return try idempotentReplay(created, key: key)
    }

    /// Answers a repeat with the object of the first request, or 400 if that one was of another kind or is gone.
    func idempotentReplay(_ created: SimState.Created?, key: String) throws -> Response {
        switch created {
        case .video(let id):
            if let video = simulator.withState({ $0.video(id, owner: key) }) {
                return json(video.object(at: simulator.now()), pollAfter: true)
            }
        case .character(let id):
            if let character = simulator.withState({ $0.character(id, owner: key) }) { return try json(character) }
        case nil:
            break
        }
        throw SimError.invalidRequest(
            "This Idempotency-Key was used for a different request.", param: nil, code: "idempotency_key_reused"
        )
    }

    /// Creates the video made by `make` (or returns the first one for a repeated idempotency key).
    private func startVideo(
        _ request: Request, key: String, _ make: (String, UInt64, Double, SimVideo.Outcome) -> SimVideo
    ) throws -> Response {
        let idempotencyKey = request.headers[Self.idempotencyKeyHeader]
        let id = simulator.makeID(prefix: "video_")
        let now = simulator.now()
        let outcome = simulator.jobOutcome(key: key)
        var inserted = false
        let video = simulator.withState { state in
            state.insertVideo(idempotencyKey: idempotencyKey, owner: key) { sequence in
                inserted = true
                return make(id, sequence, now, outcome)
            }
        }
        guard let video else { return try idempotentReplay(nil, key: key) }
        if inserted { simulator.countCreated(video: true) }
        var object = video.object(at: now)
        if inserted {
            // A new job is reported queued, as the real service does, even when it renders instantly.
            object.status = "queued"
            object.progress = 0
            object.completedAt = nil
            object.expiresAt = nil
            object.error = nil
        }
        return json(object, pollAfter: true)
    }
}
