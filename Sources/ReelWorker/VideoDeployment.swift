import Foundation
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
    /// Request fields unknown to the API that may reach this provider (`allowed_openai_params`; `*`: all).
    public var allowedExtraParams: [String]
    /// What the provider can do: a job moves only to deployments that can serve it, and only the variants it
    /// produces are fetched.
    public var capabilities: ProviderCapabilities

    /// Creates a deployment.
    public init(
        id: String, group: String, model: String?, provider: any VideoProvider, allowedExtraParams: [String] = [],
        capabilities: ProviderCapabilities = .openAI
    ) {
        self.id = id
        self.group = group
        self.model = model
        self.provider = provider
        self.allowedExtraParams = allowedExtraParams
        self.capabilities = capabilities
    }
}

extension VideoDeployment {
    /// The model to send for a job that asked for `modelGroup`: the deployment's own, or the requested one without its provider prefix.
    func providerModel(forGroup modelGroup: String) -> String {
        model ?? String(modelGroup.split(separator: "/").last ?? Substring(modelGroup))
    }

    /// The members of a job's extra body (a JSON object of the fields the API did not know) this deployment allows;
    /// nil when none. A job may move between deployments before submission, so the filter applies at send time.
    func permittedExtraBody(_ extraBody: String?) -> String? {
        guard let extraBody, !allowedExtraParams.isEmpty,
            let members = try? JSONSerialization.jsonObject(with: Data(extraBody.utf8)) as? [String: Any]
        else { return nil }
        let permitted = allowedExtraParams.contains("*") ? members : members.filter { allowedExtraParams.contains($0.key) }
        guard !permitted.isEmpty, let data = try? JSONSerialization.data(withJSONObject: permitted, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
