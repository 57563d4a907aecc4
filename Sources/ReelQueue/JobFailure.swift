/// A failure reported by a worker.
public struct JobFailure: Sendable, Equatable {
    /// Bounded code, such as `provider_timeout` or `deadline_exceeded`.
    public var code: String
    /// Human-readable message.
    public var message: String
    /// Whether another attempt may succeed (429, 5xx, timeouts).
    public var retryable: Bool
    /// Earliest retry the failure asks for (a provider's `Retry-After`), if any.
    public var retryAfter: Duration?

    /// Creates a failure.
    public init(code: String, message: String, retryable: Bool, retryAfter: Duration? = nil) {
        self.code = code
        self.message = message
        self.retryable = retryable
        self.retryAfter = retryAfter
    }
}
