/// One configured way to reach a provider model: an entry of `model_list`.
///
/// Several deployments may share a `modelGroup` (the name clients ask for); the router balances between them.
/// A deployment whose group is a pattern (`model_name: openai/*`, `model: openai/*`) is a wildcard deployment:
/// it serves every catalog model of its provider that matches, with the matched text substituted into
/// `providerModel` (see ``RoutingSnapshot/deployments(for:)``).
public struct Deployment: Sendable, Hashable, Identifiable {
    /// `model_info.id`, or a stable hash of the group and the parameters.
    public var id: String
    /// `model_name`: the model group clients ask for (may be a pattern for wildcard deployments).
    public var modelGroup: String
    /// The provider: the part of `litellm_params.model` before the first `/` (`openai`, `azure`, …).
    public var provider: String
    /// The provider's model name: the part of `litellm_params.model` after the first `/`.
    public var providerModel: String
    /// `api_base`, when not the provider's default.
    public var apiBase: String?
    /// `api_key` (resolved from the environment).
    public var apiKey: String?
    /// `api_version` (Azure).
    public var apiVersion: String?
    /// `organization` (OpenAI).
    public var organization: String?
    /// Project, location and service account of a `vertex_ai/` deployment.
    public var vertex: Vertex?
    /// `rpm`: requests per minute allowed on this deployment across all processes.
    public var rpm: Int?
    /// `max_parallel_requests`: requests in flight allowed on this deployment across all processes.
    public var maxParallelRequests: Int?
    /// `weight` for `simple-shuffle` (1 when not set).
    public var weight: Double
    /// `model_info.access_groups`: key model lists may name these groups.
    public var accessGroups: [String]
    /// `model_info.mode` (`video_generation`, `responses`, `realtime`, …), informational.
    public var mode: String?
    /// `allowed_openai_params`: request fields the API does not know that are passed through to this deployment
    /// (`*` passes every one). Unknown fields not listed are dropped.
    public var allowedExtraParams: [String]
    /// A digest of `api_base`, `api_key`, `organization` and the Vertex AI project and location: deployments with equal fingerprints reach the same
    /// provider account, so objects created through one are reachable through the other.
    public var credentialsFingerprint: String

    /// Creates a deployment; `id` defaults to ``stableID(modelGroup:provider:providerModel:apiBase:apiKey:apiVersion:organization:vertex:)``.
    public init(
        id: String? = nil,
        modelGroup: String,
        provider: String,
        providerModel: String,
        apiBase: String? = nil,
        apiKey: String? = nil,
        apiVersion: String? = nil,
        organization: String? = nil,
        vertex: Vertex? = nil,
        rpm: Int? = nil,
        maxParallelRequests: Int? = nil,
        weight: Double = 1,
        accessGroups: [String] = [],
        mode: String? = nil,
        allowedExtraParams: [String] = []
    ) {
        precondition(weight >= 0, "weight must not be negative")
        self.id = id ?? Self.stableID(
            modelGroup: modelGroup, provider: provider, providerModel: providerModel,
            apiBase: apiBase, apiKey: apiKey, apiVersion: apiVersion, organization: organization, vertex: vertex
        )
        self.modelGroup = modelGroup
        self.provider = provider
        self.providerModel = providerModel
        self.apiBase = apiBase
        self.apiKey = apiKey
        self.apiVersion = apiVersion
        self.organization = organization
        self.vertex = vertex
        self.rpm = rpm
        self.maxParallelRequests = maxParallelRequests
        self.weight = weight
        self.accessGroups = accessGroups
        self.mode = mode
        self.allowedExtraParams = allowedExtraParams
        self.credentialsFingerprint = Self.fingerprint(apiBase: apiBase, apiKey: apiKey, organization: organization, vertex: vertex)
    }

    /// Whether this deployment's group is a pattern (contains `*`).
    public var isWildcard: Bool { modelGroup.contains("*") }

    /// `provider/providerModel`, as written in `litellm_params.model`.
    public var qualifiedModel: String { "\(provider)/\(providerModel)" }
}
