/// The body of an ``HTTPRequest``.
public enum HTTPRequestBody: Sendable, Hashable {
    /// No body.
    case empty
    /// Bytes held in memory.
    case bytes([UInt8])
    /// A file streamed from disk, never read whole into memory.
    case file(path: String)
    /// A `multipart/form-data` body; file parts are streamed from disk.
    case multipart([MultipartPart])

    /// A UTF-8 string body.
    public static func string(_ text: String) -> Self {
        .bytes(Array(text.utf8))
    }
}
