import Foundation
import ReelHTTP
import ReelProviders
import ReelSim
import ReelTesting

/// The repository's throwaway test service account (`Tests/fixtures/google/`), pointed at a simulator's token endpoint.
enum GoogleTestAccount {
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ReelProvidersTests/GoogleTestAccount.swift
        return parts.joined(separator: "/")
    }()

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: "\(root)/\(relative)", encoding: .utf8)
    }

    /// The key file as JSON members, for tests that change one.
    static func members() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text("Tests/fixtures/google/test-service-account.json").utf8)) as? [String: Any] ?? [:]
    }

    /// The key file's text with `changes` applied (nil removes a member).
    static func json(_ changes: [String: Any?] = [:]) throws -> String {
        var object = try members()
        for (key, value) in changes { object[key] = value }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The test account with `token_uri` at the simulator and, when given, another address.
    static func account(tokenPort port: Int, email: String? = nil) throws -> GoogleServiceAccount {
        var changes: [String: Any?] = ["token_uri": "http://127.0.0.1:\(port)/token"]
        if let email { changes["client_email"] = email }
        return try GoogleServiceAccount(json: json(changes))
    }

    /// A simulator configuration that trusts the test account's key.
    static func simConfiguration(renderSeconds: Double = 0, retryAfterSeconds: Int = 1, googleTokenSeconds: Int = 3600) throws -> SimConfiguration {
        SimConfiguration(
            port: 0, renderSeconds: renderSeconds, retryAfterSeconds: retryAfterSeconds,
            googlePublicKeysPEM: [try text("Tests/fixtures/google/test-service-account.pub.pem")], googleTokenSeconds: googleTokenSeconds
        )
    }
}

/// Runs a simulator that trusts the test account and hands `body` the simulator and its port.
func withVeoSim(_ configuration: SimConfiguration, _ body: @Sendable (Simulator, Int) async throws -> Void) async throws {
    let simulator = Simulator(configuration: configuration)
    try await withLoopbackServer({ buildSimApplication(simulator: simulator, logger: $0, onServerRunning: $1) }) { port in
        try await body(simulator, port)
    }
}

func geminiProvider(port: Int, key: String = "gemini-key-a", clock: ManualClock = ManualClock())
    -> VeoVideoProvider<GeminiVeoDialect, CurlTransport, ManualClock>
{
    VeoVideoProvider(dialect: GeminiVeoDialect(apiKey: key, baseURL: "http://127.0.0.1:\(port)"), transport: CurlTransport(), clock: clock)
}

func vertexProvider(
    port: Int,
    project: String = "reel-test-project",
    location: String = "us-central1",
    email: String? = nil,
    clock: ManualClock = ManualClock()
) throws -> VeoVideoProvider<VertexVeoDialect<ManualClock>, CurlTransport, ManualClock> {
    let tokens = GoogleAccessTokenSource(account: try GoogleTestAccount.account(tokenPort: port, email: email), transport: CurlTransport(), clock: clock)
    // The simulator plays Cloud Storage too.
    let base = "http://127.0.0.1:\(port)"
    let dialect = VertexVeoDialect(project: project, location: location, tokens: tokens, baseURL: base, storageBaseURL: base)
    return VeoVideoProvider(dialect: dialect, transport: CurlTransport(), model: "veo-3.1-generate-001", clock: clock)
}
