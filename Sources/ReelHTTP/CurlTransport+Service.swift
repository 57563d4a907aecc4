public import ServiceLifecycle

extension CurlTransport: Service {
    /// Keeps the transfer thread running until graceful shutdown (or cancellation), then stops it: unfinished
    /// transfers fail with ``HTTPTransportError/Code/shutdown``.
    ///
    /// List the transport before the services that use it, so that it stops after them.
    public func run() async throws {
        try? await gracefulShutdown()
        shutdown()
    }
}
