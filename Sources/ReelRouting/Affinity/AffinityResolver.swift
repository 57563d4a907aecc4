/// Decides which deployment a follow-up must use: the one that owns the objects it refers to.
///
/// ```swift
/// let affinity = AffinityResolver(snapshot: table.snapshot, codec: codec)
/// // GET/DELETE/remix/edit/extension of a video: the deployment in the source record.
/// let owner = try affinity.owner(deploymentID: record.deploymentID)
/// // A generation with characters: their deployment, or nil when there are none.
/// let pinned = try affinity.owner(ofCharacters: request.characterIDs)
/// // Cooling down? Same credentials, or a 429 with retry-after — never another organisation.
/// let target = try affinity.route(pinned: owner, health: health)
/// ```
public struct AffinityResolver: Sendable {
    /// The routing snapshot of the request.
    public let snapshot: RoutingSnapshot
    /// Verifies managed IDs.
    public let codec: ManagedIDCodec

    /// Creates a resolver.
    public init(snapshot: RoutingSnapshot, codec: ManagedIDCodec) {
        self.snapshot = snapshot
        self.codec = codec
    }

    /// The deployment with `deploymentID` (from a job record or a decoded managed ID).
    /// - Throws: `RoutingError.unknownDeployment` when it is no longer configured.
    public func owner(deploymentID: String) throws(RoutingError) -> Deployment {
        guard let deployment = snapshot.deployment(id: deploymentID) else {
            throw RoutingError(.unknownDeployment, message: "The deployment that holds this object is no longer configured.")
        }
        return deployment
    }

    /// The deployment a generation that uses `characterIDs` (managed `character_…` IDs) must go to; nil when
    /// there are no characters.
    /// - Throws: `RoutingError.unknownObject` for an ID that is not genuine; `RoutingError.conflictingAffinity`
    ///   when the characters live on deployments with different credentials (their objects are on different
    ///   accounts, so no single deployment can use them all); `RoutingError.unknownDeployment`.
    public func owner(ofCharacters characterIDs: [String]) throws(RoutingError) -> Deployment? {
        var deploymentIDs: [String] = []
        for text in characterIDs {
            guard let id = codec.decode(text, as: .character) else {
                throw RoutingError(.unknownObject, message: "No character with id `\(text)`.")
            }
            deploymentIDs.append(id.deploymentID)
        }
        return try owner(ofAll: deploymentIDs, objects: "characters")
    }

    /// The deployment that can serve every object pinned to `deploymentIDs` (the first of them; the others must
    /// share its credentials); nil when there are none.
    /// - Parameter objects: names the objects in the error message (`characters`, `input items`).
    /// - Throws: `RoutingError.conflictingAffinity` when the objects are on different accounts;
    ///   `RoutingError.unknownDeployment`.
    public func owner(ofAll deploymentIDs: [String], objects: String = "referenced objects") throws(RoutingError) -> Deployment? {
        guard let first = deploymentIDs.first else { return nil }
        let owner = try self.owner(deploymentID: first)
        for id in deploymentIDs.dropFirst() where try self.owner(deploymentID: id).credentialsFingerprint != owner.credentialsFingerprint {
            throw RoutingError(
                .conflictingAffinity,
                message: "The \(objects) of this request were created on different deployments; "
                    + "one request can only use \(objects) from one deployment."
            )
        }
        return owner
    }

    /// The deployments sharing `deployment`'s credentials (same account), other than itself: those of its
    /// model group first, then the rest, in configuration order.
    public func sameCredentials(as deployment: Deployment) -> [Deployment] {
        let peers = snapshot.deployments.filter { $0.id != deployment.id && $0.credentialsFingerprint == deployment.credentialsFingerprint }
        return peers.filter { $0.modelGroup == deployment.modelGroup } + peers.filter { $0.modelGroup != deployment.modelGroup }
    }

    /// Where a follow-up pinned to `pinned` goes now: `pinned` itself when usable, else a usable deployment with
    /// the same credentials.
    /// - Throws: `RoutingError.pinnedDeploymentUnavailable` with `retryAfter` (when `pinned` can take requests
    ///   again) when neither is usable. Deployments with other credentials are never chosen.
    public func route(pinned: Deployment, health: [String: DeploymentHealth]) throws(RoutingError) -> Deployment {
        guard let wait = DeploymentSelector.blockedFor(pinned, health[pinned.id] ?? DeploymentHealth()) else { return pinned }
        for peer in sameCredentials(as: pinned) where DeploymentSelector.blockedFor(peer, health[peer.id] ?? DeploymentHealth()) == nil {
            return peer
        }
        throw Self.unavailable(retryAfter: wait)
    }

    /// The error for a pinned deployment that cannot take the request now.
    public static func unavailable(retryAfter: Duration?) -> RoutingError {
        RoutingError(
            .pinnedDeploymentUnavailable,
            message: "The deployment that holds this object is temporarily unavailable; retry later.",
            retryAfter: retryAfter
        )
    }
}
