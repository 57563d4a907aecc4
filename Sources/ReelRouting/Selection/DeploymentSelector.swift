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
    public func select(
        from candidates: [Deployment],
        health: [String: DeploymentHealth],
        using generator: inout some RandomNumberGenerator
    ) throws(RoutingError) -> Deployment {
        try rank(candidates, health: health, using: &generator)[0]
    }

    /// The usable deployments, best first: the order to try them in (ReelRoutingRedis acquires the first one
    /// whose limits still admit the request at the server).
    /// - Throws: as ``select(from:health:using:)``; the result is never empty.
    public func rank(
        _ candidates: [Deployment],
        health: [String: DeploymentHealth],
        using generator: inout some RandomNumberGenerator
    ) throws(RoutingError) -> [Deployment] {
        guard !candidates.isEmpty else { throw RoutingError(.modelNotFound, message: "No deployment serves this model.") }
        var usable: [Deployment] = []
        var soonest: Duration?
        for deployment in candidates {
            let state = health[deployment.id] ?? DeploymentHealth()
            if let wait = Self.blockedFor(deployment, state) {
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
        return order(usable, health: health, using: &generator)
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

    private static func latencyKey(_ health: DeploymentHealth, _ offset: Int) -> (Int, Duration, Int) {
        guard let latency = health.latency else { return (0, .zero, offset) }  // unmeasured first
        return (1, latency, offset)
    }
}
