public import ReelRouting
public import ReelRoutingRedis

/// A ``DeploymentGate`` on the router state every front and worker shares through Redis: `rpm`,
/// `max_parallel_requests` and cooldowns hold across all processes.
public struct RoutingDeploymentGate: DeploymentGate {
    private let state: SharedRouterState
    private let deployments: [String: Deployment]
    private let strategy: RoutingStrategy

    /// Creates a gate.
    /// - Parameters:
    ///   - state: The shared router state (its functions loaded with `prepare()`).
    ///   - deployments: The configured deployments.
    ///   - strategy: How a job that may move picks its next deployment (`router_settings.routing_strategy`, as the front picks).
    public init(state: SharedRouterState, deployments: [Deployment], strategy: RoutingStrategy) {
        self.state = state
        self.deployments = Dictionary(deployments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.strategy = strategy
    }

    /// Takes a slot on `preferred`, else on one of `alternatives` chosen by the routing strategy with live health.
    public func acquire(preferring preferred: String, alternatives: [String]) async throws -> GateDecision {
        let first = try await acquire(deploymentID: preferred)
        guard case .refused(let wait) = first else { return first }
        let others = alternatives.compactMap { deployments[$0] }
        guard !others.isEmpty else { return first }
        do {
            let lease = try await state.acquire(from: others, strategy: strategy)
            return .granted(GatePermit(deploymentID: lease.deployment.id, token: lease.token, acquiredAt: lease.acquiredAt))
        } catch let error as RoutingError where error.code == .noHealthyDeployment {
            return .refused(retryAfter: min(wait, error.retryAfter ?? wait))
        }
    }

    /// Takes a slot on exactly this deployment (the worker has decided where the call goes).
    public func acquire(deploymentID: String) async throws -> GateDecision {
        guard let deployment = deployments[deploymentID] else {
            throw RoutingError(.unknownDeployment, message: "The deployment \(deploymentID) is not configured.")
        }
        do {
            let lease = try await state.acquire(pinned: deployment)
            return .granted(GatePermit(deploymentID: deploymentID, token: lease.token, acquiredAt: lease.acquiredAt))
        } catch let error as RoutingError where error.code == .pinnedDeploymentUnavailable || error.code == .noHealthyDeployment {
            return .refused(retryAfter: error.retryAfter ?? .seconds(1))
        }
    }

    /// Ends the slot and records the call's outcome (latency, or a failure towards a cooldown).
    public func release(_ permit: GatePermit, transientFailure: Bool) async throws {
        guard let deployment = deployments[permit.deploymentID] else { return }
        let lease = DeploymentLease(deployment: deployment, token: permit.token, acquiredAt: permit.acquiredAt)
        try await state.release(lease, outcome: transientFailure ? .transientFailure : .success)
    }
}
