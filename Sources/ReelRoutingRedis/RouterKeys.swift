/// The Redis keys and channel of the shared router state. Every key shares one hash tag, so the whole state
/// lives in one cluster slot and one function call may touch several deployments.
public struct RouterKeys: Sendable, Hashable {
    /// The common prefix, including the hash tag (`reel:{router}`).
    public let prefix: String

    /// Creates keys under `reel:{namespace}`.
    /// - Parameter namespace: the hash tag; tests pass a unique one. No braces.
    public init(namespace: String = "router") {
        precondition(!namespace.contains("{") && !namespace.contains("}"), "the namespace must not contain braces")
        prefix = "reel:{\(namespace)}"
    }

    /// Sorted set of in-flight leases (member: token, score: expiry in ms).
    public func inFlight(_ deploymentID: String) -> String { "\(prefix):d:\(deploymentID):inflight" }
    /// Hash: rpm bucket (`tokens`, `ts`), latency average (`lat`) and cooldown end in ms (`cooldown_until`).
    public func stats(_ deploymentID: String) -> String { "\(prefix):d:\(deploymentID):stats" }
    /// Counter of recent failures (expires after the failure window).
    public func failures(_ deploymentID: String) -> String { "\(prefix):d:\(deploymentID):fails" }
    /// Hash: the published catalog (`catalog`, `catalog_version`).
    public var published: String { "\(prefix):published" }
    /// Pub/sub channel announcing catalog reloads.
    public var reloadChannel: String { "\(prefix):reload" }
}
