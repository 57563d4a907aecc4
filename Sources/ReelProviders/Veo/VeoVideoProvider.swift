import Foundation
public import Logging
public import ReelHTTP
public import ReelVideo

/// Google's Veo behind the ``VideoProvider`` operations, in either dialect (``GeminiVeoDialect``,
/// ``VertexVeoDialect``).
///
/// A render is `POST …:predictLongRunning` with one instance (`prompt`, an optional `image`, or the `video` to extend)
/// and `parameters` (`durationSeconds`, `aspectRatio`, `resolution`, `sampleCount` 1); the answer names a long-running
/// operation, which is the provider id. Polling maps the operation to OpenAI's states (see ``retrieveVideo(id:)``);
/// the one variant Veo produces, `video`, is downloaded from the URI the operation names or decoded from the bytes it
/// carries. Remixes, edits, characters, deletion and the `thumbnail` and `spritesheet` variants do not exist at
/// Google: they fail at once with a permanent ``ProviderError`` (`unsupported_operation`, `unsupported_variant`).
///
/// ```swift
/// let provider = VeoVideoProvider(
///     dialect: GeminiVeoDialect(apiKey: key, transport: transport),
///     transport: transport
/// )
/// let video = try await provider.createVideo(.init(model: "veo-3.1-generate-preview", prompt: "A cat", seconds: "8"), idempotencyKey: nil)
/// ```
public struct VeoVideoProvider<Dialect: VeoDialect, Transport: HTTPTransport, C: Clock>: VideoProvider where C.Duration == Duration {
    /// Largest local file sent inline (a reference image, or a video to extend on Vertex AI), in bytes.
    public static var maxInlineFileBytes: Int { 20 << 20 }

    /// Where calls go and how they are authenticated.
    public let dialect: Dialect
    /// The model used when a call names none (an extension of an uploaded file).
    public let model: String?
    let transport: Transport
    let progress: VeoProgressEstimator<C>
    let timeouts: HTTPTimeouts
    let fileTransferTimeouts: HTTPTimeouts
    let logger: Logger

    /// Creates an adapter.
    /// - Parameters:
    ///   - dialect: The API and its credentials.
    ///   - transport: Performs the HTTP requests.
    ///   - model: The deployment's model, for calls that name none.
    ///   - clock: Paces the progress estimate of operations that report none.
    ///   - timeouts: Limits of JSON calls (create, poll).
    ///   - fileTransferTimeouts: Limits of downloads.
    ///   - logger: Receives debug messages about failed calls.
    public init(
        dialect: Dialect,
        transport: Transport,
        model: String? = nil,
        clock: C,
        timeouts: HTTPTimeouts = .init(connect: .seconds(10), total: .seconds(60)),
        fileTransferTimeouts: HTTPTimeouts = .init(connect: .seconds(10), total: nil, lowSpeedLimit: 1, lowSpeedTime: .seconds(60)),
        logger: Logger = Logger(label: "reel.providers.veo")
    ) {
        self.dialect = dialect
        self.transport = transport
        self.model = model
        self.progress = VeoProgressEstimator(clock: clock)
        self.timeouts = timeouts
        self.fileTransferTimeouts = fileTransferTimeouts
        self.logger = logger
    }

    /// `POST …/models/{model}:predictLongRunning`: prompt, optional image, duration and shape.
    public func createVideo(_ request: CreateVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        guard request.characterIDs.isEmpty else { throw ProviderError.unsupportedOperation("characters", family: dialect.family) }
        var instance: [(String, RequestForm.Value)] = [("prompt", .string(request.prompt))]
        if let reference = request.inputReference { instance.append(("image", try imageInput(reference))) }
        let parameters = try parameters(seconds: request.seconds, size: request.size, extraBody: request.extraBody)
        return try await start(model: request.model, instance: instance, parameters: parameters, seconds: request.seconds, size: request.size)
    }

    /// Reads the operation: not done → `in_progress` with an estimated progress (never backwards, never 100); done with
    /// an `error` → `failed` with the provider's message; done with a video → `completed`; done with results withheld
    /// by the safety filters (`raiMediaFilteredCount`, `raiMediaFilteredReasons`) → `failed`, `moderation_blocked`.
    public func retrieveVideo(id: String) async throws -> ProviderVideo {
        let operation = try await fetchOperation(id)
        if operation.done { progress.finished(id) }
        return operation.providerVideo(id: id, progress: operation.done ? 0 : progress.progress(of: id))
    }

    /// Streams the generated video to `path`: downloaded from its URI with the dialect's credentials (redirects
    /// followed, credentials kept to the first origin), or decoded from the operation's inline bytes.
    public func downloadContent(videoID: String, variant: VideoVariant, to path: String) async throws -> Int64 {
        guard variant == .video else {
            throw ProviderError(.permanent, code: "unsupported_variant", message: "Veo produces no \(variant.rawValue); only the video variant exists.")
        }
        switch try await finishedVideo(videoID) {
        case .uri(let uri, _):
            var request = try await dialect.downloadRequest(uri: uri)
            request.timeouts = fileTransferTimeouts
            for _ in 0...HTTPRequest.maxRedirects {
                let response = try await perform(request, acceptingRedirects: true) { try await transport.execute($0, writingBodyTo: path) }
                guard let next = try request.redirected(by: response, allowingPrivateTargets: false) else { return response.bytesWrittenToFile }
                request = next
            }
            throw ProviderError(.transient, message: "more than \(HTTPRequest.maxRedirects) redirects downloading \(videoID)")
        case .inline(let base64, _):
            guard let bytes = Data(base64Encoded: base64) else {
                throw ProviderError(.permanent, message: "the operation \(videoID) carries video bytes that are not base64")
            }
            guard FileManager.default.createFile(atPath: path, contents: bytes) else {
                throw ProviderError(.permanent, message: "cannot write the video of \(videoID) to its destination file")
            }
            return Int64(bytes.count)
        }
    }

    /// Veo has no remix.
    public func remixVideo(id: String, prompt: String, idempotencyKey: String?) async throws -> ProviderVideo {
        throw ProviderError.unsupportedOperation("remixes", family: dialect.family)
    }

    /// Veo has no edits.
    public func editVideo(_ request: EditVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        throw ProviderError.unsupportedOperation("edits", family: dialect.family)
    }

    /// Extends a video: one Veo made (by its operation, on the model that made it) or, on Vertex AI, a local file.
    public func extendVideo(_ request: ExtendVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        let source: RequestForm.Value
        let model: String
        switch request.video {
        case .id(let operation):
            source = Self.videoInput(try await finishedVideo(operation))
            guard let sourceModel = Self.model(ofOperation: operation) ?? self.model else {
                throw ProviderError.invalidValue("the operation \(operation) names no model")
            }
            model = sourceModel
        case .file(let file):
            guard dialect.acceptsInlineVideo else {
                throw ProviderError.unsupportedOperation("extensions of uploaded videos (only of videos Veo made)", family: dialect.family)
            }
            guard let deploymentModel = self.model else { throw ProviderError.invalidValue("an extension of an uploaded video needs the deployment's model") }
            source = .object([("bytesBase64Encoded", .string(try Self.inlineBase64(file))), ("mimeType", .string(file.contentType))])
            model = deploymentModel
        }
        let instance: [(String, RequestForm.Value)] = [("prompt", .string(request.prompt)), ("video", source)]
        let parameters = try parameters(seconds: request.seconds, size: nil, extraBody: request.extraBody)
        return try await start(model: model, instance: instance, parameters: parameters, seconds: request.seconds, size: nil)
    }

    /// Veo has no characters.
    public func createCharacter(_ request: CreateCharacterRequest, idempotencyKey: String?) async throws -> ProviderCharacter {
        throw ProviderError.unsupportedOperation("characters", family: dialect.family)
    }

    /// Veo has no characters.
    public func getCharacter(id: String) async throws -> ProviderCharacter {
        throw ProviderError.unsupportedOperation("characters", family: dialect.family)
    }

    /// Veo keeps generated videos for a limited time and offers no way to delete them.
    public func deleteVideo(id: String) async throws {
        throw ProviderError.unsupportedOperation("deleting videos", family: dialect.family)
    }
}

extension VeoVideoProvider where C == ContinuousClock {
    /// Creates an adapter whose progress estimates follow the continuous clock.
    /// - Parameters:
    ///   - dialect: The API and its credentials.
    ///   - transport: Performs the HTTP requests.
    ///   - model: The deployment's model, for calls that name none.
    ///   - logger: Receives debug messages about failed calls.
    public init(dialect: Dialect, transport: Transport, model: String? = nil, logger: Logger = Logger(label: "reel.providers.veo")) {
        self.init(dialect: dialect, transport: transport, model: model, clock: ContinuousClock(), logger: logger)
    }
}
