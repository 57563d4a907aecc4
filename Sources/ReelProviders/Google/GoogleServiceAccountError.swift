/// A service-account key file Reel cannot use, naming the field at fault.
public struct GoogleServiceAccountError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, bounded (safe as a metric label).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case invalidJSON, missingField, invalidField }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text is not a JSON object (or is too large).
        public static var invalidJSON: Self { .init(.invalidJSON) }
        /// A required field is absent.
        public static var missingField: Self { .init(.missingField) }
        /// A field is present but unusable (wrong type, not an RSA key, not a URL).
        public static var invalidField: Self { .init(.invalidField) }

        public var description: String { base.rawValue }
    }

    /// What is wrong.
    public let code: Code
    /// The JSON field at fault (`private_key`, `client_email`, …); nil when the whole text is unusable.
    public let field: String?
    /// Detail for humans.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, field: String?, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { message }
}
