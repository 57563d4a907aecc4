/// The `Video` object of the OpenAI API, with every nullable key present.
struct SimVideoObject: Encodable, Sendable {
    struct Failure: Encodable, Sendable {
        let code: String
        let message: String
    }

    let id: String
    let model: String
    var status: String
    var progress: Int
    let createdAt: Int
    var completedAt: Int?
    var expiresAt: Int?
    let prompt: String?
    let seconds: String
    let size: String
    let remixedFromVideoID: String?
    var error: Failure?

    enum CodingKeys: String, CodingKey {
        case id, object, model, status, progress, prompt, seconds, size, error
        case createdAt = "created_at"
        case completedAt = "completed_at"
        case expiresAt = "expires_at"
        case remixedFromVideoID = "remixed_from_video_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode("video", forKey: .object)
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
