import ArgumentParser
import Foundation
import ReelRedis
import ReelRouting
import ReelRoutingRedis

extension CatalogCommand {
    /// `reel catalog bench` (hidden): the router's per-request cost, for `scripts/bench router`.
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measures access check + selection + managed ID mint/verify per request.",
            shouldDisplay: false
        )

        @Option(help: "Requests per round on the pure path.")
        var iterations = 200_000

        @Option(help: "Requests per round on the shared-state path.")
        var sharedIterations = 5_000

        @Option(help: "Rounds; medians are reported.")
        var rounds = 5

        @OptionGroup var redis: RedisOptions

        func run() async throws {
            let deployments = ["a", "b", "c"].map {
                Deployment(id: "bench-\($0)", modelGroup: "sora-2", provider: "openai", providerModel: "sora-2",
                           apiBase: "http://127.0.0.1:8100/v1", apiKey: "sk-bench-\($0)")
            } + [Deployment(id: "bench-any", modelGroup: "openai/*", provider: "openai", providerModel: "*", apiKey: "sk-bench-a")]
            let snapshot = RoutingSnapshot(deployments: deployments, catalog: .default)
            let codec = try ManagedIDCodec(secret: "bench-secret-0123456789")
            let selector = DeploymentSelector(strategy: .simpleShuffle)
            let patterns = ["openai/*"]
            var generator = SystemRandomNumberGenerator()

            func mintAndVerify(_ deployment: Deployment, _ index: Int) throws {
                let managed = ManagedID(
                    kind: .video, provider: deployment.provider, deploymentID: deployment.id, modelGroup: "sora-2", objectID: "job-\(index)"
                )
                let id = try codec.mint(managed)
                guard codec.decode(id, as: .video)?.deploymentID == deployment.id else { throw ValidationError("managed ID did not verify") }
            }

            // Baseline: the managed ID alone (mint + verify: two HMAC-SHA256).
            let idOnly = try median(rounds) {
                try measure(iterations) { index in try mintAndVerify(deployments[0], index) }
            }
            // Pure path: access check + resolution + selection + mint + verify.
            let pure = try median(rounds) {
                try measure(iterations) { index in
                    try snapshot.checkAccess(patterns: patterns, model: "sora-2")
                    let deployment = try selector.select(from: try snapshot.resolve(model: "sora-2"), health: [:], using: &generator)
                    try mintAndVerify(deployment, index)
                }
            }
            print(String(format: "pure path:   %8.0f ns/op processor time (median of %d rounds of %d)", pure, rounds, iterations))
            print(String(format: "id only:     %8.0f ns/op (baseline; pure/baseline = %.2f)", idOnly, pure / idOnly))

            let client = try RedisClient(url: try redis.url())
            defer { client.close() }
            let state = SharedRouterState(client: client, keys: RouterKeys(namespace: "bench-\(UUID().uuidString)"), settings: RouterSettings())
            try await state.prepare()
            // Baseline: one Redis round trip.
            let ping = try await medianAsync(rounds) {
                try await measureAsync(sharedIterations) { _ in _ = try await client.send(["PING"]) }
            }
            // Shared-state path: access + resolution + acquire (one FCALL choosing under live counts) + mint + verify.
            var leases: [DeploymentLease] = []
            leases.reserveCapacity(sharedIterations)
            var releaseTotal: Double = 0
            var roundTrips = 0
            let shared = try await medianAsync(rounds) {
                leases.removeAll(keepingCapacity: true)
                let before = client.statistics.roundTrips
                let perOp = try await measureAsync(sharedIterations) { index in
                    try snapshot.checkAccess(patterns: patterns, model: "sora-2")
                    let lease = try await state.acquire(from: try snapshot.resolve(model: "sora-2"), strategy: .leastBusy, lease: .seconds(60))
                    try mintAndVerify(lease.deployment, index)
                    leases.append(lease)
                }
                roundTrips += client.statistics.roundTrips - before
                releaseTotal = try await measureAsync(leases.count) { index in try await state.release(leases[index], outcome: .abandoned) }
                return perOp
            }
            print(String(format: "shared path: %8.1f µs/op (median of %d rounds of %d; least-busy)", shared / 1000, rounds, sharedIterations))
            print(String(format: "redis PING:  %8.1f µs/op (baseline; shared/ping = %.2f)", ping / 1000, shared / ping))
            let tripsPerRequest = Double(roundTrips) / Double(rounds * sharedIterations)
            print(String(format: "round trips: %8.2f per request on the shared path (counted by the client)", tripsPerRequest))
            print(String(format: "release:     %8.1f µs/op (after the provider call; not on the routing path)", releaseTotal / 1000))
            print("router: pure_ns_per_op=\(Int(pure.rounded())) shared_us_per_op=\(String(format: "%.1f", shared / 1000))")
        }

        /// Processor nanoseconds per call of `body`, over `count` calls. Processor time, not wall time: the pure
        /// path never waits, and on a shared machine wall time mostly measures the other processes.
        private func measure(_ count: Int, _ body: (Int) throws -> Void) rethrows -> Double {
            let start = clock()
            for index in 0..<count { try body(index) }
            return Double(clock() - start) * (1e9 / Double(CLOCKS_PER_SEC)) / Double(count)
        }

        private func measureAsync(_ count: Int, _ body: (Int) async throws -> Void) async rethrows -> Double {
            let start = ContinuousClock.now
            for index in 0..<count { try await body(index) }
            return nanoseconds(start.duration(to: .now)) / Double(max(count, 1))
        }

        private func median(_ rounds: Int, _ round: () throws -> Double) rethrows -> Double {
            var results: [Double] = []
            for _ in 0..<rounds { results.append(try round()) }
            return results.sorted()[results.count / 2]
        }

        private func medianAsync(_ rounds: Int, _ round: () async throws -> Double) async rethrows -> Double {
            var results: [Double] = []
            for _ in 0..<rounds { results.append(try await round()) }
            return results.sorted()[results.count / 2]
        }

        private func nanoseconds(_ duration: Duration) -> Double {
            duration / .nanoseconds(1)
        }
    }
}
