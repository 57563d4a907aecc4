public import Logging
public import ReelHTTP
import ReelProviders
public import ReelRouting

extension VideoDeployment {
    /// The deployment of a `model_list` entry with the adapter its provider prefix selects (``ProviderFamily``):
    /// Veo through the Gemini API (`gemini/`), Veo through Vertex AI (`vertex_ai/`, with one cached token source per
    /// deployment), or the OpenAI video API (every other prefix).
    /// - Throws: `ConfigurationError` naming the deployment and the field when its service account cannot be used, so
    ///   `reel worker` stops at start-up rather than failing jobs later.
    public static func configured(_ deployment: Deployment, transport: some HTTPTransport, logger: Logger) throws(ConfigurationError) -> VideoDeployment {
        let family = ProviderFamily(provider: deployment.provider)
        if family == .geminiVeo {
            let dialect = GeminiVeoDialect(apiKey: deployment.apiKey ?? "", baseURL: deployment.apiBase ?? GeminiVeoDialect.defaultBaseURL)
            return veo(deployment, dialect: dialect, family: family, transport: transport, logger: logger)
        }
        if family == .vertexVeo {
            guard let vertex = deployment.vertex else {
                throw ConfigurationError(.invalidValue, message: "deployment \(deployment.id) (\(deployment.modelGroup)): vertex_project and vertex_credentials are required")
            }
            let account: GoogleServiceAccount
            do {
                account = try GoogleServiceAccount(json: vertex.credentials)
            } catch {
                let field = error.field.map { " (field \($0))" } ?? ""
                throw ConfigurationError(
                    .invalidValue,
                    message: "deployment \(deployment.id) (\(deployment.modelGroup)): litellm_params.vertex_credentials is not a usable service account\(field): \(error.message)"
                )
            }
            let tokens = GoogleAccessTokenSource(account: account, transport: transport, clock: ContinuousClock(), logger: logger)
            let dialect = VertexVeoDialect(project: vertex.project, location: vertex.location, tokens: tokens, baseURL: deployment.apiBase)
            return veo(deployment, dialect: dialect, family: family, transport: transport, logger: logger)
        }
        return openAI(deployment, transport: transport, logger: logger)
    }

    private static func veo(
        _ deployment: Deployment, dialect: some VeoDialect, family: ProviderFamily, transport: some HTTPTransport, logger: Logger
    ) -> VideoDeployment {
        let model = deployment.isWildcard ? nil : deployment.providerModel
        let provider = VeoVideoProvider(dialect: dialect, transport: transport, model: model, clock: ContinuousClock(), logger: logger)
        return VideoDeployment(
            id: deployment.id,
            group: deployment.modelGroup,
            model: model,
            provider: provider,
            allowedExtraParams: deployment.allowedExtraParams,
            capabilities: family.capabilities(model: deployment.providerModel)
        )
    }
}
