/// The body of an ``HTTPRequest``.
public enum HTTPRequestBody: Sendable, Hashable {
    /// No body.
    case empty
    /// Bytes held in memory.
    case bytes([UInt8])
    /// A file streamed from disk, never read whole into memory.
    case file(path: String)
    /// `length` bytes of a file from byte `offset` on, streamed from disk (one part of a multipart upload).
    case fileRange(path: String, offset: Int64, length: Int64)
    /// A `multipart/form-data` body; file parts are streamed from disk.
    case multipart([MultipartPart])

    /// A UTF-8 string body.
    public static func string(_ text: String) -> Self {
        .bytes(Array(text.utf8))
    }
}
