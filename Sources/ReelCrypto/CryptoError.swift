/// An error from a cryptographic operation.
public struct CryptoError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, bounded (safe as a metric label).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case invalidKeySize, invalidNonceSize, authenticationFailed, malformedInput, libraryFailure
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The key does not have the size the algorithm requires.
        public static var invalidKeySize: Self { .init(.invalidKeySize) }
        /// The nonce does not have the size the algorithm requires.
        public static var invalidNonceSize: Self { .init(.invalidNonceSize) }
        /// The authentication tag did not verify: the data was altered or sealed under another key.
        public static var authenticationFailed: Self { .init(.authenticationFailed) }
        /// The input is too short or otherwise not in the expected shape.
        public static var malformedInput: Self { .init(.malformedInput) }
        /// OpenSSL reported a failure that is not the caller's fault.
        public static var libraryFailure: Self { .init(.libraryFailure) }

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Detail for humans.
    public let message: String?

    /// Creates an error.
    public init(_ code: Code, message: String? = nil) {
        self.code = code
        self.message = message
    }

    public var description: String {
        message.map { "\(code): \($0)" } ?? code.description
    }
}
