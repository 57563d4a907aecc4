public import Hummingbird
public import Logging
import Metrics
public import Prometheus

/// The worker's HTTP port: Prometheus `/metrics`, `/health/liveness` and `/health/readiness`.
public enum WorkerEndpoint {
    /// Makes Prometheus the process's metrics backend and returns the registry to serve; call once per process.
    public static func bootstrapMetrics() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Job overhead is milliseconds; finer buckets make its p50/p99 readable from the histogram.
        factory.durationHistogramBuckets["reel.jobs.overhead"] = [1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 250, 500, 1000, 2500].map {
            Duration.milliseconds($0)
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }

    /// Builds the endpoint application, a `Service` to run next to the worker.
    /// - Parameters:
    ///   - registry: The registry the process's metrics factory writes to.
    ///   - host: Address to bind.
    ///   - port: Port to bind.
    ///   - ready: Whether the worker can work (Redis reachable); readiness answers 503 when not.
    ///   - logger: Logger.
    public static func application(
        registry: PrometheusCollectorRegistry,
        host: String = "127.0.0.1",
        port: Int,
        ready: @escaping @Sendable () async -> Bool,
        logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: registry.emitToString()))
            )
        }
        router.get("health/liveness") { _, _ in "ok" }
        router.get("health/readiness") { _, _ -> Response in
            let isReady = await ready()
            return Response(status: isReady ? .ok : .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: isReady ? "ok" : "not ready")))
        }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "reel-worker"), logger: logger)
    }
}
