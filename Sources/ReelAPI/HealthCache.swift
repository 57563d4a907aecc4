import ReelAPICore
import ReelRouting
import Synchronization

/// The last health reading of every deployment, refreshed when older than its TTL.
final class HealthCache: Sendable {
    private let source: VideoRouting.HealthSource
    private let ttl: Duration
    private let clock: IntervalClock
    private let reading = Mutex<(health: [String: DeploymentHealth], at: Duration)?>(nil)

    init(source: @escaping VideoRouting.HealthSource, ttl: Duration, clock: IntervalClock) {
        self.source = source
        self.ttl = ttl
        self.clock = clock
    }

    func health(of deployments: [Deployment]) async throws -> [String: DeploymentHealth] {
        let now = clock.elapsed
        if let cached = reading.withLock({ $0 }), now - cached.at < ttl { return cached.health }
        let health = try await source(deployments)
        reading.withLock { $0 = (health, now) }
        return health
    }
}
