import Foundation
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelTesting
import Testing

/// The shared router state against a real redis-server, with two clients standing for two processes.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun))
struct SharedRouterStateTests {
    static func deployment(_ id: String, rpm: Int? = nil, parallel: Int? = nil) -> Deployment {
        Deployment(id: id, modelGroup: "sora-2", provider: "openai", providerModel: "sora-2", apiKey: "key-\(id)",
                   rpm: rpm, maxParallelRequests: parallel)
    }

    /// Two independent clients and states sharing one unique namespace.
    static func withTwoProcesses(
        settings: RouterSettings = RouterSettings(),
        _ body: (SharedRouterState, SharedRouterState) async throws -> Void
    ) async throws {
        guard let url = try RedisTestEnvironment.url() else { return }
        let first = try RedisClient(url: url)
        let second = try RedisClient(url: url)
        defer {
            first.close()
            second.close()
        }
        let keys = RouterKeys(namespace: "test-\(UUID().uuidString)")
        let a = SharedRouterState(client: first, keys: keys, settings: settings)
        let b = SharedRouterState(client: second, keys: keys, settings: settings)
        try await a.prepare()
        try await body(a, b)
    }

    @Test func leastBusyPicksTheLeastLoadedAcrossProcesses() async throws {
        try await Self.withTwoProcesses { a, b in
            let deployments = ["x", "y", "z"].map { Self.deployment($0) }
            for _ in 0..<3 { _ = try await a.acquire(pinned: deployments[0]) }
            _ = try await a.acquire(pinned: deployments[1])
            // b has never seen any reply: the server's live counts decide.
            let first = try await b.acquire(from: deployments, strategy: .leastBusy)
            #expect(first.deployment.id == "z")
            let second = try await b.acquire(from: deployments, strategy: .leastBusy)
            #expect(second.deployment.id != "x")
            // Spread 6 more across the three: counts end level (3, 3, 3 → each gets what it lacks).
            for _ in 0..<3 { _ = try await a.acquire(from: deployments, strategy: .leastBusy) }
            let health = try await b.health(of: deployments)
            #expect(health.values.map(\.inFlight).sorted() == [3, 3, 3], "\(health)")
            try await b.release(first, outcome: .success)
            #expect(try await a.health(of: deployments)["z"]?.inFlight == 2)
        }
    }

    @Test func rpmHoldsAcrossProcesses() async throws {
        try await Self.withTwoProcesses { a, b in
            // Two a minute, a token every 30 s: the burst and the reads below fit in that even on a loaded machine
            // (the bucket refills on the server's clock, which a test cannot hold still).
            let limited = Self.deployment("limited", rpm: 2)
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<30 {
                    let state = index.isMultiple(of: 2) ? a : b
                    group.addTask {
                        do {
                            _ = try await state.acquire(from: [limited], strategy: .simpleShuffle)
                            return true
                        } catch let error as RoutingError where error.code == .noHealthyDeployment {
                            #expect(error.retryAfter.map { $0 > .zero && $0 <= .seconds(30) } == true)
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            // Two in all, not two in each process.
            #expect(results.filter { $0 }.count == 2)
            let health = try await a.health(of: [limited])
            #expect(try #require(health["limited"]).rateLimitedFor > .zero)
        }
    }

    @Test func maxParallelRequestsHoldsAcrossProcesses() async throws {
        try await Self.withTwoProcesses { a, b in
            let narrow = Self.deployment("narrow", parallel: 2)
            let first = try await a.acquire(from: [narrow], strategy: .leastBusy)
            _ = try await b.acquire(from: [narrow], strategy: .leastBusy)
            await #expect(throws: RoutingError.self) { try await a.acquire(from: [narrow], strategy: .leastBusy) }
            try await a.release(first, outcome: .abandoned)
            #expect(try await b.acquire(from: [narrow], strategy: .leastBusy).deployment.id == "narrow")
        }
    }

    /// The server's clock (`TIME`), the one the router functions read for leases and cooldowns.
    static func redisNow() async throws -> Duration {
        let reply = try await RedisTestEnvironment.withClient { try await $0.send(["TIME"]) }
        let parts = try #require(reply?.array?.compactMap { $0.string.flatMap { Int64($0) } })
        try #require(parts.count == 2)
        return .seconds(parts[0]) + .microseconds(parts[1])
    }

    @Test func expiredLeasesStopCounting() async throws {
        try await Self.withTwoProcesses { a, b in
            let narrow = Self.deployment("narrow", parallel: 1)
            let taken = try await Self.redisNow()
            _ = try await a.acquire(from: [narrow], strategy: .leastBusy, lease: .seconds(1))  // never released: a crash
            // Taken while the lease runs; on a loaded machine it may already have run out on the server's clock.
            do {
                let early = try await b.acquire(pinned: narrow)
                let elapsed = try await Self.redisNow() - taken
                #expect(elapsed >= .seconds(1), "the slot was free after \(elapsed) of server time")
                try await b.release(early, outcome: .abandoned)
            } catch let error as RoutingError {
                #expect(error.code == .pinnedDeploymentUnavailable)
            }
            // The slot comes back once the lease has run out on the server's clock, not before.
            let freed = try await eventually { try? await b.acquire(pinned: narrow) }
            #expect(freed != nil, "the slot never came back")
            let elapsed = try await Self.redisNow() - taken
            #expect(elapsed >= .seconds(1), "the slot came back after \(elapsed) of server time")
        }
    }

    @Test func cooldownStartsAfterAllowedFailsAndEndsAfterCooldownTime() async throws {
        let settings = RouterSettings(cooldownTime: .milliseconds(800), allowedFails: 2, failureWindow: .seconds(60))
        try await Self.withTwoProcesses(settings: settings) { a, b in
            let flaky = Self.deployment("flaky")
            let other = Self.deployment("other")
            #expect(try await a.recordFailure(deploymentID: "flaky") == nil)
            let lease = try await b.acquire(pinned: flaky)
            #expect(try await b.release(lease, outcome: .transientFailure) == nil, "two failures are allowed")
            #expect(try await a.acquire(pinned: flaky).deployment.id == "flaky")

            let started = try await Self.redisNow()
            #expect(try await b.recordFailure(deploymentID: "flaky") == .milliseconds(800), "the third starts the cooldown")
            // Both processes now skip it, and the error says when to retry. On a loaded machine the cooldown may have
            // ended on the server's clock before a check runs: then it must be over, and the check is moot.
            for state in [a, b] {
                do {
                    _ = try await state.acquire(pinned: flaky)
                    let elapsed = try await Self.redisNow() - started
                    #expect(elapsed >= .milliseconds(800), "pinned during the cooldown, \(elapsed) of server time in")
                } catch let error as RoutingError {
                    #expect(error.code == .pinnedDeploymentUnavailable)
                    #expect(error.retryAfter.map { $0 > .zero && $0 <= .milliseconds(800) } == true)
                }
                var picks: Set<String> = []
                for _ in 0..<10 { picks.insert(try await state.acquire(from: [flaky, other], strategy: .simpleShuffle).deployment.id) }
                if try await Self.redisNow() - started < .milliseconds(800) { #expect(picks == ["other"]) }
            }
            // It ends after cooldown_time on the server's clock, not before.
            let recovered = try await eventually { try? await a.acquire(pinned: flaky) }
            #expect(recovered != nil, "the cooldown never ended")
            let elapsed = try await Self.redisNow() - started
            #expect(elapsed >= .milliseconds(800), "recovered after \(elapsed) of server time")
        }
    }

    @Test func latencyIsAveragedAndDrivesLatencyBasedRouting() async throws {
        try await Self.withTwoProcesses { a, b in
            let fast = Self.deployment("fast")
            let slow = Self.deployment("slow")
            try await a.recordLatency(deploymentID: "fast", latency: .milliseconds(50))
            try await a.recordLatency(deploymentID: "slow", latency: .milliseconds(900))
            let health = try await b.health(of: [fast, slow])
            #expect(health["fast"]?.latency == .milliseconds(50) && health["slow"]?.latency == .milliseconds(900))
            for _ in 0..<5 { #expect(try await b.acquire(from: [slow, fast], strategy: .latencyBased).deployment.id == "fast") }
        }
    }
}
