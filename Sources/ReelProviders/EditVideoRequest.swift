/// Parameters of an edit (`POST /videos/edits`).
public struct EditVideoRequest: Sendable, Hashable {
    /// What to change.
    public var prompt: String
    /// The video to edit.
    public var video: ProviderVideoSource
    /// A JSON object whose members are merged into the request body.
    public var extraBody: String?

    /// Creates an edit request.
    /// - Parameters:
    ///   - prompt: What to change.
    ///   - video: The video to edit.
    ///   - extraBody: A JSON object merged into the body.
    public init(prompt: String, video: ProviderVideoSource, extraBody: String? = nil) {
        self.prompt = prompt
        self.video = video
        self.extraBody = extraBody
    }
}
