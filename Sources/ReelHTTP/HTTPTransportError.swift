/// A request that produced no complete response.
public struct HTTPTransportError: Error, CustomStringConvertible {
    /// What went wrong, as a bounded set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case couldNotResolveHost, connectionRefused, connectionLost, timeout, tlsFailure, cancelled
            case invalidRequest, fileError, responseFileFailed, responseTooLarge, shutdown, transferFailed
        }
        private let base: Base
        /// The host name did not resolve.
        public static var couldNotResolveHost: Self { .init(base: .couldNotResolveHost) }
        /// Nothing accepted the connection.
        public static var connectionRefused: Self { .init(base: .connectionRefused) }
        /// The connection broke or the peer sent nothing or garbage.
        public static var connectionLost: Self { .init(base: .connectionLost) }
        /// A connect, total or low-speed limit was hit.
        public static var timeout: Self { .init(base: .timeout) }
        /// TLS handshake or certificate verification failed.
        public static var tlsFailure: Self { .init(base: .tlsFailure) }
        /// The calling task was cancelled; the transfer was aborted.
        public static var cancelled: Self { .init(base: .cancelled) }
        /// The request itself is unusable (bad URL, unsupported scheme, bad option).
        public static var invalidRequest: Self { .init(base: .invalidRequest) }
        /// A request body file could not be read.
        public static var fileError: Self { .init(base: .fileError) }
        /// The response body could not be written to its file (a full disk, a directory gone): a local condition that
        /// may pass, unlike an unreadable request.
        public static var responseFileFailed: Self { .init(base: .responseFileFailed) }
        /// An in-memory response body exceeded the configured maximum.
        public static var responseTooLarge: Self { .init(base: .responseTooLarge) }
        /// The transport shut down before the transfer finished.
        public static var shutdown: Self { .init(base: .shutdown) }
        /// Any other transfer failure.
        public static var transferFailed: Self { .init(base: .transferFailed) }
        /// Bounded name, safe as a metric label.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Details, usually libcurl's own message.
    public let message: String
    /// The request URL.
    public let url: String?

    /// Creates an error.
    public init(_ code: Code, message: String, url: String? = nil) {
        self.code = code
        self.message = message
        self.url = url
    }

    /// Human-readable summary.
    public var description: String {
        "HTTPTransportError(\(code): \(message)\(url.map { ", url: \($0)" } ?? ""))"
    }
}
