extension ReelSettings.Storage {
    /// `reel_settings.storage.s3`: keep blobs in an S3-compatible bucket instead of the local directory (which then
    /// only holds temporary files).
    public struct S3: Sendable, Hashable {
        /// `bucket`.
        public var bucket: String
        /// `endpoint`: the service's base URL, for example `https://s3.eu-west-1.amazonaws.com`.
        public var endpoint: String
        /// `region`: the region requests are signed for.
        public var region: String
        /// `access_key_id`.
        public var accessKeyID: String
        /// `secret_access_key` (written `os.environ/NAME`).
        public var secretAccessKey: String
        /// `session_token` (written `os.environ/NAME`), for temporary credentials.
        public var sessionToken: String?
        /// `path_style`: the bucket in the path rather than the host name (default false).
        public var pathStyle: Bool
        /// `prefix`: prepended, with `/`, to every object name (default none).
        public var prefix: String
        /// `presigned_redirects`: content downloads answer 302 to a presigned URL instead of streaming (default false).
        public var presignedRedirects: Bool
        /// `multipart_threshold` (bytes): blobs this large or larger are uploaded in parts (default 64 MiB).
        public var multipartThreshold: Int64

        /// Creates S3 settings.
        public init(
            bucket: String, endpoint: String, region: String, accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
            pathStyle: Bool = false, prefix: String = "", presignedRedirects: Bool = false, multipartThreshold: Int64 = 64 << 20
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
            self.multipartThreshold = multipartThreshold
        }
    }
}
