import ReelAPICore
import ReelProviders
import ReelRouting

extension VideoRouting {
    /// What `deployment` can do, from its provider family (the same mapping the worker builds providers with).
    static func capabilities(of deployment: Deployment) -> ProviderCapabilities {
        ProviderFamily(provider: deployment.provider).capabilities(model: deployment.providerModel)
    }

    /// The deployments of `candidates` that can serve `requirement`.
    /// - Throws: 400 `unsupported_operation` or `invalid_value`, naming what the candidates accept, when none can.
    static func capable(_ candidates: [Deployment], of requirement: ProviderCapabilities.Requirement) throws(APIError) -> [Deployment] {
        let capable = candidates.filter { capabilities(of: $0).satisfies(requirement) }
        if capable.isEmpty, let refusal = ProviderCapabilities.refusal(requirement, group: candidates.map(capabilities(of:))) {
            throw APIError(refusal: refusal)
        }
        return capable
    }

    /// Checks that the deployment a follow-up is pinned to can serve `requirement` (a Veo video cannot be remixed).
    /// - Throws: 400 `unsupported_operation` or `invalid_value`.
    func check(_ requirement: ProviderCapabilities.Requirement, on deployment: Deployment) throws(APIError) {
        _ = try Self.capable([deployment], of: requirement)
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

extension APIError {
    /// The 400 of a request no deployment can serve.
    init(refusal: ProviderCapabilities.Refusal) {
        self.init(refusal.code == "unsupported_operation" ? .unsupportedOperation : .invalidValue, refusal.message, param: refusal.param)
    }
}
