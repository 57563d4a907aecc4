/// Whether a job's inputs (characters, source video) are ready for its submission.
enum InputResolution: Sendable {
    /// Every input is finished; here is how the provider knows them.
    case ready(ResolvedInputs)
    /// An input is still in flight, or failed: the tick ends with this outcome.
    case notReady(VideoTickOutcome)
}
