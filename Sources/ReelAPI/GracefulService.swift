import ServiceLifecycle

/// Runs a service and takes the `CancellationError` it throws when a graceful shutdown cancels its work as a
/// normal end, so `reel api` exits 0 on SIGTERM.
struct GracefulService: Service {
    let base: any Service

    func run() async throws {
        do {
            try await base.run()
        } catch is CancellationError where Task.isShuttingDownGracefully {
            return
        }
    }
}
