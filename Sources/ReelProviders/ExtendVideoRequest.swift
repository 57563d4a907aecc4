/// Parameters of an extension (`POST /videos/extensions`).
public struct ExtendVideoRequest: Sendable, Hashable {
    /// How the video continues.
    public var prompt: String
    /// Seconds to add, as the API spells it (`"4"`, `"8"`, …).
    public var seconds: String
    /// The video to extend.
    public var video: ProviderVideoSource
    /// A JSON object whose members are merged into the request body.
    public var extraBody: String?

    /// Creates an extension request.
    /// - Parameters:
    ///   - prompt: How the video continues.
    ///   - seconds: Seconds to add.
    ///   - video: The video to extend.
    ///   - extraBody: A JSON object merged into the body.
    public init(prompt: String, seconds: String, video: ProviderVideoSource, extraBody: String? = nil) {
        self.prompt = prompt
        self.seconds = seconds
        self.video = video
        self.extraBody = extraBody
    }
}
