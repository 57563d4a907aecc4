import ReelRouting
import ReelRoutingRedis

/// A deployment chosen for one upstream call, and the shared-state slot taken on it (released exactly once).
struct UpstreamLease: Sendable {
    /// Where the call goes.
    let deployment: Deployment
    let slot: DeploymentLease?
    let state: SharedRouterState?

    /// Ends the slot: a 429, a 5xx or a transport failure counts towards the deployment's cooldown.
    func release(status: Int?) async {
        guard let slot, let state else { return }
        let failed = status.map { $0 == 429 || $0 >= 500 } ?? true
        _ = try? await state.release(slot, outcome: failed ? .transientFailure : .success)
    }

    /// Ends the slot of a call that was given up before the provider answered.
    func abandon() async {
        guard let slot, let state else { return }
        _ = try? await state.release(slot, outcome: .abandoned)
    }
}
