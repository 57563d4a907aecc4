/// Where and how an ``S3BlobStore`` reaches its bucket.
public struct S3Configuration: Sendable, Hashable {
    /// The bucket's name.
    public var bucket: String
    /// The service's base URL, for example `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`.
    public var endpoint: String
    /// The region requests are signed for.
    public var region: String
    /// The access key ID.
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials.
    public var sessionToken: String?
    /// Whether the bucket goes in the path (`endpoint/bucket/key`) rather than the host (`bucket.endpoint/key`).
    public var pathStyle: Bool
    /// Prepended, with a `/`, to every object name; empty for none.
    public var prefix: String
    /// Whether content downloads are redirected to presigned URLs instead of streamed through the front.
    public var presignedRedirects: Bool
    /// How long a presigned URL stays valid, in seconds.
    public var presignedExpiry: Int
    /// Blobs of this many bytes or more are uploaded in parts.
    public var multipartThreshold: Int64
    /// The size of each part but the last (at least 5 MiB, as S3 requires).
    public var partSize: Int64

    /// The part size unless set otherwise: 16 MiB.
    public static let defaultPartSize: Int64 = 16 << 20

    /// The smallest part S3 accepts (but for the last).
    public static let minimumPartSize: Int64 = 5 << 20

    /// Creates a configuration.
    public init(
        bucket: String,
        endpoint: String,
        region: String,
        accessKeyID: String,
        secretAccessKey: String,
        sessionToken: String? = nil,
        pathStyle: Bool = false,
        prefix: String = "",
        presignedRedirects: Bool = false,
        presignedExpiry: Int = 300,
        multipartThreshold: Int64 = 64 << 20,
        partSize: Int64 = defaultPartSize
    ) {
        self.bucket = bucket
        self.endpoint = endpoint
        self.region = region
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.pathStyle = pathStyle
        self.prefix = prefix
        self.presignedRedirects = presignedRedirects
        self.presignedExpiry = presignedExpiry
        self.multipartThreshold = multipartThreshold
        self.partSize = partSize
    }
}
