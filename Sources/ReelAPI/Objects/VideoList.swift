/// `GET /v1/videos`: `{object:"list", data, first_id, last_id, has_more}`.
struct VideoList: Encodable, Sendable, Equatable {
    var object = "list"
    var data: [VideoObject]
    var firstID: String?
    var lastID: String?
    var hasMore: Bool

    /// Creates a page.
    init(data: [VideoObject], hasMore: Bool) {
        self.data = data
        self.firstID = data.first?.id
        self.lastID = data.last?.id
        self.hasMore = hasMore
    }

    enum CodingKeys: String, CodingKey {
        case object, data
        case firstID = "first_id", lastID = "last_id", hasMore = "has_more"
    }

    /// Encodes with explicit nulls.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(object, forKey: .object)
        try container.encode(data, forKey: .data)
        try container.encode(firstID, forKey: .firstID)
        try container.encode(lastID, forKey: .lastID)
        try container.encode(hasMore, forKey: .hasMore)
    }
}
