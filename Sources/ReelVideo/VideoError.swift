/// The `error` of a failed video: `{code, message}` as OpenAI sends it.
public struct VideoError: Error, Sendable, Codable, Equatable {
    /// Bounded code, such as `moderation_blocked` or `deadline_exceeded`.
    public var code: String
    /// Human-readable message.
    public var message: String

    /// Creates an error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
