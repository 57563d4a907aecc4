/// Parameters of a new render (`POST /videos`).
public struct CreateVideoRequest: Sendable, Hashable {
    /// Model, or on Azure the deployment name.
    public var model: String
    /// Text prompt.
    public var prompt: String
    /// Duration in seconds as the API spells it (`"4"`, `"8"`, `"12"`).
    public var seconds: String?
    /// Resolution such as `"720x1280"`.
    public var size: String?
    /// Optional starting image or video.
    public var inputReference: ProviderInputReference?
    /// Provider character ids to cast in the video.
    public var characterIDs: [String]
    /// A JSON object whose members are merged into the request body.
    public var extraBody: String?

    /// Creates a render request.
    /// - Parameters:
    ///   - model: Model or deployment name.
    ///   - prompt: Text prompt.
    ///   - seconds: Duration as the API spells it.
    ///   - size: Resolution.
    ///   - inputReference: Optional starting image or video.
    ///   - characterIDs: Provider character ids.
    ///   - extraBody: A JSON object merged into the body.
    public init(
        model: String,
        prompt: String,
        seconds: String? = nil,
        size: String? = nil,
        inputReference: ProviderInputReference? = nil,
        characterIDs: [String] = [],
        extraBody: String? = nil
    ) {
        self.model = model
        self.prompt = prompt
        self.seconds = seconds
        self.size = size
        self.inputReference = inputReference
        self.characterIDs = characterIDs
        self.extraBody = extraBody
    }
}
