import Foundation
public import ReelHTTP

/// Veo through Vertex AI (`model: vertex_ai/veo-…`): calls go to the deployment's project and location with a
/// bearer token of its service account (``GoogleAccessTokenSource``).
///
/// - Create: `POST {base}/v1/projects/{p}/locations/{l}/publishers/google/models/{model}:predictLongRunning`
/// - Poll: `POST {base}/v1/projects/{p}/locations/{l}/publishers/google/models/{model}:fetchPredictOperation` with
///   `{"operationName": name}`, always to the deployment's own project and location
/// - Results: `response.videos[]` as `bytesBase64Encoded` or, when the request named a `storageUri`, a `gcsUri`
///   downloaded with the same token from `{storage}/storage/v1/b/{bucket}/o/{object}?alt=media`
///
/// ```swift
/// let tokens = GoogleAccessTokenSource(account: account, transport: transport, clock: ContinuousClock())
/// let dialect = VertexVeoDialect(project: "my-project", location: "us-central1", tokens: tokens)
/// ```
public struct VertexVeoDialect<C: Clock>: VeoDialect where C.Duration == Duration {
    /// Cloud Storage's JSON API.
    public static var defaultStorageBaseURL: String { "https://storage.googleapis.com" }
    /// Largest operation read, in bytes: a finished one carries its video inline, base64, unless the request named a
    /// `storageUri` (about 48 MiB of video; a larger one needs the `storageUri`).
    public static var maxOperationBytes: Int { 64 << 20 }

    /// The project calls are made in (`vertex_project`).
    public let project: String
    /// The region (`vertex_location`), `global` included.
    public let location: String
    /// Base URL of the Vertex AI API without a trailing slash.
    public let baseURL: String
    /// Base URL of Cloud Storage's JSON API, for `gcsUri` results.
    public let storageBaseURL: String
    /// The service account's tokens, shared by every call of the deployment.
    public let tokens: GoogleAccessTokenSource<C>

    /// Creates the dialect.
    /// - Parameters:
    ///   - project: The project id.
    ///   - location: The region, such as `us-central1`, or `global`.
    ///   - tokens: Access tokens of the deployment's service account.
    ///   - baseURL: The API's base URL (`api_base`); by default `https://{location}-aiplatform.googleapis.com`
    ///     (`https://aiplatform.googleapis.com` for `global`).
    ///   - storageBaseURL: Cloud Storage's base URL.
    public init(project: String, location: String, tokens: GoogleAccessTokenSource<C>, baseURL: String? = nil, storageBaseURL: String = defaultStorageBaseURL) {
        self.project = project
        self.location = location
        self.tokens = tokens
        let defaultBase = location == "global" ? "https://aiplatform.googleapis.com" : "https://\(location)-aiplatform.googleapis.com"
        self.baseURL = Self.trimmed(baseURL ?? defaultBase)
        self.storageBaseURL = Self.trimmed(storageBaseURL)
    }

    public var family: String { "vertex_ai" }
    public var acceptsInlineVideo: Bool { true }

    public func authenticationHeaders() async throws -> HTTPHeaders {
        ["Authorization": "Bearer \(try await tokens.accessToken())"]
    }

    public func createURL(model: String) -> String {
        "\(baseURL)/v1/\(modelPath(model)):predictLongRunning"
    }

    /// Polls an operation of this deployment's location; the call goes to the deployment's project whatever the name says.
    public func pollRequest(operation name: String) async throws -> HTTPRequest {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        // projects/{p}/locations/{l}/publishers/google/models/{m}/operations/{id}
        guard parts.count == 10, parts[0] == "projects", parts[2] == "locations", parts[3] == Substring(location), parts[4] == "publishers",
            parts[5] == "google", parts[6] == "models", parts[8] == "operations", !parts[7].isEmpty, !parts[9].isEmpty
        else {
            throw ProviderError.invalidValue("'\(name.prefix(VeoOperation.maxNameSize))' is not a Vertex AI operation of location \(location)")
        }
        var headers = try await authenticationHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Accept", value: "application/json")
        var form = RequestForm()
        form["operationName"] = .string(name)
        return HTTPRequest(
            method: "POST",
            url: "\(baseURL)/v1/\(modelPath(String(parts[7]))):fetchPredictOperation",
            headers: headers,
            body: .bytes(form.jsonBody()),
            maxInMemoryBodySize: Self.maxOperationBytes
        )
    }

    /// Downloads a `gs://bucket/object` result with the deployment's token.
    public func downloadRequest(uri: String) async throws -> HTTPRequest {
        guard uri.hasPrefix("gs://"), uri.utf8.count <= 2048 else {
            throw ProviderError(.permanent, message: "the video URI '\(uri.prefix(200))' is not a Cloud Storage URI")
        }
        let path = uri.dropFirst(5)
        guard let slash = path.firstIndex(of: "/"), slash != path.startIndex, path.index(after: slash) != path.endIndex,
            let bucket = String(path[..<slash]).addingPercentEncoding(withAllowedCharacters: Self.unreserved),
            let object = String(path[path.index(after: slash)...]).addingPercentEncoding(withAllowedCharacters: Self.unreserved)
        else {
            throw ProviderError(.permanent, message: "the video URI '\(uri.prefix(200))' names no bucket and object")
        }
        var headers = try await authenticationHeaders()
        headers.add(name: "Accept", value: "*/*")
        return HTTPRequest(url: "\(storageBaseURL)/storage/v1/b/\(bucket)/o/\(object)?alt=media", headers: headers)
    }

    private func modelPath(_ model: String) -> String {
        "projects/\(project)/locations/\(location)/publishers/google/models/\(model)"
    }

    private static var unreserved: CharacterSet { CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~") }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
