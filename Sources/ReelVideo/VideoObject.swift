package import ReelJSON

/// OpenAI's `Video` object as clients see it, every nullable field present: what the front answers for a
/// ``VideoRecord`` and what the simulator answers for its jobs.
package struct VideoObject: JSONWritable, Sendable, Equatable {
    package var id: String
    package var object = "video"
    package var model: String
    package var status: String
    package var progress: Int
    package var createdAt: Int64
    package var completedAt: Int64?
    package var expiresAt: Int64?
    package var prompt: String?
    package var seconds: String
    package var size: String
    package var remixedFromVideoID: String?
    package var error: VideoError?

    /// Creates an object from its fields.
    package init(
        id: String, model: String, status: String, progress: Int, createdAt: Int64, completedAt: Int64? = nil, expiresAt: Int64? = nil,
        prompt: String?, seconds: String, size: String, remixedFromVideoID: String?, error: VideoError? = nil
    ) {
        self.id = id
        self.model = model
        self.status = status
        self.progress = progress
        self.createdAt = createdAt
        self.completedAt = completedAt
        self.expiresAt = expiresAt
        self.prompt = prompt
        self.seconds = seconds
        self.size = size
        self.remixedFromVideoID = remixedFromVideoID
        self.error = error
    }

    /// Renders a record.
    package init(_ record: VideoRecord) {
        self.init(
            id: record.id, model: record.model, status: record.status.rawValue, progress: min(100, max(0, record.progress)),
            createdAt: record.createdAt, completedAt: record.completedAt, expiresAt: record.expiresAt, prompt: record.prompt,
            seconds: record.seconds ?? "4", size: record.size ?? "720x1280", remixedFromVideoID: record.remixedFromVideoID,
            error: record.error
        )
    }

    /// Writes the object with explicit nulls.
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("id", id)
        writer.member("object", object)
        writer.member("model", model)
        writer.member("status", status)
        writer.member("progress", progress)
        writer.member("created_at", createdAt)
        writer.member("completed_at", completedAt)
        writer.member("expires_at", expiresAt)
        writer.member("prompt", prompt)
        writer.member("seconds", seconds)
        writer.member("size", size)
        writer.member("remixed_from_video_id", remixedFromVideoID)
        writer.member("error", error)
        writer.endObject()
    }
}
