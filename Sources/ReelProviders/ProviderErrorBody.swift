/// The `{code, message}` a provider reports, verbatim.
public struct ProviderErrorBody: Sendable, Hashable {
    /// Machine-readable code, for example `moderation_blocked`.
    public var code: String?
    /// Human-readable message.
    public var message: String

    /// Creates an error body.
    /// - Parameters:
    ///   - code: Provider's code.
    ///   - message: Provider's message.
    public init(code: String?, message: String) {
        self.code = code
        self.message = message
    }
}
