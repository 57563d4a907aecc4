public import ReelHTTP

/// Connection settings of an ``OpenAIVideoProvider``: where the API lives and how to authenticate.
///
/// ```swift
/// let openAI = OpenAIProviderConfiguration(baseURL: "https://api.openai.com/v1", apiKey: key)
/// let azure = OpenAIProviderConfiguration.azure(resource: "my-resource", apiKey: azureKey)
/// ```
public struct OpenAIProviderConfiguration: Sendable {
    /// How the API key is presented.
    public struct AuthStyle: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case bearer, apiKeyHeader }
        private let base: Base
        /// `Authorization: Bearer <key>` (OpenAI, and Azure with a key or an Entra token).
        public static var bearer: Self { .init(base: .bearer) }
        /// `api-key: <key>` (Azure OpenAI).
        public static var apiKeyHeader: Self { .init(base: .apiKeyHeader) }
        /// The style's name.
        public var description: String { base.rawValue }
    }

    /// API base URL without a trailing slash, for example `https://api.openai.com/v1` or `https://RES.openai.azure.com/openai/v1`.
    public var baseURL: String
    /// The API key (or bearer token).
    public var apiKey: String
    /// How the key is sent.
    public var authStyle: AuthStyle
    /// Sent as `OpenAI-Organization` when set.
    public var organization: String?
    /// Sent as `OpenAI-Project` when set.
    public var project: String?
    /// Extra header fields sent with every request.
    public var extraHeaders: HTTPHeaders
    /// Time limits of JSON calls (create, retrieve, remix, …).
    public var timeouts: HTTPTimeouts
    /// Time limits of uploads and downloads; by default no total limit, only a stall limit.
    public var fileTransferTimeouts: HTTPTimeouts
    /// Whether download redirects may lead to loopback, private or link-local addresses (a test setup, a
    /// provider inside the same network); off by default, so a provider cannot point workers at internal services.
    public var allowPrivateRedirectTargets: Bool

    /// Creates a configuration.
    /// - Parameters:
    ///   - baseURL: API base URL; a trailing slash is removed. A malformed URL makes every call fail with a permanent
    ///     ``ProviderError`` that names the problem.
    ///   - apiKey: API key.
    ///   - authStyle: How the key is sent (default bearer).
    ///   - organization: OpenAI organization id.
    ///   - project: OpenAI project id.
    ///   - extraHeaders: Header fields added to every request.
    ///   - timeouts: Limits of JSON calls (default: connect 10 s, total 60 s).
    ///   - fileTransferTimeouts: Limits of file uploads and downloads (default: connect 10 s, abort below 1 byte/s for 60 s).
    ///   - allowPrivateRedirectTargets: Whether download redirects may go to loopback, private or link-local addresses.
    public init(
        baseURL: String,
        apiKey: String,
        authStyle: AuthStyle = .bearer,
        organization: String? = nil,
        project: String? = nil,
        extraHeaders: HTTPHeaders = [:],
        timeouts: HTTPTimeouts = .init(connect: .seconds(10), total: .seconds(60)),
        fileTransferTimeouts: HTTPTimeouts = .init(connect: .seconds(10), total: nil, lowSpeedLimit: 1, lowSpeedTime: .seconds(60)),
        allowPrivateRedirectTargets: Bool = false
    ) {
        var baseURL = baseURL
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.authStyle = authStyle
        self.organization = organization
        self.project = project
        self.extraHeaders = extraHeaders
        self.timeouts = timeouts
        self.fileTransferTimeouts = fileTransferTimeouts
        self.allowPrivateRedirectTargets = allowPrivateRedirectTargets
    }

    /// Azure OpenAI's v1 API: base `https://<resource>.openai.azure.com/openai/v1`, key in the `api-key` header.
    /// - Parameters:
    ///   - resource: The Azure OpenAI resource name.
    ///   - apiKey: The resource key.
    public static func azure(resource: String, apiKey: String) -> Self {
        .init(baseURL: "https://\(resource).openai.azure.com/openai/v1", apiKey: apiKey, authStyle: .apiKeyHeader)
    }
}
