import ReelAPICore
import ReelProviders
import ReelQueue
import ReelRouting
import ReelVideo

extension VideoFront {
    /// Checks that the caller may use `model` (403), that it exists (400) and that it can serve `requirement` (400);
    /// selects a deployment of it that can.
    func deployment(for model: String, caller: Caller, requirement: ProviderCapabilities.Requirement) async throws -> Deployment {
        try await routing.deployment(for: model, patterns: caller.modelPatterns, requirement: requirement)
    }

    /// The deployment of a follow-up on `source`: the source's own (after checking the caller may still use its model,
    /// and that the deployment can serve `requirement`).
    func pinnedDeployment(of source: VideoRecord, caller: Caller, requirement: ProviderCapabilities.Requirement) throws -> Deployment {
        try routing.checkAccess(model: source.model, patterns: caller.modelPatterns)
        guard let deployment = try routing.owner(ofAll: [source.deploymentID], objects: "source video") else {
            throw APIError(.notFound, "Video with id '\(source.id)' not found.", param: "video_id")
        }
        try routing.check(requirement, on: deployment)
        return deployment
    }
}
