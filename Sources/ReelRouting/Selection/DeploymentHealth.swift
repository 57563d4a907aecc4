/// What the router knows about one deployment at the moment of a decision (from the shared state in Redis, or
/// from the caller's own bookkeeping). The default value is a healthy, idle, unmeasured deployment.
public struct DeploymentHealth: Sendable, Hashable {
    /// Requests in flight on the deployment, across all processes.
    public var inFlight: Int
    /// How much longer the deployment is cooling down (zero when it is not).
    public var cooldownRemaining: Duration
    /// How long until the deployment's `rpm` budget admits another request (zero when it does now).
    public var rateLimitedFor: Duration
    /// Recent average latency, nil when not measured yet.
    public var latency: Duration?

    /// Creates a health value.
    public init(inFlight: Int = 0, cooldownRemaining: Duration = .zero, rateLimitedFor: Duration = .zero, latency: Duration? = nil) {
        self.inFlight = inFlight
        self.cooldownRemaining = cooldownRemaining
        self.rateLimitedFor = rateLimitedFor
        self.latency = latency
    }
}
