public import Logging
import ReelLogging

/// An ``HTTPTransport`` over libcurl's multi interface.
///
/// One dedicated thread per transport drives every transfer with `curl_multi_poll`, so thousands of
/// concurrent requests cost one thread and share one connection cache. Request bodies and response
/// bodies can be streamed from and to files. TLS peer verification is on; proxies come from the usual
/// environment variables (`http_proxy`, `HTTPS_PROXY`, `NO_PROXY`, …). Cancelling the calling task aborts
/// its transfer.
///
/// ```swift
/// let transport = CurlTransport(configuration: .init(timeouts: .init(connect: .seconds(5))))
/// let response = try await transport.execute(HTTPRequest(method: "POST", url: url, body: .file(path: "/tmp/clip.mp4")))
/// ```
///
/// The transfer thread stops when the transport is released; unfinished transfers then fail with
/// ``HTTPTransportError/Code/shutdown``.
public final class CurlTransport: HTTPTransport {
    /// Settings shared by every transfer of a transport.
    public struct Configuration: Sendable {
        /// Default time limits; a request may override them.
        public var timeouts: HTTPTimeouts
        /// Largest response body kept in memory; larger ones fail with ``HTTPTransportError/Code/responseTooLarge``.
        public var maxInMemoryBodySize: Int
        /// Largest response body written to a file; larger ones fail with ``HTTPTransportError/Code/responseTooLarge``
        /// and leave no file.
        public var maxFileBodySize: Int64
        /// Most connections to one host at a time; 0 for no limit.
        public var maxConnectionsPerHost: Int
        /// `User-Agent` sent unless the request sets one.
        public var userAgent: String

        /// Creates a configuration.
        /// - Parameters:
        ///   - timeouts: Default time limits.
        ///   - maxInMemoryBodySize: Largest in-memory response body (default 16 MiB).
        ///   - maxFileBodySize: Largest response body written to a file (default 4 GiB).
        ///   - maxConnectionsPerHost: Connection limit per host (default none).
        ///   - userAgent: Default `User-Agent`.
        public init(
            timeouts: HTTPTimeouts = .init(),
            maxInMemoryBodySize: Int = 16 << 20,
            maxFileBodySize: Int64 = 4 << 30,
            maxConnectionsPerHost: Int = 0,
            userAgent: String = "reel"
        ) {
            precondition(maxInMemoryBodySize > 0, "maxInMemoryBodySize must be positive")
            precondition(maxConnectionsPerHost >= 0, "maxConnectionsPerHost must not be negative")
            precondition(maxFileBodySize > 0, "maxFileBodySize must be positive")
            self.maxFileBodySize = maxFileBodySize
            self.timeouts = timeouts
            self.maxInMemoryBodySize = maxInMemoryBodySize
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.userAgent = userAgent
        }
    }

    let loop: CurlMultiLoop
    let configuration: Configuration
    private let logger: Logger

    /// Creates a transport and starts its transfer thread.
    /// - Parameters:
    ///   - configuration: Settings shared by every transfer.
    ///   - logger: Receives debug messages about failed transfers.
    public init(configuration: Configuration = .init(), logger: Logger = Logger(label: "reel.http")) {
        self.configuration = configuration
        self.logger = logger
        self.loop = CurlMultiLoop(maxConnectionsPerHost: configuration.maxConnectionsPerHost)
    }

    /// Name of this transport's transfer thread, as shown by `top -H` or `/proc/<pid>/task/*/comm`.
    public var transferThreadName: String { loop.threadName }

    deinit {
        loop.shutdown()
    }

    /// Stops the transfer thread: unfinished transfers fail with ``HTTPTransportError/Code/shutdown``, and so does
    /// anything sent afterwards. Calling it again does nothing.
    public func shutdown() {
        loop.shutdown()
    }

    /// Performs a request and returns the response with its body in memory.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await perform(request, bodyPath: nil)
    }

    /// Performs a request and streams a 2xx response body to `path`.
    public func execute(_ request: HTTPRequest, writingBodyTo path: String) async throws -> HTTPResponse {
        try await perform(request, bodyPath: path)
    }

    private func perform(_ request: HTTPRequest, bodyPath: String?) async throws -> HTTPResponse {
        let transfer = CurlTransfer(request: request, bodyPath: bodyPath, configuration: configuration)
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    transfer.continuation = continuation
                    loop.submit(transfer)
                }
            } onCancel: {
                loop.cancel(transfer)
            }
        } catch let error as HTTPTransportError {
            logger.debug(
                "HTTP transfer failed",
                metadata: [LogKey.httpMethod: "\(request.method)", LogKey.httpURL: "\(request.url)", LogKey.error: "\(error)"]
            )
            throw error
        }
    }
}
