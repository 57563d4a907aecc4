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
        writer.member("object", object)
        writer.key("data")
        writer.beginArray()
        for video in data { video.write(to: &writer) }
        writer.endArray()
        writer.member("first_id", firstID)
        writer.member("last_id", lastID)
        writer.member("has_more", hasMore)
        writer.endObject()
    }
}
