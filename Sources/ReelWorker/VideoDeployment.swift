public import ReelProviders

/// A deployment a worker can send video jobs to: its provider client and the model name the provider expects.
public struct VideoDeployment: Sendable {
    /// Deployment id (`model_info.id`).
    public var id: String
    /// The model group it serves (`model_name`).
    public var group: String
    /// The model as the provider spells it (`litellm_params.model` without the provider prefix); nil for a wildcard
    /// deployment (`openai/*`), which sends the model the client asked for.
    public var model: String?
    /// The provider client, configured with the deployment's base URL and key.
    public var provider: any VideoProvider

    /// Creates a deployment.
    public init(id: String, group: String, model: String?, provider: any VideoProvider) {
        self.id = id
        self.group = group
        self.model = model
        self.provider = provider
    }
}

extension VideoDeployment {
    /// The model to send for a job that asked for `modelGroup`: the deployment's own, or the requested one without its provider prefix.
    func providerModel(forGroup modelGroup: String) -> String {
        model ?? String(modelGroup.split(separator: "/").last ?? Substring(modelGroup))
    }
}
