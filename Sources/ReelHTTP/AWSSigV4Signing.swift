/// Signs a request with AWS Signature Version 4, computed by libcurl itself (`CURLOPT_AWS_SIGV4`).
///
/// libcurl signs the method, path, query, the `Host`, `x-amz-date` and every header of the request. Set the
/// header `x-amz-content-sha256` (for example to `UNSIGNED-PAYLOAD` for a streamed body) to choose the payload
/// hash, and `x-amz-security-token` for temporary credentials. The URL's query must already be canonical
/// (names sorted, names and values URI-encoded, `name=` for a name without value).
public struct AWSSigV4Signing: Sendable, Hashable {
    /// The access key ID.
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The region of the signing scope, for example `us-east-1`.
    public var region: String
    /// The service of the signing scope, for example `s3`.
    public var service: String

    /// Creates the signing parameters.
    public init(accessKeyID: String, secretAccessKey: String, region: String, service: String = "s3") {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.region = region
        self.service = service
    }

    /// The value of `CURLOPT_AWS_SIGV4`: `aws:amz:<region>:<service>`.
    var curlProvider: String { "aws:amz:\(region):\(service)" }
}
