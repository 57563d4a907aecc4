/// A video as the provider reports it.
public struct ProviderVideo: Sendable, Hashable {
    /// Provider's video id.
    public var id: String
    /// `queued`, `in_progress`, `completed` or `failed` (kept as sent, other values pass through).
    public var status: String
    /// Render progress, 0…100.
    public var progress: Int
    /// Model that renders the video.
    public var model: String?
    /// Duration as the API spells it.
    public var seconds: String?
    /// Resolution.
    public var size: String?
    /// Creation time, Unix seconds.
    public var createdAt: Int?
    /// Completion time, Unix seconds.
    public var completedAt: Int?
    /// When the downloadable assets expire, Unix seconds.
    public var expiresAt: Int?
    /// The source video of a remix.
    public var remixedFromVideoID: String?
    /// Why a failed video failed.
    public var error: ProviderErrorBody?

    /// Creates a video value.
    public init(
        id: String,
        status: String,
        progress: Int = 0,
        model: String? = nil,
        seconds: String? = nil,
        size: String? = nil,
        createdAt: Int? = nil,
        completedAt: Int? = nil,
        expiresAt: Int? = nil,
        remixedFromVideoID: String? = nil,
        error: ProviderErrorBody? = nil
    ) {
        self.id = id
        self.status = status
        self.progress = progress
        self.model = model
        self.seconds = seconds
        self.size = size
        self.createdAt = createdAt
        self.completedAt = completedAt
        self.expiresAt = expiresAt
        self.remixedFromVideoID = remixedFromVideoID
        self.error = error
    }
}
