public import ReelRouting
/// The whole configuration file: LiteLLM's `model_list`, `router_settings` and `general_settings`, plus Reel's
/// own `reel_settings`.
///
/// ```swift
/// let configuration = try ReelConfiguration.load(
///     path: "worker-config/config.yaml",
///     environment: ProcessInfo.processInfo.environment
/// )
/// let table = RoutingTable(RoutingSnapshot(configuration: configuration, catalog: .default))
/// ```
/// `os.environ/NAME` values resolve from `environment`; `REDIS_URL` and `REEL_MASTER_KEY` in the environment
/// override `reel_settings.redis_url` and `general_settings.master_key`. Every key is documented in
/// `worker-config/README.md`.
public struct ReelConfiguration: Sendable, Hashable {
    /// `model_list`, one deployment per entry (per organisation when an entry lists several).
    public var deployments: [Deployment]
    /// `router_settings`.
    public var router: RouterSettings
    /// `general_settings.master_key`: the admin key; nil disables admin routes.
    public var masterKey: String?
    /// `reel_settings`.
    public var reel: ReelSettings

    /// Creates a configuration.
    public init(deployments: [Deployment], router: RouterSettings = RouterSettings(), masterKey: String? = nil, reel: ReelSettings) {
        self.deployments = deployments
        self.router = router
        self.masterKey = masterKey
        self.reel = reel
    }
}
