import ReelAPICore
import ReelProviders
public import ReelRouting
import ReelVideo
public import ReelTime

/// What the front asks of the router library: model access, what each deployment can do, deployment selection,
/// affinity and managed IDs.
///
/// Access and the deployments of a model come from the (reloadable) ``RoutingTable``; what a deployment can do from
/// its provider family (``ProviderFamily``); selection is the configured strategy's ``DeploymentSelector`` over health
/// read from the shared router state (cached for `healthTTL`, so enqueues do not pay a Redis round trip each); IDs are
/// ``ManagedIDCodec``'s.
public struct VideoRouting: Sendable {
    /// The model group of a request that names none.
    static let defaultModel = "sora-2"

    /// Reads the health of deployments (``SharedRouterState/health(of:)`` in production).
    public typealias HealthSource = @Sendable ([Deployment]) async throws -> [String: DeploymentHealth]

    /// The routing table (configuration and catalog; reloadable).
    public let table: RoutingTable
    /// Mints and verifies managed IDs.
    public let codec: ManagedIDCodec
    private let health: CachedReading<[String: DeploymentHealth]>?

    /// Creates the routing of a table.
    /// - Parameters:
    ///   - table: deployments and catalog.
    ///   - codec: managed-ID codec (`reel_settings.secrets`).
    ///   - health: where deployment health comes from; nil treats every deployment as healthy.
    ///   - healthTTL: how long a health reading is reused.
    ///   - clock: measures `healthTTL`.
    public init(
        table: RoutingTable, codec: ManagedIDCodec, health: HealthSource? = nil, healthTTL: Duration = .milliseconds(500),
        clock: IntervalClock = .continuous
    ) {
        self.table = table
        self.codec = codec
        self.health = health.map { source in
            CachedReading(ttl: healthTTL, clock: clock) { [table] in try await source(table.snapshot.deployments) }
        }
    }

    /// Checks that `patterns` allow `model` (403), that a deployment serves it (400) and that one of those can serve
    /// `requirement` (400 `unsupported_operation` or `invalid_value`), and selects among those that can.
    func deployment(for model: String, patterns: [String], requirement: ProviderCapabilities.Requirement) async throws -> Deployment {
        let snapshot = table.snapshot
        do {
            try snapshot.checkAccess(patterns: patterns, model: model)
        } catch {
            throw APIError(.permissionDenied, error.message, param: "model")
        }
        let candidates = snapshot.deployments(for: model)
        guard !candidates.isEmpty else {
            throw APIError(
                .invalidParameter,
                "Invalid model name passed in model=\(model). Call `/v1/models` to view available models for your key.",
                param: "model"
            )
        }
        let capable = try Self.capable(candidates, of: requirement)
        let health = try await self.health?.value() ?? [:]
        var random = SystemRandomNumberGenerator()
        do {
            return try DeploymentSelector(strategy: snapshot.settings.routingStrategy).select(from: capable, health: health, using: &random)
        } catch {
            throw APIError(routing: error)
        }
    }

    /// Checks that `patterns` allow `model` (403) and that `deployment`, to which the request's objects pin it, can
    /// serve `requirement` (400): a video with characters goes where its characters live.
    func pinned(_ deployment: Deployment, model: String, patterns: [String], requirement: ProviderCapabilities.Requirement) throws(APIError)
        -> Deployment
    {
        try checkAccess(model: model, patterns: patterns)
        _ = try Self.capable([deployment], of: requirement)
        return deployment
    }

    /// The deployment of a follow-up on `source`: the source's own, when `patterns` still allow its model (403), it is
    /// still configured (404) and it can serve `requirement` (400; a Veo video cannot be remixed).
    func deployment(of source: VideoRecord, patterns: [String], requirement: ProviderCapabilities.Requirement) throws -> Deployment {
        try checkAccess(model: source.model, patterns: patterns)
        guard let deployment = try owner(ofAll: [source.deploymentID], objects: "source video") else {
            throw APIError(.notFound, "Video with id '\(source.id)' not found.", param: "video_id")
        }
        _ = try Self.capable([deployment], of: requirement)
        return deployment
    }

    private func checkAccess(model: String, patterns: [String]) throws(APIError) {
        do {
            try table.snapshot.checkAccess(patterns: patterns, model: model)
        } catch {
            throw APIError(.permissionDenied, error.message, param: "model")
        }
    }

    /// The deployment that owns objects pinned to `deploymentIDs`; 400 when they are on different accounts.
    func owner(ofAll deploymentIDs: [String], objects: String) throws -> Deployment? {
        do {
            return try AffinityResolver(snapshot: table.snapshot, codec: codec).owner(ofAll: deploymentIDs, objects: objects)
        } catch {
            throw APIError(routing: error, param: objects)
        }
    }

    /// Mints the ID of a new object of `kind` served by `deployment`.
    /// - Throws: 400 when a field is too long for an ID (in practice a model name matched by a wildcard).
    func mint(_ kind: ManagedID.Kind, deployment: Deployment, modelGroup: String, jobID: String) throws -> String {
        do {
            return try codec.mint(
                ManagedID(kind: kind, provider: deployment.provider, deploymentID: deployment.id, modelGroup: modelGroup, objectID: jobID)
            )
        } catch {
            throw APIError(.invalidParameter, error.message, param: "model")
        }
    }

    /// What `deployment` can do, from its provider family (the same mapping the worker builds providers with).
    static func capabilities(of deployment: Deployment) -> ProviderCapabilities {
        ProviderFamily(provider: deployment.provider).capabilities(model: deployment.providerModel)
    }

    /// The deployments of `candidates` that can serve `requirement`.
    /// - Throws: 400 `unsupported_operation` or `invalid_value`, naming what the candidates accept, when none can.
    static func capable(_ candidates: [Deployment], of requirement: ProviderCapabilities.Requirement) throws(APIError) -> [Deployment] {
        let capable = candidates.filter { capabilities(of: $0).satisfies(requirement) }
        if capable.isEmpty, let refusal = ProviderCapabilities.refusal(requirement, group: candidates.map(capabilities(of:))) {
            throw APIError(refusal.code == "unsupported_operation" ? .unsupportedOperation : .invalidValue, refusal.message, param: refusal.param)
        }
        return capable
    }

    /// Checks `requirement` against every configured deployment, before the objects a request names are looked up: a
    /// value no deployment takes is a 400 whatever the request points at.
    func checkAnyDeploymentTakes(_ requirement: ProviderCapabilities.Requirement) throws(APIError) {
        _ = try Self.capable(table.snapshot.deployments, of: requirement)
    }

    /// The `seconds` of a new video whose request gave none: OpenAI's default, 4, where the deployment takes it, else
    /// its shortest.
    static func defaultSeconds(of deployment: Deployment) -> String {
        let accepted = capabilities(of: deployment).seconds
        return accepted.contains("4") ? "4" : accepted.first ?? "4"
    }
}
