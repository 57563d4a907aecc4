import Foundation
import ReelAPICore
import ReelPassthrough
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelSim
import ReelTesting
import Testing

/// LiteLLM's encrypted-content incident: one model group on three accounts, simple-shuffle, and conversations
/// whose second turn carries state of the first (reasoning items passed back, or `previous_response_id`).
/// Straight to a random deployment, two turns in three land on another account and fail; through Reel, none.
@Suite(.serialized)
struct IncidentTests {
    static let conversations = 500

    enum Mode: CaseIterable { case itemsPassedBack, previousResponseID }

    /// A first turn, then a follow-up that uses its state; returns the follow-up's error code (nil on success).
    static func conversation(
        _ harness: PassthroughHarness, mode: Mode, url: @Sendable () -> String, key: @Sendable () -> String
    ) async throws -> String? {
        let stateless = mode == .itemsPassedBack
        var first: [String: Any] = ["model": "o4-mini", "input": "Say hello", "reasoning": ["effort": "medium"]]
        if stateless {
            first["store"] = false
            first["include"] = ["reasoning.encrypted_content"]
        }
        let (status, response) = try await harness.json("POST", url() + "/responses", key: key(), body: first)
        #expect(status == 200, "\(response)")
        var second: [String: Any] = ["model": "o4-mini", "reasoning": ["effort": "medium"]]
        let next: [String: Any] = ["role": "user", "content": "And now say goodbye"]
        if stateless {
            second["store"] = false
            second["include"] = ["reasoning.encrypted_content"]
            second["input"] = (response["output"] as? [Any] ?? []) + [next]
        } else {
            second["previous_response_id"] = response["id"]
            second["input"] = [next]
        }
        let (followUpStatus, followUp) = try await harness.json("POST", url() + "/responses", key: key(), body: second)
        return followUpStatus == 200 ? nil : PassthroughHarness.errorCode(followUp) ?? "status \(followUpStatus)"
    }

    /// Runs `conversations` conversations, 16 at a time; returns the failures' codes.
    static func run(
        _ harness: PassthroughHarness, mode: Mode, url: @escaping @Sendable () -> String, key: @escaping @Sendable () -> String
    ) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for lane in 0..<16 {
                group.addTask {
                    var failures: [String] = []
                    for _ in stride(from: lane, to: conversations, by: 16) {
                        if let code = try await conversation(harness, mode: mode, url: url, key: key) { failures.append(code) }
                    }
                    return failures
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    /// With `REDIS_URL`, through the shared router state (cooldowns, in-flight counts) as `reel api` runs.
    @Test(arguments: Mode.allCases)
    func throughReelNothingFails(mode: Mode) async throws {
        let redis = try RedisTestEnvironment.url().map { try RedisClient(url: $0) }
        defer { redis?.close() }
        try await PassthroughHarness.run(redis: redis) { harness in
            let front = harness.frontURL + "/v1"
            let failures = try await Self.run(harness, mode: mode, url: { front }, key: { PassthroughHarness.masterKey })
            #expect(failures.isEmpty, "\(failures.count) follow-ups failed through Reel: \(Set(failures))")
            let stats = harness.simulator.responses.stats
            #expect(stats.invalidEncryptedContent == 0 && stats.previousResponseNotFound == 0)
            #expect(stats.created == 2 * Self.conversations)
            // Balanced: every account served first turns.
            for key in ["sk-sim-a", "sk-sim-b", "sk-sim-c"] {
                #expect((harness.simulator.stats.keys[key]?.total ?? 0) > Self.conversations / 6)
            }
        }
    }

    @Test(arguments: Mode.allCases)
    func straightToARandomDeploymentTwoInThreeFail(mode: Mode) async throws {
        try await PassthroughHarness.run { harness in
            let sim = harness.simURL + "/v1"
            let failures = try await Self.run(harness, mode: mode, url: { sim }, key: { ["sk-sim-a", "sk-sim-b", "sk-sim-c"].randomElement()! })
            let expected = mode == .itemsPassedBack ? "invalid_encrypted_content" : "previous_response_not_found"
            #expect(failures.allSatisfy { $0 == expected }, "\(Set(failures))")
            let rate = Double(failures.count) / Double(Self.conversations)
            print("straight to a random deployment, \(mode): \(failures.count) of \(Self.conversations) follow-ups failed")
            #expect((0.58...0.75).contains(rate), "failure rate \(rate)")
        }
    }
}
