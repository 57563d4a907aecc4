import ReelAPICore
import Hummingbird
import NIOCore
import Prometheus

/// `/health/liveness`, `/health/readiness` and `/metrics`; no key needed.
struct HealthController {
    let checks: [ReadinessCheck]
    let registry: PrometheusCollectorRegistry?

    func addRoutes(to router: Router<APIRequestContext>) {
        router.get("health/liveness") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: Self.alive))
        }
        router.get("health/readiness", use: readiness)
        if let registry {
            router.get("metrics") { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: .init(byteBuffer: .init(bytes: registry.emitToBuffer()))
                )
            }
        }
    }

    /// The liveness answer, made once: probes call it often.
    private static let alive = ByteBuffer(string: #"{"status":"alive"}"#)

    @Sendable func readiness(_ request: Request, context: APIRequestContext) async throws -> Response {
        var results: [String: String] = [:]
        var ready = true
        for check in checks {
            do {
                try await check.check()
                results[check.name] = "ok"
            } catch {
                results[check.name] = "\(error)"
                ready = false
            }
        }
        return try jsonResponse(
            ["status": AnyEncodable(ready ? "ready" : "not ready"), "checks": AnyEncodable(results)],
            status: ready ? .ok : .serviceUnavailable
        )
    }
}
