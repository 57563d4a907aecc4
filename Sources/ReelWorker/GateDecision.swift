/// The answer of ``DeploymentGate/acquire(deploymentID:)``.
public enum GateDecision: Sendable, Equatable {
    /// A slot was taken; release it after the call.
    case granted(GatePermit)
    /// Not now; try again after this wait (or another deployment).
    case refused(retryAfter: Duration)
}
