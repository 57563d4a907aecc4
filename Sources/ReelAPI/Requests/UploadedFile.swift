/// A file part of a multipart request, already streamed to a temporary file of the blob store.
struct UploadedFile: Sendable, Equatable {
    /// The part's field name, such as `video` or `input_reference`.
    var field: String
    /// The client's file name.
    var filename: String
    /// The part's content type (or one inferred from the file name when the client sent `application/octet-stream`).
    var contentType: String
    /// Where the bytes are.
    var temporaryPath: String
    /// Size in bytes.
    var size: Int64
}
