import ReelRouting
import ReelRoutingRedis
import ReelAPICore

extension PassthroughFront {
    /// A deployment of `model` for a new conversation, balanced by the configured strategy.
    /// - Throws: 403 when `patterns` do not grant `model`, 400 when nothing serves it, 429 when every deployment
    ///   is cooling down or at a limit.
    func select(model: String, patterns: [String], snapshot: RoutingSnapshot) async throws -> UpstreamLease {
        let candidates = try Self.candidates(model: model, patterns: patterns, snapshot: snapshot)
        do {
            if let routerState {
                let slot = try await routerState.acquire(from: candidates, strategy: snapshot.settings.routingStrategy)
                return UpstreamLease(deployment: slot.deployment, slot: slot, state: routerState)
            }
            var random = SystemRandomNumberGenerator()
            let deployment = try DeploymentSelector(strategy: snapshot.settings.routingStrategy).select(from: candidates, health: [:], using: &random)
            return UpstreamLease(deployment: deployment, slot: nil, state: nil)
        } catch let error as RoutingError {
            throw APIError(routing: error)
        }
    }

    /// The deployments serving `model`, after the access check.
    static func candidates(model: String, patterns: [String], snapshot: RoutingSnapshot) throws -> [Deployment] {
        do {
            try snapshot.checkAccess(patterns: patterns, model: model)
            return try snapshot.resolve(model: model)
        } catch {
            throw APIError(routing: error)
        }
    }

    /// A deployment for a follow-up pinned to `owner` (the deployment that holds its state): `owner` itself, else
    /// one with the same credentials (same account) among `allowed` — never another account.
    /// - Parameter allowed: the deployments the request may use (those of its model), or nil for any.
    /// - Throws: 429 with `retry-after` while neither can take requests; 400 when `allowed` has none on the
    ///   owner's account.
    func pinned(to owner: Deployment, allowed: [Deployment]?, snapshot: RoutingSnapshot) async throws -> UpstreamLease {
        let resolver = AffinityResolver(snapshot: snapshot, codec: codec)
        var targets = [owner] + resolver.sameCredentials(as: owner)
        if let allowed {
            // Keep the concrete form of wildcard deployments (their provider model) from `allowed`.
            targets = targets.compactMap { target in allowed.first { $0.id == target.id } }
            guard !targets.isEmpty else {
                throw APIError(
                    .invalidRequest,
                    "This request continues a conversation held by a deployment that does not serve the requested model; use the model of the earlier response."
                )
            }
        }
        do {
            if let routerState {
                let slot = try await routerState.acquire(pinned: targets[0], peers: Array(targets.dropFirst()))
                return UpstreamLease(deployment: slot.deployment, slot: slot, state: routerState)
            }
            return UpstreamLease(deployment: targets[0], slot: nil, state: nil)
        } catch let error as RoutingError {
            throw APIError(routing: error)
        }
    }
}
