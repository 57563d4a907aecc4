import ReelQueue

/// OpenAI's `Video` object as clients see it; every nullable field is always present.
struct VideoObject: Encodable, Sendable, Equatable {
    /// `{code, message}` of a failed video.
    struct Failure: Encodable, Sendable, Equatable {
        /// Bounded code.
        var code: String
        /// Human-readable message.
        var message: String
    }

    var id: String
    var object = "video"
    var model: String
    var status: String
    var progress: Int
    var createdAt: Int64
    var completedAt: Int64?
    var expiresAt: Int64?
    var prompt: String?
    var seconds: String
    var size: String
    var remixedFromVideoID: String?
    var error: Failure?

    /// Renders a record.
    init(_ record: VideoRecord) {
        id = record.id
        model = record.model
        status = record.status.rawValue
        progress = min(100, max(0, record.progress))
        createdAt = record.createdAt
        completedAt = record.completedAt
        expiresAt = record.expiresAt
        prompt = record.prompt
        seconds = record.seconds ?? "4"
        size = record.size ?? "720x1280"
        remixedFromVideoID = record.remixedFromVideoID
        error = record.error.map { Failure(code: $0.code, message: $0.message) }
    }

    enum CodingKeys: String, CodingKey {
        case id, object, model, status, progress, prompt, seconds, size, error
        case createdAt = "created_at", completedAt = "completed_at", expiresAt = "expires_at"
        case remixedFromVideoID = "remixed_from_video_id"
    }

    /// Encodes with explicit nulls.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(object, forKey: .object)
        try container.encode(model, forKey: .model)
        try container.encode(status, forKey: .status)
        try container.encode(progress, forKey: .progress)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(completedAt, forKey: .completedAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(size, forKey: .size)
        try container.encode(remixedFromVideoID, forKey: .remixedFromVideoID)
        try container.encode(error, forKey: .error)
    }
}
