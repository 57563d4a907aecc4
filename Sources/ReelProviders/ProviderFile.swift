/// A local file sent to a provider as a multipart file part, streamed from disk.
public struct ProviderFile: Sendable, Hashable {
    /// Path of the file on the local disk.
    public var path: String
    /// File name announced in the part's `Content-Disposition`.
    public var filename: String
    /// MIME type of the part, for example `video/mp4` or `image/png`.
    public var contentType: String

    /// Creates a file reference.
    /// - Parameters:
    ///   - path: Path of the file on the local disk.
    ///   - filename: File name announced to the provider.
    ///   - contentType: MIME type of the file.
    public init(path: String, filename: String, contentType: String) {
        self.path = path
        self.filename = filename
        self.contentType = contentType
    }
}
