public import ReelHTTP

/// How one of Google's Veo APIs is spoken: where calls go and how they are authenticated. The request bodies,
/// the operation document and the mapping to OpenAI's states are the same for both and live in
/// ``VeoVideoProvider``.
///
/// Two dialects exist: ``GeminiVeoDialect`` (the Gemini API, an API key) and ``VertexVeoDialect`` (Vertex AI, a
/// service account's bearer tokens).
public protocol VeoDialect: Sendable {
    /// The family's name as configuration spells its prefix (`gemini`, `vertex_ai`).
    var family: String { get }
    /// Whether an extension may send a local video inline (Vertex AI); the Gemini API extends only videos it made.
    var acceptsInlineVideo: Bool { get }
    /// Header fields that authenticate a call.
    /// - Throws: ``ProviderError`` when no credentials can be had (a refused token request, say).
    func authenticationHeaders() async throws -> HTTPHeaders
    /// The `…:predictLongRunning` URL of `model`.
    func createURL(model: String) -> String
    /// The request that reads the operation `name`.
    /// - Throws: a permanent ``ProviderError`` when `name` is not an operation of this deployment's model, project and
    ///   location, so a follow-up call never goes to another account than the one that made the video.
    func pollRequest(operation name: String) async throws -> HTTPRequest
    /// The request that downloads a result the operation names by URI (a Gemini file URI, a `gs://` URI).
    /// - Throws: a permanent ``ProviderError`` for a URI this dialect does not download.
    func downloadRequest(uri: String) async throws -> HTTPRequest
}
