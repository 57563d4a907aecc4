/// A request slot taken on a deployment by ``DeploymentGate/acquire(deploymentID:)``.
public struct GatePermit: Sendable, Hashable {
    /// The deployment.
    public var deploymentID: String
    /// Identifies the slot in the gate's shared state.
    public var token: String
    /// When the slot was taken (latency measurement).
    public var acquiredAt: ContinuousClock.Instant
}
