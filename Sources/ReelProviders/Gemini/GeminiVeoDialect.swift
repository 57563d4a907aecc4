import Foundation
public import ReelHTTP

/// Veo through the Gemini API (`model: gemini/veo-…`): calls go to `{base}/v1beta/…` with the key in
/// `x-goog-api-key`.
///
/// - Create: `POST {base}/v1beta/models/{model}:predictLongRunning`
/// - Poll: `GET {base}/v1beta/{operation name}` (names look like `models/{model}/operations/{id}`)
/// - Download: the file a sample's `video.uri` names, as the `google-genai` SDK does it:
///   `GET {base}/v1beta/files/{file id}:download?alt=media` with the key (its redirects followed, the key kept to
///   the API's origin). The key never goes to a host the operation names.
///
/// ```swift
/// let dialect = GeminiVeoDialect(apiKey: key)   // base https://generativelanguage.googleapis.com
/// ```
public struct GeminiVeoDialect: VeoDialect {
    /// The Gemini API's public base URL.
    public static var defaultBaseURL: String { "https://generativelanguage.googleapis.com" }

    /// Base URL without a trailing slash or API version.
    public let baseURL: String
    private let apiKey: String

    /// Creates the dialect.
    /// - Parameters:
    ///   - apiKey: The Gemini API key.
    ///   - baseURL: The API's base URL (`api_base`); a trailing `/` or `/v1beta` is removed.
    public init(apiKey: String, baseURL: String = defaultBaseURL) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/v1beta") { base.removeLast("/v1beta".count) }
        self.baseURL = base
        self.apiKey = apiKey
    }

    public var family: String { "gemini" }
    public var acceptsInlineVideo: Bool { false }

    public func authenticationHeaders() async throws -> HTTPHeaders {
        ["x-goog-api-key": apiKey]
    }

    public func createURL(model: String) -> String {
        "\(baseURL)/v1beta/models/\(model):predictLongRunning"
    }

    public func pollRequest(operation name: String) async throws -> HTTPRequest {
        guard name.hasPrefix("models/"), name.contains("/operations/") else {
            throw ProviderError.invalidValue("'\(name.prefix(VeoOperation.maxNameSize))' is not a Gemini API operation")
        }
        var headers = try await authenticationHeaders()
        headers.add(name: "Accept", value: "application/json")
        return HTTPRequest(url: "\(baseURL)/v1beta/\(name)", headers: headers)
    }

    public func downloadRequest(uri: String) async throws -> HTTPRequest {
        guard let id = Self.fileID(uri) else {
            throw ProviderError(.permanent, message: "the video URI '\(uri.prefix(200))' names no Gemini API file")
        }
        var headers = try await authenticationHeaders()
        headers.add(name: "Accept", value: "*/*")
        return HTTPRequest(url: "\(baseURL)/v1beta/files/\(id):download?alt=media", headers: headers)
    }

    /// The file id of a Gemini API file URI (`…/files/{id}…`, the id being lowercase letters and digits), the rule of
    /// the `google-genai` SDK's `files.download`.
    static func fileID(_ uri: String) -> String? {
        guard uri.utf8.count <= 2048, let range = uri.range(of: "files/") else { return nil }
        let id = uri[range.upperBound...].prefix { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return id.isEmpty || id.count > 128 ? nil : String(id)
    }
}
