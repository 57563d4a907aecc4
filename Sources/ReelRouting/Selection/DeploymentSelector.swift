import Foundation

/// Chooses among the deployments of a model group: synchronous and pure (the only inputs are the candidates,
/// their health and an injected random number generator), so every process decides the same way and tests
/// can replay decisions.
///
/// ```swift
/// var random = SystemRandomNumberGenerator()
/// let selector = DeploymentSelector(strategy: snapshot.settings.routingStrategy)
/// let deployment = try selector.select(from: try snapshot.resolve(model: "sora-2"), health: health, using: &random)
/// ```
/// Deployments cooling down, out of `rpm` budget or at `max_parallel_requests` are skipped; when every
/// candidate is skipped the error carries the soonest time one may become usable.
public struct DeploymentSelector: Sendable {
    /// How to choose.
    public var strategy: RoutingStrategy

    /// How long to suggest waiting when only a `max_parallel_requests` limit blocks (no expiry is known).
    public static let parallelLimitRetryAfter: Duration = .seconds(1)

    /// Creates a selector.
    public init(strategy: RoutingStrategy) {
        self.strategy = strategy
    }

    /// The best usable deployment.
    /// - Throws: `RoutingError.noHealthyDeployment` (with `retryAfter`) when none is usable, or
    ///   `RoutingError.modelNotFound` when `candidates` is empty.
    @inlinable
    public func select(
        from candidates: [Deployment],
        health: [String: DeploymentHealth],
        using generator: inout some RandomNumberGenerator
    ) throws(RoutingError) -> Deployment {
        try select(from: candidates, health: health, random: generator.next())
    }

    /// The best usable deployment, with `random` (uniformly distributed) as the only randomness: it picks the
    /// weighted deployment under `simple-shuffle` and breaks ties otherwise.
    /// - Throws: as ``select(from:health:using:)``.
    public func select(from candidates: [Deployment], health: [String: DeploymentHealth], random: UInt64) throws(RoutingError) -> Deployment {
        let usable = try usable(candidates, health: health)
        if usable.count == 1 { return usable[0] }
        switch strategy {
        case .leastBusy:
            return Self.pickAmongBest(usable, random: random) { health[$0.id]?.inFlight ?? 0 }
        case .latencyBased:
            return Self.pickAmongBest(usable, random: random) { health[$0.id]?.latency ?? .seconds(-1) }  // unmeasured first
        default:
            let total = usable.reduce(0) { $0 + $1.weight }
            guard total > 0 else { return usable[Int(random % UInt64(usable.count))] }
            var point = Double(random >> 11) * 0x1p-53 * total  // uniform in [0, total)
            for deployment in usable where deployment.weight > 0 {
                if point < deployment.weight { return deployment }
                point -= deployment.weight
            }
            return usable.last { $0.weight > 0 }!  // rounding at the very top of the range
        }
    }

    /// The usable deployments, best first: the order to try them in (ReelRoutingRedis acquires the first one
    /// whose limits still admit the request at the server).
    /// - Throws: as ``select(from:health:using:)``; the result is never empty.
    public func rank(
        _ candidates: [Deployment],
        health: [String: DeploymentHealth],
        using generator: inout some RandomNumberGenerator
    ) throws(RoutingError) -> [Deployment] {
        order(try usable(candidates, health: health), health: health, using: &generator)
    }

    /// `candidates` that can take a request now.
    private func usable(_ candidates: [Deployment], health: [String: DeploymentHealth]) throws(RoutingError) -> [Deployment] {
        guard !candidates.isEmpty else { throw RoutingError(.modelNotFound, message: "No deployment serves this model.") }
        var usable: [Deployment] = []
        var soonest: Duration?
        for deployment in candidates {
            if let wait = Self.blockedFor(deployment, health[deployment.id] ?? DeploymentHealth()) {
                soonest = min(soonest ?? wait, wait)
            } else {
                usable.append(deployment)
            }
        }
        guard !usable.isEmpty else {
            throw RoutingError(
                .noHealthyDeployment,
                message: "Every deployment of this model is cooling down or at its rate limit; retry later.",
                retryAfter: soonest
            )
        }
        return usable
    }

    /// `deployments` in the strategy's order of preference, best first, without skipping any (for callers whose
    /// limits are checked elsewhere, such as the Redis functions of ReelRoutingRedis).
    public func order(
        _ deployments: [Deployment],
        health: [String: DeploymentHealth],
        using generator: inout some RandomNumberGenerator
    ) -> [Deployment] {
        var entries = deployments.map { (deployment: $0, health: health[$0.id] ?? DeploymentHealth()) }
        switch strategy {
        case .leastBusy:
            entries.shuffle(using: &generator)
            return entries.enumerated()
                .sorted { ($0.element.health.inFlight, $0.offset) < ($1.element.health.inFlight, $1.offset) }
                .map(\.element.deployment)
        case .latencyBased:
            entries.shuffle(using: &generator)
            return entries.enumerated()
                .sorted { Self.latencyKey($0.element.health, $0.offset) < Self.latencyKey($1.element.health, $1.offset) }
                .map(\.element.deployment)
        default:
            return Self.weightedShuffle(deployments, using: &generator)
        }
    }

    /// How long `deployment` cannot take a request, nil when it can now.
    public static func blockedFor(_ deployment: Deployment, _ health: DeploymentHealth) -> Duration? {
        var wait: Duration?
        if health.cooldownRemaining > .zero { wait = health.cooldownRemaining }
        if health.rateLimitedFor > .zero { wait = max(wait ?? .zero, health.rateLimitedFor) }
        if let limit = deployment.maxParallelRequests, health.inFlight >= limit {
            wait = max(wait ?? .zero, parallelLimitRetryAfter)
        }
        return wait
    }

    /// A random order in which each deployment comes first with probability weight / total weight
    /// (Efraimidis–Spirakis: sort by u^(1/w)). Zero weights come last.
    static func weightedShuffle(_ deployments: [Deployment], using generator: inout some RandomNumberGenerator) -> [Deployment] {
        deployments
            .map { deployment -> (key: Double, deployment: Deployment) in
                guard deployment.weight > 0 else { return (-.infinity, deployment) }
                let u = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &generator)
                return (log(u) / deployment.weight, deployment)  // log(u^(1/w)): same order, no underflow
            }
            .sorted { $0.key > $1.key }
            .map(\.deployment)
    }

    /// One of the deployments with the smallest `key`, chosen by `random`.
    private static func pickAmongBest<Key: Comparable>(_ deployments: [Deployment], random: UInt64, key: (Deployment) -> Key) -> Deployment {
        let keys = deployments.map(key)
        let best = keys.min()!
        let tied = deployments.indices.filter { keys[$0] == best }
        return deployments[tied[Int(random % UInt64(tied.count))]]
    }

    private static func latencyKey(_ health: DeploymentHealth, _ offset: Int) -> (Int, Duration, Int) {
        guard let latency = health.latency else { return (0, .zero, offset) }  // unmeasured first
        return (1, latency, offset)
    }
}
