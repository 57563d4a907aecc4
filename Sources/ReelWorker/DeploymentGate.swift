/// Shared admission and health of deployments: per-deployment `rpm` and `max_parallel_requests` across all
/// workers, and cooldowns fed by failures.
///
/// ``MemoryDeploymentGate`` serves one process (tests, a single worker); ``RoutingDeploymentGate`` shares the
/// state through Redis.
public protocol DeploymentGate: Sendable {
    /// Takes one request slot on the deployment, or says how long to wait when it is cooling down or at its limits.
    func acquire(deploymentID: String) async throws -> GateDecision
    /// Gives back a slot; a transient failure of the call (429, 5xx, timeout, network) counts towards a cooldown.
    func release(_ permit: GatePermit, transientFailure: Bool) async throws
}
