/// A character uploaded for reuse in prompts; the wire object is `{id, name, created_at}`.
struct SimCharacter: Encodable, Sendable {
    let id: String
    let owner: String
    let name: String
    let createdAt: Int

    enum CodingKeys: String, CodingKey {
        case id, name
        case createdAt = "created_at"
    }
}
