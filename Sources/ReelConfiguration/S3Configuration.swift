/// Where and how an `S3BlobStore` reaches its bucket; `reel_settings.storage.s3` in the configuration file (the
/// file's key is named on each field; the secret key and the session token are written `os.environ/NAME`).
public struct S3Configuration: Sendable, Hashable {
    /// `bucket`: the bucket's name.
    public var bucket: String
    /// `endpoint`: the service's base URL, for example `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`.
    public var endpoint: String
    /// `region`: the region requests are signed for.
    public var region: String
    /// `access_key_id`: the access key ID.
    public var accessKeyID: String
    /// `secret_access_key`: the secret access key.
    public var secretAccessKey: String
    /// `session_token`: the session token of temporary credentials.
    public var sessionToken: String?
    /// `path_style`: whether the bucket goes in the path (`endpoint/bucket/key`) rather than the host (`bucket.endpoint/key`).
    public var pathStyle: Bool
    /// `prefix`: prepended, with a `/`, to every object name; empty for none.
    public var prefix: String
    /// `presigned_redirects`: whether content downloads are redirected to presigned URLs instead of streamed through the front.
    public var presignedRedirects: Bool
    /// How long a presigned URL stays valid, in seconds.
    public var presignedExpiry: Int
    /// `multipart_threshold`: blobs of this many bytes or more are uploaded in parts.
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
