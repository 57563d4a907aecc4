public import Logging
public import ReelHTTP
public import ReelVideo

/// A ``VideoProvider`` for OpenAI's video API and compatible servers: OpenAI itself, Azure OpenAI's v1 API,
/// and anything else that speaks the same wire format (`reel sim` among them).
///
/// Bodies are JSON unless a local file is sent, then `multipart/form-data` with the file streamed from disk.
/// Every POST carries the caller's `Idempotency-Key`. Downloads stream to a file.
///
/// ```swift
/// let provider = OpenAIVideoProvider(
///     configuration: .init(baseURL: "https://api.openai.com/v1", apiKey: key),
///     transport: CurlTransport()
/// )
/// let video = try await provider.createVideo(.init(model: "sora-2", prompt: "A cat", seconds: "4"), idempotencyKey: jobID)
/// ```
public struct OpenAIVideoProvider<Transport: HTTPTransport>: VideoProvider {
    /// Where the API lives and how to authenticate.
    public let configuration: OpenAIProviderConfiguration
    let transport: Transport
    let logger: Logger

    /// Creates an adapter.
    /// - Parameters:
    ///   - configuration: Base URL, key and timeouts.
    ///   - transport: Performs the HTTP requests.
    ///   - logger: Receives debug messages about failed calls.
    public init(configuration: OpenAIProviderConfiguration, transport: Transport, logger: Logger = Logger(label: "reel.providers.openai")) {
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
    }

    /// `POST /videos`: JSON, or multipart when the input reference is a local file.
    public func createVideo(_ request: CreateVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        var form = RequestForm()
        form["model"] = .string(request.model)
        form["prompt"] = .string(request.prompt)
        form["seconds"] = request.seconds.map { .string($0) }
        form["size"] = request.size.map { .string($0) }
        switch request.inputReference {
        case .file(let file): form["input_reference"] = .file(file)
        case .imageURL(let url): form["input_reference"] = .object([("image_url", .string(url))])
        case .fileID(let id): form["input_reference"] = .object([("file_id", .string(id))])
        case nil: break
        }
        if !request.characterIDs.isEmpty {
            form["characters"] = .array(request.characterIDs.map { .object([("id", .string($0))]) })
        }
        try form.merge(extraBody: request.extraBody)
        return try await send("POST", "/videos", form: form, idempotencyKey: idempotencyKey, decoding: OpenAIWire.Video.self).providerVideo
    }

    /// `GET /videos/{id}`.
    public func retrieveVideo(id: String) async throws -> ProviderVideo {
        try await send("GET", "/videos/\(id.pathSegment)", decoding: OpenAIWire.Video.self).providerVideo
    }

    /// `GET /videos/{id}/content?variant=…`, streamed to `path`.
    ///
    /// Redirects (to signed storage URLs, say) are followed here rather than by libcurl, so the credentials go only
    /// to the API's own origin.
    public func downloadContent(videoID: String, variant: VideoVariant, to path: String) async throws -> Int64 {
        var headers = baseHeaders()
        headers.add(name: "Accept", value: "application/binary")
        var request = HTTPRequest(
            url: "\(configuration.baseURL)/videos/\(videoID.pathSegment)/content?variant=\(variant.rawValue)",
            headers: headers,
            timeouts: configuration.fileTransferTimeouts
        )
        for _ in 0...Self.maxRedirects {
            let response = try await perform(request, acceptingRedirects: true) { try await transport.execute($0, writingBodyTo: path) }
            guard let next = redirection(of: request, by: response) else { return response.bytesWrittenToFile }
            request = next
        }
        throw ProviderError(.transient, message: "more than \(Self.maxRedirects) redirects downloading video \(videoID)")
    }

    /// `POST /videos/{id}/remix` with a JSON body.
    public func remixVideo(id: String, prompt: String, idempotencyKey: String?) async throws -> ProviderVideo {
        var form = RequestForm()
        form["prompt"] = .string(prompt)
        return try await send("POST", "/videos/\(id.pathSegment)/remix", form: form, idempotencyKey: idempotencyKey, decoding: OpenAIWire.Video.self)
            .providerVideo
    }

    /// `POST /videos/edits`: JSON with `video: {id}`, or multipart with the video file.
    public func editVideo(_ request: EditVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        var form = RequestForm()
        form["prompt"] = .string(request.prompt)
        form["video"] = request.video.formValue
        try form.merge(extraBody: request.extraBody)
        return try await send("POST", "/videos/edits", form: form, idempotencyKey: idempotencyKey, decoding: OpenAIWire.Video.self).providerVideo
    }

    /// `POST /videos/extensions`: JSON with `video: {id}`, or multipart with the video file.
    public func extendVideo(_ request: ExtendVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        var form = RequestForm()
        form["prompt"] = .string(request.prompt)
        form["seconds"] = .string(request.seconds)
        form["video"] = request.video.formValue
        try form.merge(extraBody: request.extraBody)
        return try await send("POST", "/videos/extensions", form: form, idempotencyKey: idempotencyKey, decoding: OpenAIWire.Video.self)
            .providerVideo
    }

    /// `POST /videos/characters`, multipart `name` + `video`.
    public func createCharacter(_ request: CreateCharacterRequest, idempotencyKey: String?) async throws -> ProviderCharacter {
        var form = RequestForm()
        form["name"] = .string(request.name)
        form["video"] = .file(request.video)
        return try await send("POST", "/videos/characters", form: form, idempotencyKey: idempotencyKey, decoding: OpenAIWire.Character.self)
            .providerCharacter
    }

    /// `GET /videos/characters/{id}`.
    public func getCharacter(id: String) async throws -> ProviderCharacter {
        try await send("GET", "/videos/characters/\(id.pathSegment)", decoding: OpenAIWire.Character.self).providerCharacter
    }

    /// `DELETE /videos/{id}`.
    public func deleteVideo(id: String) async throws {
        let request = HTTPRequest(
            method: "DELETE",
            url: "\(configuration.baseURL)/videos/\(id.pathSegment)",
            headers: baseHeaders(),
            timeouts: configuration.timeouts
        )
        _ = try await perform(request) { try await transport.execute($0) }
    }
}

extension ProviderVideoSource {
    fileprivate var formValue: RequestForm.Value {
        switch self {
        case .id(let id): .object([("id", .string(id))])
        case .file(let file): .file(file)
        }
    }
}
