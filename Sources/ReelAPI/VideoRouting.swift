public import ReelAPICore
import ReelProviders
public import ReelRouting

/// What the front asks of the router library: model access, deployment selection, affinity and managed IDs.
///
/// Access and the deployments of a model come from the (reloadable) ``RoutingTable``; selection is the
/// configured strategy's ``DeploymentSelector`` over health read from the shared router state (cached for
/// `healthTTL`, so enqueues do not pay a Redis round trip each); IDs are ``ManagedIDCodec``'s.
public struct VideoRouting: Sendable {
    /// Reads the health of deployments (``SharedRouterState/health(of:)`` in production).
    public typealias HealthSource = @Sendable ([Deployment]) async throws -> [String: DeploymentHealth]

    /// The routing table (configuration and catalog; reloadable).
    public let table: RoutingTable
    /// Mints and verifies managed IDs.
    public let codec: ManagedIDCodec
    private let healthCache: HealthCache?

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
        self.healthCache = health.map { HealthCache(source: $0, ttl: healthTTL, clock: clock) }
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
        let health = try await healthCache?.health(of: snapshot.deployments) ?? [:]
        var random = SystemRandomNumberGenerator()
        do {
            return try DeploymentSelector(strategy: snapshot.settings.routingStrategy).select(from: capable, health: health, using: &random)
        } catch {
            throw APIError(routing: error)
        }
    }

    /// Checks that `patterns` allow `model` (403), for follow-ups whose deployment is pinned.
    func checkAccess(model: String, patterns: [String]) throws(APIError) {
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
}
