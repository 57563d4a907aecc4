/// A failed provider call, classified so the caller knows whether a retry can help.
///
/// HTTP 4xx answers except 408, 409 and 429 are ``Kind/permanent``; 408, 409, 429, 5xx, network errors and
/// timeouts are ``Kind/transient``. ``code`` and ``message`` are the provider's, verbatim, when it sent them.
public struct ProviderError: Error, CustomStringConvertible {
    /// Whether retrying the same call can succeed.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case permanent, transient }
        private let base: Base
        /// Retrying the same call fails the same way.
        public static var permanent: Self { .init(base: .permanent) }
        /// The call may succeed later (rate limits, server errors, network trouble).
        public static var transient: Self { .init(base: .transient) }
        /// Bounded name, safe as a metric label.
        public var description: String { base.rawValue }
    }

    /// Permanent or transient.
    public let kind: Kind
    /// HTTP status of the provider's answer; `nil` when no answer arrived.
    public let httpStatus: Int?
    /// How long the provider asked us to wait (`Retry-After` / `retry-after-ms`).
    public let retryAfter: Duration?
    /// The provider's error code, verbatim.
    public let code: String?
    /// The provider's error message verbatim, or a description of the local failure.
    public let message: String
    /// The transport or decoding error behind this one.
    public let underlyingError: (any Error)?

    /// Creates a provider error.
    /// - Parameters:
    ///   - kind: Permanent or transient.
    ///   - httpStatus: HTTP status, if an answer arrived.
    ///   - retryAfter: Requested wait before retrying.
    ///   - code: Provider's error code.
    ///   - message: Provider's message or a local description.
    ///   - underlying: The error behind this one.
    public init(
        _ kind: Kind,
        httpStatus: Int? = nil,
        retryAfter: Duration? = nil,
        code: String? = nil,
        message: String,
        underlying: (any Error)? = nil
    ) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.retryAfter = retryAfter
        self.code = code
        self.message = message
        self.underlyingError = underlying
    }

    /// The error kind for an HTTP status: 4xx but 408/409/429 is permanent, anything else transient.
    public static func kind(forHTTPStatus status: Int) -> Kind {
        switch status {
        case 408, 409, 429: .transient
        case 400..<500: .permanent
        default: .transient
        }
    }

    /// Human-readable summary.
    public var description: String {
        var parts = ["ProviderError(\(kind)"]
        if let httpStatus { parts.append("status: \(httpStatus)") }
        if let code { parts.append("code: \(code)") }
        if let retryAfter { parts.append("retryAfter: \(retryAfter)") }
        parts.append("message: \(message))")
        return parts.joined(separator: ", ")
    }
}
