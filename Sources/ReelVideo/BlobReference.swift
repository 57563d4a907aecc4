/// A file in the blob store, such as an upload waiting for a worker.
public struct BlobReference: Sendable, Codable, Equatable {
    /// Blob store key.
    public var key: String
    /// MIME type, such as `video/mp4`.
    public var contentType: String
    /// The client's file name, passed on to the provider.
    public var filename: String
    /// Size in bytes.
    public var size: Int64

    /// Creates a reference.
    public init(key: String, contentType: String, filename: String, size: Int64) {
        self.key = key
        self.contentType = contentType
        self.filename = filename
        self.size = size
    }
}
