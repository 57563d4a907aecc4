import ReelQueue

extension VideoJobPayload {
    /// The payload's JSON text, exactly as its `Codable` form reads (absent optionals left out), written without
    /// `JSONEncoder`: the front writes one per enqueue, and workers read it with `JSONDecoder`.
    var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("kind")
        writer.string(kind.rawValue)
        writer.key("deploymentID")
        writer.string(deploymentID)
        writer.key("modelGroup")
        writer.string(modelGroup)
        if let prompt {
            writer.key("prompt")
            writer.string(prompt)
        }
        if let seconds {
            writer.key("seconds")
            writer.string(seconds)
        }
        if let size {
            writer.key("size")
            writer.string(size)
        }
        if let inputReference {
            writer.key("inputReference")
            writer.beginObject()
            switch inputReference {
            case .upload(let blob):
                writer.key("upload")
                writer.beginObject()
                writer.key("_0")
                Self.write(blob, to: &writer)
            case .imageURL(let url):
                writer.key("imageURL")
                writer.beginObject()
                writer.key("_0")
                writer.string(url)
            case .fileID(let id):
                writer.key("fileID")
                writer.beginObject()
                writer.key("_0")
                writer.string(id)
            }
            writer.endObject()
            writer.endObject()
        }
        writer.key("characterIDs")
        writer.beginArray()
        for id in characterIDs { writer.string(id) }
        writer.endArray()
        if let sourceVideoID {
            writer.key("sourceVideoID")
            writer.string(sourceVideoID)
        }
        if let sourceUpload {
            writer.key("sourceUpload")
            Self.write(sourceUpload, to: &writer)
        }
        if let characterName {
            writer.key("characterName")
            writer.string(characterName)
        }
        if let characterVideo {
            writer.key("characterVideo")
            Self.write(characterVideo, to: &writer)
        }
        if let extraBody {
            writer.key("extraBody")
            writer.string(extraBody)
        }
        writer.endObject()
        return writer.text
    }

    private static func write(_ blob: BlobReference, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("key")
        writer.string(blob.key)
        writer.key("contentType")
        writer.string(blob.contentType)
        writer.key("filename")
        writer.string(blob.filename)
        writer.key("size")
        writer.int(blob.size)
        writer.endObject()
    }
}
