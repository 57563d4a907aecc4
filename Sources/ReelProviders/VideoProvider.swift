public import ReelVideo
/// A video generation backend: the operations a worker performs against a provider's video API.
///
/// Every method throws ``ProviderError``, classified as permanent or transient so the caller can decide
/// whether to retry (and when, from ``ProviderError/retryAfter``).
///
/// ```swift
/// let provider = OpenAIVideoProvider(configuration: .init(baseURL: "https://api.openai.com/v1", apiKey: key), transport: transport)
/// let video = try await provider.createVideo(.init(model: "sora-2", prompt: "A cat"), idempotencyKey: jobID)
/// ```
public protocol VideoProvider: Sendable {
    /// Starts rendering a new video.
    /// - Parameters:
    ///   - request: What to render.
    ///   - idempotencyKey: Sent as `Idempotency-Key` so a retried call does not start a second render.
    func createVideo(_ request: CreateVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo
    /// Fetches the current state of a video.
    func retrieveVideo(id: String) async throws -> ProviderVideo
    /// Streams one asset of a completed video to a file and returns the number of bytes written.
    /// - Parameters:
    ///   - videoID: The provider's video id.
    ///   - variant: Which asset to download.
    ///   - path: Destination file; created or truncated.
    func downloadContent(videoID: String, variant: VideoVariant, to path: String) async throws -> Int64
    /// Starts a remix of a completed video with a new prompt.
    func remixVideo(id: String, prompt: String, idempotencyKey: String?) async throws -> ProviderVideo
    /// Starts an edit of an existing video.
    func editVideo(_ request: EditVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo
    /// Starts an extension of an existing video.
    func extendVideo(_ request: ExtendVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo
    /// Creates a reusable character from a short video.
    func createCharacter(_ request: CreateCharacterRequest, idempotencyKey: String?) async throws -> ProviderCharacter
    /// Fetches a character.
    func getCharacter(id: String) async throws -> ProviderCharacter
    /// Deletes a video and its assets at the provider.
    func deleteVideo(id: String) async throws
}
