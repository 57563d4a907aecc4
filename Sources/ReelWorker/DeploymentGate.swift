/// Shared admission and health of deployments: per-deployment `rpm` and `max_parallel_requests` across all
/// workers, and cooldowns fed by failures.
///
/// ``MemoryDeploymentGate`` serves one process (tests, a single worker); ``RoutingDeploymentGate`` shares the
/// state through Redis.
public protocol DeploymentGate: Sendable {
    /// Takes one request slot on the deployment, or says how long to wait when it is cooling down or at its limits.
    func acquire(deploymentID: String) async throws -> GateDecision
    /// Takes one request slot on `preferred`, or, when it refuses, on one of `alternatives` (a job that may still move
    /// to another deployment of its group), or says how long to wait. The granted permit names the deployment.
    func acquire(preferring preferred: String, alternatives: [String]) async throws -> GateDecision
    /// Gives back a slot; a transient failure of the call (429, 5xx, timeout, network) counts towards a cooldown.
    func release(_ permit: GatePermit, transientFailure: Bool) async throws
}

extension DeploymentGate {
    /// Tries `preferred`, then each alternative in order; refused with the shortest wait when none admits the call.
    public func acquire(preferring preferred: String, alternatives: [String]) async throws -> GateDecision {
        var wait: Duration?
        for deploymentID in [preferred] + alternatives {
            switch try await acquire(deploymentID: deploymentID) {
            case .granted(let permit): return .granted(permit)
            case .refused(let retryAfter): wait = min(wait ?? retryAfter, retryAfter)
            }
        }
        return .refused(retryAfter: wait ?? .seconds(1))
    }
}
