/// A character uploaded for reuse in prompts; the wire object is `{id, name, created_at}`.
package struct SimCharacter: Encodable, Sendable {
    let id: String
    let owner: String
    let name: String
    let createdAt: Int

    package init(id: String, owner: String, name: String, createdAt: Int) {
        self.id = id
        self.owner = owner
        self.name = name
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case createdAt = "created_at"
    }
}
