/// A page of videos: `{object:"list", data, first_id, last_id, has_more}`.
struct SimVideoList: Encodable, Sendable {
    let data: [SimVideoObject]
    let hasMore: Bool

    enum CodingKeys: String, CodingKey {
        case object, data
        case firstID = "first_id"
        case lastID = "last_id"
        case hasMore = "has_more"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("list", forKey: .object)
        try container.encode(data, forKey: .data)
        try container.encode(data.first?.id, forKey: .firstID)
        try container.encode(data.last?.id, forKey: .lastID)
        try container.encode(hasMore, forKey: .hasMore)
    }
}
