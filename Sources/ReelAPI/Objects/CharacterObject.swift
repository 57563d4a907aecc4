import ReelQueue
import ReelVideo

/// A character as clients see it: `{id, name, created_at}`, plus `status` (and `error`) until it is ready.
struct CharacterObject: Encodable, Sendable, Equatable {
    var id: String
    var name: String?
    var createdAt: Int64
    var status: String?
    var error: VideoError?

    /// Renders a record.
    init(_ record: VideoRecord) {
        id = record.id
        name = record.name
        createdAt = record.createdAt
        status = record.status == .completed ? nil : record.status.rawValue
        error = record.error
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status, error
        case createdAt = "created_at"
    }

    /// Encodes `id`, `name` and `created_at` always, `status`/`error` only while not completed.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(error, forKey: .error)
    }
}
