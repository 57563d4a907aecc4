import Foundation
import Hummingbird
import Logging
import NIOCore
import ReelAPICore
import ReelPassthrough
import ReelHTTP
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelSim
import ReelTesting
import Testing
import ReelConfiguration

/// A simulator and an API front, both on loopback, and a client for each.
struct PassthroughHarness: Sendable {
    static let masterKey = "sk-master-test"
    static let secrets = ReelSettings.Secrets(idSecret: "test-id-secret-0123456789", realtimeSecret: "test-realtime-secret-0123456789")

    let simulator: Simulator
    let simURL: String
    let frontURL: String
    let passthrough: PassthroughFront
    let keys: MemoryVirtualKeyStore
    let transport = CurlTransport()

    /// The model list: `o4-mini` on three accounts (keys a, b, c); `pair` on two deployments of one account;
    /// `solo` on one; `gpt-realtime` on account a; and each model group of `upstreams` on one deployment at its port.
    static func configuration(simPort: Int, upstreams: [String: Int] = [:]) throws -> ReelConfiguration {
        var yaml = "model_list:\n"
        let deployments = [
            ("o4-mini", "resp-a", "sk-sim-a", simPort), ("o4-mini", "resp-b", "sk-sim-b", simPort),
            ("o4-mini", "resp-c", "sk-sim-c", simPort), ("pair", "pair-1", "sk-sim-p", simPort), ("pair", "pair-2", "sk-sim-p", simPort),
            ("solo", "solo-1", "sk-sim-s", simPort), ("gpt-realtime", "rt-a", "sk-sim-a", simPort),
        ] + upstreams.map { group, port in (group, "\(group)-1", "sk-\(group)", port) }
        for (group, id, key, port) in deployments {
            let base = "http://127.0.0.1:\(port)/v1"
            yaml +=
                "  - {model_name: \(group), litellm_params: {model: openai/\(group), api_base: \"\(base)\", api_key: \(key)}, model_info: {id: \(id)}}\n"
        }
        yaml += "router_settings: {routing_strategy: simple-shuffle, allowed_fails: 0, cooldown_time: 30}\n"
        yaml += "reel_settings: {secrets: {id_secret: \(secrets.idSecret), realtime_secret: \(secrets.realtimeSecret!)}}\n"
        return try ReelConfiguration(yaml: yaml, environment: [:])
    }

    /// Runs `body` with a simulator and a front; `redis` gives the front shared router state (cooldowns), and
    /// `upstreams` more model groups, each on a provider of the test's own at the port given.
    static func run(
        redis: RedisClient? = nil, upstreams: [String: Int] = [:], _ body: @Sendable (PassthroughHarness) async throws -> Void
    ) async throws {
        let simulator = Simulator(configuration: SimConfiguration(port: 0, renderSeconds: 0))
        try await withLoopbackServer({ buildSimApplication(simulator: simulator, logger: $0, onServerRunning: $1) }) { port in
            let configuration = try Self.configuration(simPort: port, upstreams: upstreams)
            let table = RoutingTable(RoutingSnapshot(configuration: configuration, catalog: .default))
            let state = redis.map {
                SharedRouterState(client: $0, keys: RouterKeys(namespace: "test-\(UUID().uuidString)"), settings: configuration.router)
            }
            try await state?.prepare()
            let passthrough = try PassthroughFront(table: table, secrets: secrets, routerState: state)
            let keys = MemoryVirtualKeyStore()
            let router = Router(context: APIRequestContext.self)
            router.add(middleware: EnvelopeMiddleware())
            passthrough.addRoutes(to: router, authenticator: Authenticator(keys: keys, masterKey: masterKey))
            try await withLoopbackServer({ logger, onServerRunning in
                Application(
                    router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), onServerRunning: onServerRunning,
                    logger: logger
                )
            }) { listening in
                let harness = PassthroughHarness(
                    simulator: simulator, simURL: "http://127.0.0.1:\(port)", frontURL: "http://127.0.0.1:\(listening)",
                    passthrough: passthrough, keys: keys
                )
                try await body(harness)
            }
        }
    }

    /// A JSON request; returns the status and the parsed object (nil when the body is not an object).
    func json(_ method: String, _ url: String, key: String = masterKey, body: [String: Any]? = nil) async throws -> (Int, [String: Any]) {
        var headers: ReelHTTP.HTTPHeaders = ["Authorization": "Bearer \(key)"]
        var payload = HTTPRequestBody.empty
        if let body {
            headers.add(name: "Content-Type", value: "application/json")
            payload = .bytes(Array(try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await transport.execute(ReelHTTP.HTTPRequest(method: method, url: url, headers: headers, body: payload))
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    /// The error code of an error envelope.
    static func errorCode(_ object: [String: Any]) -> String? {
        (object["error"] as? [String: Any])?["code"] as? String
    }
}
