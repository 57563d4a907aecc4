/// A configuration file that cannot be used: unreadable, malformed, or naming an unset environment variable.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, bounded (safe as a metric label).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case unreadable, malformed, missingEnvironmentVariable, invalidValue }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file could not be read.
        public static var unreadable: Self { .init(.unreadable) }
        /// The file is not YAML (or JSON) of the expected shape.
        public static var malformed: Self { .init(.malformed) }
        /// An `os.environ/NAME` reference names a variable that is not set.
        public static var missingEnvironmentVariable: Self { .init(.missingEnvironmentVariable) }
        /// A value is out of range or contradicts another.
        public static var invalidValue: Self { .init(.invalidValue) }

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence for the operator, naming the key or variable at fault.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "configuration error: \(message)" }
}
