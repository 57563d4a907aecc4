/// The authoritative state of a video or character, keyed by its managed id.
///
/// Stored as the queue job's JSON record. The front writes the first version when it enqueues;
/// workers replace it as the job progresses. Clients see it rendered as OpenAI's `Video` or
/// character object; the fields marked internal are never sent to clients.
public struct VideoRecord: Sendable, Codable, Equatable {
    /// Whether this is a video or a character.
    public enum Object: String, Sendable, Codable {
        /// A `video_…` object.
        case video
        /// A `character_…` object.
        case character
    }

    /// Managed id (`video_…` / `character_…`).
    public var id: String
    /// Video or character.
    public var object: Object
    /// Owner (internal): the id of the key that created it.
    public var owner: String
    /// The model group asked for.
    public var model: String
    /// Status.
    public var status: VideoStatus
    /// Progress, 0–100.
    public var progress: Int
    /// Unix seconds.
    public var createdAt: Int64
    /// Unix seconds, set when the status becomes terminal.
    public var completedAt: Int64?
    /// Unix seconds after which content is no longer served.
    public var expiresAt: Int64?
    /// Prompt.
    public var prompt: String?
    /// Duration ("4", "8", …; for extensions the stitched total).
    public var seconds: String?
    /// Resolution.
    public var size: String?
    /// Managed id of the video this one remixes.
    public var remixedFromVideoID: String?
    /// Error of a failed object.
    public var error: VideoError?
    /// Character name.
    public var name: String?
    /// Deployment that owns the provider object (internal).
    public var deploymentID: String
    /// The provider's id of the object, once known (internal).
    public var providerObjectID: String?
    /// Content variants stored in the blob store (internal): `video`, `thumbnail`, `spritesheet`.
    public var variants: [String]
    /// Deleted by its owner (internal): reads answer 404.
    public var deleted: Bool

    /// Creates a record.
    public init(
        id: String,
        object: Object,
        owner: String,
        model: String,
        status: VideoStatus = .queued,
        progress: Int = 0,
        createdAt: Int64,
        completedAt: Int64? = nil,
        expiresAt: Int64? = nil,
        prompt: String? = nil,
        seconds: String? = nil,
        size: String? = nil,
        remixedFromVideoID: String? = nil,
        error: VideoError? = nil,
        name: String? = nil,
        deploymentID: String,
        providerObjectID: String? = nil,
        variants: [String] = [],
        deleted: Bool = false
    ) {
        self.id = id
        self.object = object
        self.owner = owner
        self.model = model
        self.status = status
        self.progress = progress
        self.createdAt = createdAt
        self.completedAt = completedAt
        self.expiresAt = expiresAt
        self.prompt = prompt
        self.seconds = seconds
        self.size = size
        self.remixedFromVideoID = remixedFromVideoID
        self.error = error
        self.name = name
        self.deploymentID = deploymentID
        self.providerObjectID = providerObjectID
        self.variants = variants
        self.deleted = deleted
    }
}
