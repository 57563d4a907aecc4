import Foundation
import ReelHTTP
import ReelProviders
import ReelSim
import ReelTesting
import Testing

struct GoogleAccessTokenSourceTests {
    static let account = "reel-test@reel-test-project.iam.gserviceaccount.com"

    @Test func concurrentCallersShareOneRequestAndTheTokenIsRefreshedBeforeExpiry() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let clock = ManualClock()
            let tokens = GoogleAccessTokenSource(account: try GoogleTestAccount.account(tokenPort: port), transport: CurlTransport(), clock: clock)
            let first = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<64 { group.addTask { try await tokens.accessToken() } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(first.count == 1)
            #expect(simulator.stats.keys[Self.account]?.routes["POST /token"] == 1)

            // Cached until five minutes before the hour is up.
            clock.advance(by: .seconds(3600 - 301))
            #expect(try await tokens.accessToken() == first.first)
            #expect(simulator.stats.keys[Self.account]?.routes["POST /token"] == 1)

            clock.advance(by: .seconds(2))
            let second = try await tokens.accessToken()
            #expect(second != first.first)
            #expect(simulator.stats.keys[Self.account]?.routes["POST /token"] == 2)
        }
    }

    @Test func aShortLifetimeIsRefreshedAtHalfTime() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration(googleTokenSeconds: 100)) { simulator, port in
            let clock = ManualClock()
            let tokens = GoogleAccessTokenSource(account: try GoogleTestAccount.account(tokenPort: port), transport: CurlTransport(), clock: clock)
            let first = try await tokens.accessToken()
            clock.advance(by: .seconds(49))
            #expect(try await tokens.accessToken() == first)
            clock.advance(by: .seconds(2))
            #expect(try await tokens.accessToken() != first)
            #expect(simulator.stats.keys[Self.account]?.routes["POST /token"] == 2)
        }
    }

    @Test func aFailedRequestIsNotCachedAndTheNextCallerRetries() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let tokens = GoogleAccessTokenSource(
                account: try GoogleTestAccount.account(tokenPort: port), transport: CurlTransport(), clock: ManualClock()
            )
            simulator.injectFaults([.serverError])
            let error = await #expect(throws: ProviderError.self) { try await tokens.accessToken() }
            #expect(error?.kind == .transient)
            #expect(error?.httpStatus == 500)
            _ = try await tokens.accessToken()
            #expect(simulator.stats.keys[Self.account]?.routes["POST /token"] == 2)
        }
    }

    @Test func anAssertionSignedWithAnotherKeyIsRefusedForGood() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let foreignKey = try GoogleTestAccount.text("Tests/fixtures/jws/rfc7515-a2.pem")
            let account = try GoogleServiceAccount(json: GoogleTestAccount.json(["private_key": foreignKey, "token_uri": "http://127.0.0.1:\(port)/token"]))
            let tokens = GoogleAccessTokenSource(account: account, transport: CurlTransport(), clock: ManualClock())
            let error = await #expect(throws: ProviderError.self) { try await tokens.accessToken() }
            #expect(error?.kind == .permanent)
            #expect(error?.code == "invalid_grant")
            #expect(error?.message.contains("Invalid JWT Signature") == true)
            #expect(simulator.stats.routes["POST /token"] == 1)
        }
    }
}
