/// An error from ``RedisClient``: a bounded ``Code`` plus a human-readable message.
///
/// A Redis error reply to ``RedisClient/send(_:)`` throws code ``Code/replyError`` with the
/// server's message (for example `NOSCRIPT …` or `ERR …`); ``RedisClient/pipeline(_:)`` returns such
/// replies as ``RESPValue/error(_:)`` values instead.
public struct RedisError: Error, CustomStringConvertible {
    /// The kind of failure; bounded, safe to use as a metric label.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case connectionFailed, connectionLost, timeout, authenticationFailed, replyError, protocolError, invalidURL, closed, noPrimary,
                invalidArgument
        }
        private let base: Base
        private init(base: Base) { self.base = base }

        /// Could not connect (refused, unreachable, unknown host, bad unix socket path, failed `SELECT`).
        public static var connectionFailed: Self { .init(base: .connectionFailed) }
        /// The connection broke while the command was in flight; the command may or may not have run.
        public static var connectionLost: Self { .init(base: .connectionLost) }
        /// No reply within the command timeout; the command may or may not have run.
        public static var timeout: Self { .init(base: .timeout) }
        /// The server refused the credentials (`AUTH`) or requires some (`NOAUTH`).
        public static var authenticationFailed: Self { .init(base: .authenticationFailed) }
        /// The server answered with an error reply; ``RedisError/message`` holds it.
        public static var replyError: Self { .init(base: .replyError) }
        /// The server sent something that is not valid RESP.
        public static var protocolError: Self { .init(base: .protocolError) }
        /// The Redis URL could not be parsed or uses an unsupported scheme.
        public static var invalidURL: Self { .init(base: .invalidURL) }
        /// The client was closed.
        public static var closed: Self { .init(base: .closed) }
        /// With Sentinel: no primary is known right now (the sentinels are unreachable, name no primary, or name
        /// one that does not answer or is a replica, as during a failover); ``RedisError/message`` says which.
        public static var noPrimary: Self { .init(base: .noPrimary) }

        /// A call does not fit what it calls (a function's argument count); it was not sent.
        public static var invalidArgument: Self { .init(base: .invalidArgument) }

        /// The bounded name of the code.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// Details for humans: the server's error reply, the socket error, or what is wrong with a URL.
    public let message: String?
    /// The error that caused this one, if any.
    public let underlyingError: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: Details for humans.
    ///   - underlying: The error that caused this one.
    public init(_ code: Code, message: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlyingError = underlying
    }

    /// `Redis error (code): message`.
    public var description: String {
        if let message { "Redis error (\(code)): \(message)" } else { "Redis error (\(code))" }
    }
}
