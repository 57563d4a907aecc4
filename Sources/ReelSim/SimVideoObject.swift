import ReelJSON

/// The `Video` object of the OpenAI API, with every nullable key present.
struct SimVideoObject: JSONWritable, Sendable {
    struct Failure: Sendable {
        let code: String
        let message: String
    }

    let id: String
    let model: String
    var status: String
    var progress: Int
    let createdAt: Int
    var completedAt: Int?
    var expiresAt: Int?
    let prompt: String?
    let seconds: String
    let size: String
    let remixedFromVideoID: String?
    var error: Failure?

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("object")
        writer.string("video")
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
        if let error {
            writer.beginObject()
            writer.key("code")
            writer.string(error.code)
            writer.key("message")
            writer.string(error.message)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.endObject()
    }
}
