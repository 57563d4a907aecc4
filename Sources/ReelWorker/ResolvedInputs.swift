/// The provider-side view of a job's inputs once they are all ready.
struct ResolvedInputs: Sendable, Equatable {
    /// The deployment that owns the inputs; the job must go there.
    var deploymentID: String?
    /// Provider ids of the characters, in the order asked for.
    var characterIDs: [String] = []
    /// Provider id of the source video.
    var sourceVideoID: String?
}
