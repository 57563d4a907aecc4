import ReelJSON
import ReelQueue
import ReelVideo

/// OpenAI's `Video` object as clients see it; every nullable field is always present.
struct VideoObject: JSONWritable, Sendable, Equatable {
    var id: String
    var object = "video"
    var model: String
    var status: String
    var progress: Int
    var createdAt: Int64
    var completedAt: Int64?
    var expiresAt: Int64?
    var prompt: String?
    var seconds: String
    var size: String
    var remixedFromVideoID: String?
    var error: VideoError?

    /// Renders a record.
    init(_ record: VideoRecord) {
        id = record.id
        model = record.model
        status = record.status.rawValue
        progress = min(100, max(0, record.progress))
        createdAt = record.createdAt
        completedAt = record.completedAt
        expiresAt = record.expiresAt
        prompt = record.prompt
        seconds = record.seconds ?? "4"
        size = record.size ?? "720x1280"
        remixedFromVideoID = record.remixedFromVideoID
        error = record.error
    }

    /// Writes the object with explicit nulls.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("object")
        writer.string(object)
        writer.key("model")
        writer.string(model)
        writer.key("status")
        writer.string(status)
        writer.key("progress")
        writer.int(progress)
        writer.key("created_at")
        writer.int(createdAt)
        writer.key("completed_at")
        writer.int(completedAt)
        writer.key("expires_at")
        writer.int(expiresAt)
        writer.key("prompt")
        writer.string(prompt)
        writer.key("seconds")
        writer.string(seconds)
        writer.key("size")
        writer.string(size)
        writer.key("remixed_from_video_id")
        writer.string(remixedFromVideoID)
        writer.key("error")
        if let error { error.write(to: &writer) } else { writer.null() }
        writer.endObject()
    }
}
