/// Everything routing decisions read, as one immutable value: the deployments, the catalog, the router
/// settings, and every set derived from them (groups, access groups, wildcard deployments).
///
/// A reload builds a new snapshot and ``RoutingTable`` swaps it in whole, so a derived set can never be
/// older than the catalog it came from (the stale-wildcard incident cannot happen by construction).
///
/// ```swift
/// let snapshot = RoutingSnapshot(configuration: configuration, catalog: .default)
/// try snapshot.checkAccess(patterns: ["openai/*"], model: "sora-2")
/// let candidates = try snapshot.deployments(for: "sora-2")
/// ```
public final class RoutingSnapshot: Sendable {
    /// The configured deployments, in file order.
    public let deployments: [Deployment]
    /// The catalog.
    public let catalog: ModelCatalog
    /// `router_settings`.
    public let settings: RouterSettings
    /// The catalog version this snapshot was built from (0: not published through Redis).
    public let catalogVersion: Int

    /// Deployment id → deployment.
    public let deploymentsByID: [String: Deployment]
    /// Exact model group → its deployments.
    public let groups: [String: [Deployment]]
    /// Wildcard deployments with their parsed group pattern, most specific (longest pattern) first.
    public let wildcardDeployments: [(pattern: ModelPattern, deployment: Deployment)]
    /// Every access group named by some deployment.
    public let accessGroupNames: Set<String>

    /// Builds a snapshot and every derived set.
    public init(deployments: [Deployment], catalog: ModelCatalog, settings: RouterSettings = RouterSettings(), catalogVersion: Int = 0) {
        self.deployments = deployments
        self.catalog = catalog
        self.settings = settings
        self.catalogVersion = catalogVersion
        self.deploymentsByID = Dictionary(deployments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.groups = Dictionary(grouping: deployments.filter { !$0.isWildcard }, by: \.modelGroup)
        self.wildcardDeployments = deployments.filter(\.isWildcard)
            .map { (pattern: ModelPattern($0.modelGroup), deployment: $0) }
            .sorted { $0.pattern.text.count > $1.pattern.text.count }
        self.accessGroupNames = Set(deployments.flatMap(\.accessGroups))
    }

    /// The same deployments and settings with another catalog.
    public func replacing(catalog: ModelCatalog, version: Int) -> RoutingSnapshot {
        RoutingSnapshot(deployments: deployments, catalog: catalog, settings: settings, catalogVersion: version)
    }

    /// The deployment with this id, if it is still configured.
    public func deployment(id: String) -> Deployment? {
        deploymentsByID[id]
    }

    /// The deployments that serve `model`: its exact group, else the wildcard deployments whose pattern matches
    /// the model (or its catalog-qualified name) when the catalog knows the model. Wildcard results carry the
    /// concrete `providerModel` (`openai/*` serving `sora-2-pro` → `providerModel` `sora-2-pro`) and keep their id.
    /// Empty when nothing serves it.
    public func deployments(for model: String) -> [Deployment] {
        if let group = groups[model] { return group }
        guard let qualified = catalog.qualifiedName(of: model) else { return [] }
        var matched: [Deployment] = []
        var bestLength: Int?
        for (pattern, deployment) in wildcardDeployments {
            if let length = bestLength, pattern.text.count < length { break }  // only the most specific patterns serve
            guard let captures = pattern.captures(in: qualified) ?? pattern.captures(in: model) else { continue }
            var concrete = deployment
            let target = ModelPattern.substitute(captures, into: deployment.qualifiedModel)
            guard let slash = target.firstIndex(of: "/"), String(target[..<slash]) == deployment.provider else { continue }
            concrete.providerModel = String(target[target.index(after: slash)...])
            matched.append(concrete)
            bestLength = pattern.text.count
        }
        return matched
    }

    /// The deployments that serve `model`.
    /// - Throws: `RoutingError.modelNotFound` when none does.
    public func resolve(model: String) throws(RoutingError) -> [Deployment] {
        let found = deployments(for: model)
        guard !found.isEmpty else {
            throw RoutingError(.modelNotFound, message: "The model `\(model)` does not exist or is not served here.")
        }
        return found
    }
}
