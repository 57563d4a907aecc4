package import ReelJSON

/// A page of videos, `{object:"list", data, first_id, last_id, has_more}`: the answer of `GET /v1/videos`.
package struct VideoList: JSONWritable, Sendable, Equatable {
    package var object = "list"
    package var data: [VideoObject]
    package var firstID: String?
    package var lastID: String?
    package var hasMore: Bool

    /// Creates a page.
    package init(data: [VideoObject], hasMore: Bool) {
        self.data = data
        self.firstID = data.first?.id
        self.lastID = data.last?.id
        self.hasMore = hasMore
    }

    /// Writes the page with explicit nulls.
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("object")
        writer.string(object)
        writer.key("data")
        writer.beginArray()
        for video in data { video.write(to: &writer) }
        writer.endArray()
        writer.key("first_id")
        writer.string(firstID)
        writer.key("last_id")
        writer.string(lastID)
        writer.key("has_more")
        writer.bool(hasMore)
        writer.endObject()
    }
}
