public import Logging
public import ReelHTTP
import ReelProviders
public import ReelRouting

extension VideoDeployment {
    /// The deployment of a `model_list` entry, served by the OpenAI-compatible provider: OpenAI and compatible servers
    /// with a bearer key, Azure (`provider: azure`, `api_base` ending in `/openai/v1`) with its `api-key` header.
    /// A wildcard deployment (`openai/*`) sends the model the client asked for.
    public static func openAI(_ deployment: Deployment, transport: some HTTPTransport, logger: Logger) -> VideoDeployment {
        let provider = OpenAIVideoProvider(
            configuration: OpenAIProviderConfiguration(
                baseURL: deployment.apiBase ?? "https://api.openai.com/v1",
                apiKey: deployment.apiKey ?? "",
                authStyle: deployment.provider == "azure" ? .apiKeyHeader : .bearer,
                organization: deployment.organization
            ),
            transport: transport,
            logger: logger
        )
        return VideoDeployment(
            id: deployment.id,
            group: deployment.modelGroup,
            model: deployment.isWildcard ? nil : deployment.providerModel,
            provider: provider,
            allowedExtraParams: deployment.allowedExtraParams
        )
    }
}
