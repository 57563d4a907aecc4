/// An HTTP request for an ``HTTPTransport``.
public struct HTTPRequest: Sendable, Hashable {
    /// Method such as `GET`, `POST` or `DELETE`.
    public var method: String
    /// Absolute URL.
    public var url: String
    /// Header fields to send. For ``HTTPRequestBody/multipart(_:)`` the transport sets `Content-Type` itself.
    public var headers: HTTPHeaders
    /// Request body.
    public var body: HTTPRequestBody
    /// Time limits for this request; `nil` uses the transport's defaults.
    public var timeouts: HTTPTimeouts?
    /// Whether to follow redirects (at most 5). Credentials in custom headers are resent to the new location.
    public var followRedirects: Bool
    /// AWS Signature Version 4 signing by libcurl; nil sends the request unsigned.
    public var awsSigV4: AWSSigV4Signing?
    /// Largest response body kept in memory for this request; `nil` uses the transport's limit. For an answer known
    /// to carry more than the usual JSON, such as a video inline.
    public var maxInMemoryBodySize: Int?

    /// Creates a request.
    /// - Parameters:
    ///   - method: HTTP method (default `GET`).
    ///   - url: Absolute URL.
    ///   - headers: Header fields.
    ///   - body: Request body.
    ///   - timeouts: Time limits overriding the transport's defaults.
    ///   - followRedirects: Whether to follow redirects.
    ///   - awsSigV4: AWS Signature Version 4 signing.
    ///   - maxInMemoryBodySize: Largest in-memory response body, overriding the transport's limit.
    public init(
        method: String = "GET",
        url: String,
        headers: HTTPHeaders = [:],
        body: HTTPRequestBody = .empty,
        timeouts: HTTPTimeouts? = nil,
        followRedirects: Bool = false,
        awsSigV4: AWSSigV4Signing? = nil,
        maxInMemoryBodySize: Int? = nil
    ) {
        precondition(maxInMemoryBodySize.map { $0 > 0 } ?? true, "maxInMemoryBodySize must be positive")
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
        self.followRedirects = followRedirects
        self.awsSigV4 = awsSigV4
        self.maxInMemoryBodySize = maxInMemoryBodySize
    }
}
