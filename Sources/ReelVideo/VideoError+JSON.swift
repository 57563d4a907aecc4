package import ReelJSON

extension VideoError: JSONWritable {
    /// Writes `{"code":…,"message":…}`, as the record stores it and the API shows it.
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("code")
        writer.string(code)
        writer.key("message")
        writer.string(message)
        writer.endObject()
    }
}
