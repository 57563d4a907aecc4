import Foundation
public import Logging
import ReelCrypto
import ReelLogging
public import ReelRedis
public import ReelRouting
import Synchronization
import ReelTime

/// The router state every front and worker shares through Redis: requests in flight per deployment, `rpm`
/// budgets (token buckets), latency averages, failure counts and cooldowns. All of it lives in Redis functions
/// that read the server's clock, so limits hold across any number of processes.
///
/// ```swift
/// let state = SharedRouterState(client: redis, settings: snapshot.settings)
/// try await state.prepare()                                            // loads the functions
/// let lease = try await state.acquire(from: try snapshot.resolve(model: "sora-2"), strategy: .leastBusy)
/// // … call lease.deployment …
/// try await state.release(lease, outcome: .success)                    // or .transientFailure
/// ```
/// `acquire` is one round trip: the pure ``DeploymentSelector`` ranks the candidates from the health seen in
/// earlier replies, and the server takes the first one whose limits still admit the request (for `least-busy`,
/// the one with the fewest requests in flight right now).
public final class SharedRouterState: Sendable {
    /// How a request on a deployment ended.
    public enum Outcome: Sendable, Hashable {
        /// It succeeded (or failed permanently for the caller's own reasons): the latency is recorded.
        case success
        /// A transient provider failure (429, 5xx, timeout, connection error): counts towards a cooldown.
        case transientFailure
        /// The request was abandoned before reaching the provider: only the lease ends.
        case abandoned
    }

    /// The keys and channel used.
    public let keys: RouterKeys
    private let client: RedisClient
    private let settings: RouterSettings
    private let logger: Logger
    private let lastHealth = Mutex<[String: DeploymentHealth]>([:])

    /// Creates a handle on the shared state.
    /// - Parameters:
    ///   - client: the Redis connection.
    ///   - keys: where the state lives (tests pass a unique namespace).
    ///   - settings: `allowed_fails`, the failure window and `cooldown_time`.
    ///   - logger: debug output.
    public init(client: RedisClient, keys: RouterKeys = RouterKeys(), settings: RouterSettings, logger: Logger = RedisClient.silentLogger) {
        self.client = client
        self.keys = keys
        self.settings = settings
        self.logger = logger
    }

    /// Loads the Redis functions unless Redis holds this version of them or a newer one (calls reload them by
    /// themselves if Redis lost them).
    public func prepare() async throws {
        try await RouterLibrary.load(client)
    }

    /// Takes a request slot on the best usable deployment among `candidates`.
    /// - Parameters:
    ///   - candidates: the deployments of the model group (``RoutingSnapshot/resolve(model:)``).
    ///   - strategy: how to choose.
    ///   - lease: how long the slot counts as in flight if never released (a crashed process).
    ///   - generator: randomness for the ranking.
    /// - Throws: `RoutingError.noHealthyDeployment` with the soonest retry time when every candidate is
    ///   cooling down or at a limit; Redis errors.
    public func acquire(
        from candidates: [Deployment],
        strategy: RoutingStrategy,
        lease: Duration = .seconds(600),
        using generator: inout some RandomNumberGenerator
    ) async throws -> DeploymentLease {
        guard !candidates.isEmpty else { throw RoutingError(.modelNotFound, message: "No deployment serves this model.") }
        // Order by what earlier replies said, skipping nothing: the server decides with live numbers.
        let known = lastHealth.withLock { health in health }
        let ranked = DeploymentSelector(strategy: strategy).order(candidates, health: known, using: &generator)
        let mode = strategy == .leastBusy ? "least" : "first"
        let token = SecureRandom.identifier()
        let started = ContinuousClock.now
        let reply = try await call(ranked, mode: mode, lease: lease, token: token)
        guard let chosen = reply.chosen else {
            throw RoutingError(
                .noHealthyDeployment,
                message: "Every deployment of this model is cooling down or at its rate limit; retry later.",
                retryAfter: reply.soonest
            )
        }
        return DeploymentLease(deployment: ranked[chosen], token: token, acquiredAt: started)
    }

    /// Takes a request slot with the system random number generator.
    public func acquire(from candidates: [Deployment], strategy: RoutingStrategy, lease: Duration = .seconds(600)) async throws -> DeploymentLease {
        var generator = SystemRandomNumberGenerator()
        return try await acquire(from: candidates, strategy: strategy, lease: lease, using: &generator)
    }

    /// Takes a request slot for a follow-up pinned to `deployment`: on it, or when it is cooling down or at a
    /// limit, on the first usable of `peers` (pass ``AffinityResolver/sameCredentials(as:)``: deployments of the
    /// same account). One round trip.
    /// - Throws: `RoutingError.pinnedDeploymentUnavailable` with the time `deployment` may take requests again.
    public func acquire(pinned deployment: Deployment, peers: [Deployment] = [], lease: Duration = .seconds(600)) async throws -> DeploymentLease {
        let candidates = [deployment] + peers
        let token = SecureRandom.identifier()
        let started = ContinuousClock.now
        let reply = try await call(candidates, mode: "first", lease: lease, token: token)
        guard let chosen = reply.chosen else {
            let wait = DeploymentSelector.blockedFor(deployment, reply.health[deployment.id] ?? DeploymentHealth())
            throw AffinityResolver.unavailable(retryAfter: wait)
        }
        return DeploymentLease(deployment: candidates[chosen], token: token, acquiredAt: started)
    }

    /// Ends a lease and records how the request went.
    /// - Returns: the cooldown this call started, if the failure was one too many.
    @discardableResult
    public func release(_ lease: DeploymentLease, outcome: Outcome) async throws -> Duration? {
        let latency = outcome == .success ? lease.acquiredAt.duration(to: .now) : nil
        return try await report(deploymentID: lease.deployment.id, token: lease.token, latency: latency, failed: outcome == .transientFailure)
    }

    /// Records a transient failure of `deploymentID` outside any lease (a status poll, a download).
    /// - Returns: the cooldown this call started, if any.
    @discardableResult
    public func recordFailure(deploymentID: String) async throws -> Duration? {
        try await report(deploymentID: deploymentID, token: "", latency: nil, failed: true)
    }

    /// Records a measured latency of `deploymentID` outside any lease.
    public func recordLatency(deploymentID: String, latency: Duration) async throws {
        try await report(deploymentID: deploymentID, token: "", latency: latency, failed: false)
    }

    /// The current health of `deployments` (one round trip, nothing taken).
    public func health(of deployments: [Deployment]) async throws -> [String: DeploymentHealth] {
        try await call(deployments, mode: "peek", lease: .zero, token: "").health
    }

    @discardableResult
    private func report(deploymentID: String, token: String, latency: Duration?, failed: Bool) async throws -> Duration? {
        let arguments = [
            token, latency.map { String($0.milliseconds) } ?? "-1", failed ? "1" : "0", String(settings.allowedFails),
            String(max(1, settings.failureWindow.milliseconds)), String(max(1, settings.cooldownTime.milliseconds)),
        ]
        let keyList = [keys.inFlight(deploymentID), keys.stats(deploymentID), keys.failures(deploymentID)]
        let reply = try await RouterLibrary.call(client, .release, keys: keyList, arguments: arguments)
        guard let started = reply.int, started > 0 else { return nil }
        logger.debug(
            "deployment cooling down",
            metadata: [LogKey.deploymentID: "\(deploymentID)", LogKey.cooldownMilliseconds: "\(started)"]
        )
        return .milliseconds(started)
    }

    private struct AcquireReply {
        var chosen: Int?
        var soonest: Duration?
        var health: [String: DeploymentHealth]
    }

    private func call(_ deployments: [Deployment], mode: String, lease: Duration, token: String) async throws -> AcquireReply {
        var keyList: [String] = []
        var arguments = [mode, String(lease.milliseconds), token]
        for deployment in deployments {
            keyList += [keys.inFlight(deployment.id), keys.stats(deployment.id)]
            arguments += [String(deployment.rpm ?? 0), String(deployment.maxParallelRequests ?? 0)]
        }
        let values = try await RouterLibrary.call(client, .acquire, keys: keyList, arguments: arguments).array?.compactMap(\.int) ?? []
        guard values.count == 2 + 4 * deployments.count else {
            throw RedisError(.protocolError, message: "reel_router_acquire returned \(values.count) integers")
        }
        var health: [String: DeploymentHealth] = [:]
        for (index, deployment) in deployments.enumerated() {
            let base = 2 + 4 * index
            health[deployment.id] = DeploymentHealth(
                inFlight: values[base],
                cooldownRemaining: .milliseconds(values[base + 1]),
                rateLimitedFor: .milliseconds(values[base + 2]),
                latency: values[base + 3] >= 0 ? .milliseconds(values[base + 3]) : nil
            )
        }
        lastHealth.withLock { $0.merge(health) { _, new in new } }
        return AcquireReply(chosen: values[0] > 0 ? values[0] - 1 : nil, soonest: values[1] >= 0 ? .milliseconds(values[1]) : nil, health: health)
    }
}
