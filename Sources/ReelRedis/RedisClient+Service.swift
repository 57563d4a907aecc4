public import ServiceLifecycle

extension RedisClient: Service {
    /// Keeps the client open until graceful shutdown (or cancellation), then closes it.
    ///
    /// List the client before the services that use it: a `ServiceGroup` stops services in reverse order, so the
    /// client closes after they have finished their last commands.
    /// ```swift
    /// let group = ServiceGroup(services: [redis, app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    /// ```
    public func run() async throws {
        try? await gracefulShutdown()
        close()
    }
}
