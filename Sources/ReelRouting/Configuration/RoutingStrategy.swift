/// How a deployment is chosen among the healthy deployments of a model group (`router_settings.routing_strategy`).
public struct RoutingStrategy: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String { case simpleShuffle = "simple-shuffle", leastBusy = "least-busy", latencyBased = "latency-based" }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// Random, weighted by each deployment's `weight` (LiteLLM's default).
    public static var simpleShuffle: Self { .init(.simpleShuffle) }
    /// The deployment with the fewest requests in flight across all processes.
    public static var leastBusy: Self { .init(.leastBusy) }
    /// The deployment with the lowest recent latency; deployments without measurements are tried first.
    public static var latencyBased: Self { .init(.latencyBased) }

    /// Parses a configuration value (`simple-shuffle`, `least-busy`, `latency-based`; LiteLLM's
    /// `latency-based-routing` is accepted too). Nil for anything else.
    public init?(configurationValue: String) {
        let value = configurationValue == "latency-based-routing" ? "latency-based" : configurationValue
        guard let base = Base(rawValue: value) else { return nil }
        self.base = base
    }

    /// The configuration spelling.
    public var description: String { base.rawValue }
}
