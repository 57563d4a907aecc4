import ReelQueue
import ReelRouting
import ReelVideo

extension VideoFront {
    /// Checks that the caller may use `model` (403) and that it exists (400); selects a deployment of it.
    func deployment(for model: String, caller: Caller) async throws -> Deployment {
        try await routing.deployment(for: model, patterns: caller.modelPatterns)
    }

    /// The deployment of a follow-up on `source`: the source's own (after checking the caller may still use its model).
    func pinnedDeployment(of source: VideoRecord, caller: Caller) throws -> Deployment {
        try routing.checkAccess(model: source.model, patterns: caller.modelPatterns)
        guard let deployment = try routing.owner(ofAll: [source.deploymentID], objects: "source video") else {
            throw APIError(.notFound, "Video with id '\(source.id)' not found.", param: "video_id")
        }
        return deployment
    }
}
