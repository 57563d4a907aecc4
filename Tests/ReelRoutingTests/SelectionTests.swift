import ReelRouting
import Testing

struct SelectionTests {
    static func deployment(_ id: String, weight: Double = 1, rpm: Int? = nil, parallel: Int? = nil) -> Deployment {
        Deployment(id: id, modelGroup: "sora-2", provider: "openai", providerModel: "sora-2", apiKey: "key-\(id)",
                   rpm: rpm, maxParallelRequests: parallel, weight: weight)
    }

    /// `select` draws once; `order` (the preference order handed to Redis) shuffles by weight: both must follow the weights.
    @Test(arguments: [false, true])
    func simpleShuffleFollowsTheWeights(usingOrder: Bool) throws {
        let weights: [Double] = [1, 2, 3, 4]
        let candidates = weights.enumerated().map { Self.deployment("d\($0.offset)", weight: $0.element) }
        let selector = DeploymentSelector(strategy: .simpleShuffle)
        var generator = SeededGenerator(seed: 42)
        var counts: [String: Int] = [:]
        let picks = 10_000
        for _ in 0..<picks {
            let pick = usingOrder
                ? selector.order(candidates, health: [:], using: &generator)[0]
                : try selector.select(from: candidates, health: [:], using: &generator)
            counts[pick.id, default: 0] += 1
        }
        let total = weights.reduce(0, +)
        let chiSquare = weights.enumerated().reduce(0.0) { sum, entry in
            let expected = Double(picks) * entry.element / total
            let observed = Double(counts["d\(entry.offset)"] ?? 0)
            return sum + (observed - expected) * (observed - expected) / expected
        }
        // 3 degrees of freedom: 11.34 is the 99th percentile.
        #expect(chiSquare < 11.34, "chi-square \(chiSquare), counts \(counts)")
    }

    @Test func zeroWeightIsOnlyALastResort() throws {
        let selector = DeploymentSelector(strategy: .simpleShuffle)
        var generator = SeededGenerator(seed: 7)
        let candidates = [Self.deployment("off", weight: 0), Self.deployment("on")]
        for _ in 0..<200 { #expect(try selector.select(from: candidates, health: [:], using: &generator).id == "on") }
        let health = ["on": DeploymentHealth(cooldownRemaining: .seconds(3))]
        #expect(try selector.select(from: candidates, health: health, using: &generator).id == "off")
    }

    @Test func leastBusyPicksTheFewestInFlightAndSpreadsTies() throws {
        let selector = DeploymentSelector(strategy: .leastBusy)
        var generator = SeededGenerator(seed: 1)
        let candidates = ["a", "b", "c"].map { Self.deployment($0) }
        let health = ["a": DeploymentHealth(inFlight: 5), "b": DeploymentHealth(inFlight: 2), "c": DeploymentHealth(inFlight: 9)]
        #expect(try selector.rank(candidates, health: health, using: &generator).map(\.id) == ["b", "a", "c"])
        var firsts: Set<String> = []
        for _ in 0..<100 { firsts.insert(try selector.select(from: candidates, health: [:], using: &generator).id) }
        #expect(firsts == ["a", "b", "c"], "ties are broken at random")
    }

    @Test func latencyBasedTriesUnmeasuredThenFastest() throws {
        let selector = DeploymentSelector(strategy: .latencyBased)
        var generator = SeededGenerator(seed: 1)
        let candidates = ["slow", "fast", "new"].map { Self.deployment($0) }
        let health = ["slow": DeploymentHealth(latency: .milliseconds(900)), "fast": DeploymentHealth(latency: .milliseconds(80))]
        #expect(try selector.rank(candidates, health: health, using: &generator).map(\.id) == ["new", "fast", "slow"])
    }

    @Test func skipsDeploymentsInCooldownOrAtTheirLimits() throws {
        let candidates = [Self.deployment("cool"), Self.deployment("busy", parallel: 2), Self.deployment("limited", rpm: 10), Self.deployment("ok")]
        let health = [
            "cool": DeploymentHealth(cooldownRemaining: .seconds(20)),
            "busy": DeploymentHealth(inFlight: 2),
            "limited": DeploymentHealth(rateLimitedFor: .seconds(6)),
        ]
        for strategy in [RoutingStrategy.simpleShuffle, .leastBusy, .latencyBased] {
            var generator = SeededGenerator(seed: 3)
            #expect(try DeploymentSelector(strategy: strategy).rank(candidates, health: health, using: &generator).map(\.id) == ["ok"])
        }
    }

    @Test func noHealthyDeploymentCarriesTheSoonestRetry() {
        let candidates = [Self.deployment("a"), Self.deployment("b", rpm: 5), Self.deployment("c", parallel: 1)]
        let health = [
            "a": DeploymentHealth(cooldownRemaining: .seconds(20)),
            "b": DeploymentHealth(rateLimitedFor: .seconds(4)),
            "c": DeploymentHealth(inFlight: 1, cooldownRemaining: .seconds(30)),
        ]
        var generator = SeededGenerator(seed: 3)
        #expect {
            try DeploymentSelector(strategy: .leastBusy).select(from: candidates, health: health, using: &generator)
        } throws: { error in
            let error = error as! RoutingError
            return error.code == .noHealthyDeployment && error.retryAfter == .seconds(4)
        }
        #expect { try DeploymentSelector(strategy: .leastBusy).select(from: [], health: [:], using: &generator) } throws: {
            ($0 as? RoutingError)?.code == .modelNotFound
        }
    }
}
