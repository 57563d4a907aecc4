/// `router_settings`: how deployments are chosen and when they cool down.
public struct RouterSettings: Sendable, Hashable {
    /// `routing_strategy`.
    public var routingStrategy: RoutingStrategy
    /// `cooldown_time` (seconds): how long a deployment is skipped once it has failed too often.
    public var cooldownTime: Duration
    /// `allowed_fails`: transient failures tolerated within `failureWindow`; the next one starts a cooldown.
    public var allowedFails: Int
    /// `allowed_fails_window` (seconds): the window failures are counted in (LiteLLM counts per minute).
    public var failureWindow: Duration

    /// Creates settings; the defaults are LiteLLM's.
    public init(
        routingStrategy: RoutingStrategy = .simpleShuffle,
        cooldownTime: Duration = .seconds(5),
        allowedFails: Int = 3,
        failureWindow: Duration = .seconds(60)
    ) {
        precondition(allowedFails >= 0, "allowedFails must not be negative")
        self.routingStrategy = routingStrategy
        self.cooldownTime = cooldownTime
        self.allowedFails = allowedFails
        self.failureWindow = failureWindow
    }
}
