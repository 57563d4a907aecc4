import ReelJSON

/// A page of videos: `{object:"list", data, first_id, last_id, has_more}`.
struct SimVideoList: JSONWritable, Sendable {
    let data: [SimVideoObject]
    let hasMore: Bool

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("object")
        writer.string("list")
        writer.key("data")
        writer.beginArray()
        for video in data { video.write(to: &writer) }
        writer.endArray()
        writer.key("first_id")
        writer.string(data.first?.id)
        writer.key("last_id")
        writer.string(data.last?.id)
        writer.key("has_more")
        writer.bool(hasMore)
        writer.endObject()
    }
}
