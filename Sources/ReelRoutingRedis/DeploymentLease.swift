public import ReelRouting

/// A request slot held on a deployment: counted as in flight (for `least-busy` and `max_parallel_requests`)
/// until released or until it expires.
public struct DeploymentLease: Sendable, Hashable {
    /// The deployment that took the request.
    public let deployment: Deployment
    /// Identifies this lease in Redis.
    public let token: String
    /// When it was taken (for the latency measurement on release).
    public let acquiredAt: ContinuousClock.Instant

    /// Creates a lease value.
    public init(deployment: Deployment, token: String, acquiredAt: ContinuousClock.Instant) {
        self.deployment = deployment
        self.token = token
        self.acquiredAt = acquiredAt
    }
}
