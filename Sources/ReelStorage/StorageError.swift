/// An error of the blob store.
public struct StorageError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, bounded (safe as a metric label).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case invalidKey
            case missingFile
            case ioFailed
            case requestFailed
            case invalidConfiguration
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The key is empty, absolute, or has `..`, `.` or characters outside `[A-Za-z0-9._-]` in a segment.
        public static var invalidKey: Self { .init(.invalidKey) }
        /// The temporary file to commit does not exist.
        public static var missingFile: Self { .init(.missingFile) }
        /// The filesystem refused an operation.
        public static var ioFailed: Self { .init(.ioFailed) }
        /// The storage service answered with an error or could not be reached.
        public static var requestFailed: Self { .init(.requestFailed) }
        /// The store's settings are unusable (an endpoint that is no URL, a prefix that is no key).
        public static var invalidConfiguration: Self { .init(.invalidConfiguration) }

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Details for humans.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
