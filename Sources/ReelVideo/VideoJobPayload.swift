/// What the front hands a worker: everything a video job needs, resolved and validated.
///
/// Stored as the queue job's JSON payload; the job's type is ``kind``'s raw value.
public struct VideoJobPayload: Sendable, Codable, Equatable {
    /// What to do.
    public var kind: VideoJobKind
    /// The deployment chosen (or pinned) by the front.
    public var deploymentID: String
    /// The model group the client asked for.
    public var modelGroup: String
    /// The prompt (generate, remix, edit, extend).
    public var prompt: String?
    /// Duration as OpenAI spells it: "4", "8", "12" (extensions also "16", "20").
    public var seconds: String?
    /// Resolution, such as `1280x720`.
    public var size: String?
    /// Reference image of a generation.
    public var inputReference: InputReference?
    /// Managed character ids a generation uses (at most two); the worker waits until they are ready.
    public var characterIDs: [String]
    /// Managed id of the source video (remix, edit, extend, delete); the worker waits until it is ready.
    public var sourceVideoID: String?
    /// Uploaded source video (edit, extend with a file).
    public var sourceUpload: BlobReference?
    /// Character name (create_character).
    public var characterName: String?
    /// Character source video (create_character).
    public var characterVideo: BlobReference?
    /// Extra request fields passed through to the provider where the deployment allows it (a JSON object).
    public var extraBody: String?

    /// Creates a payload.
    public init(
        kind: VideoJobKind,
        deploymentID: String,
        modelGroup: String,
        prompt: String? = nil,
        seconds: String? = nil,
        size: String? = nil,
        inputReference: InputReference? = nil,
        characterIDs: [String] = [],
        sourceVideoID: String? = nil,
        sourceUpload: BlobReference? = nil,
        characterName: String? = nil,
        characterVideo: BlobReference? = nil,
        extraBody: String? = nil
    ) {
        self.kind = kind
        self.deploymentID = deploymentID
        self.modelGroup = modelGroup
        self.prompt = prompt
        self.seconds = seconds
        self.size = size
        self.inputReference = inputReference
        self.characterIDs = characterIDs
        self.sourceVideoID = sourceVideoID
        self.sourceUpload = sourceUpload
        self.characterName = characterName
        self.characterVideo = characterVideo
        self.extraBody = extraBody
    }
}
