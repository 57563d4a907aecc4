#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Presigns URLs with AWS Signature Version 4 query parameters (S3 "Authenticating Requests: Using Query
/// Parameters"): anyone holding the URL may make that one request until it expires, without credentials.
///
/// ```swift
/// let presigner = SigV4Presigner(accessKeyID: "AKIA…", secretAccessKey: "…", region: "us-east-1")
/// let url = try presigner.presignedURL(
///     method: "GET", scheme: "https", host: "bucket.s3.amazonaws.com", path: "/results/v1/video",
///     expiresIn: 300, at: 1_369_353_600
/// )
/// ```
/// Only the `host` header is signed and the payload is `UNSIGNED-PAYLOAD`, as for S3 presigned URLs.
public struct SigV4Presigner: Sendable {
    /// The access key ID that the URL names.
    public var accessKeyID: String
    /// The secret access key that signs the URL.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    public var sessionToken: String?
    /// The region of the scope, for example `us-east-1`.
    public var region: String
    /// The service of the scope, `s3`.
    public var service: String

    /// Creates a presigner.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, region: String, service: String = "s3") {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
    }

    /// A presigned URL.
    /// - Parameters:
    ///   - method: HTTP method the URL allows.
    ///   - scheme: `http` or `https`.
    ///   - host: The `Host` the request will carry (with `:port` when not the scheme's default).
    ///   - path: The absolute path, already URI-encoded (`/` kept).
    ///   - expiresIn: Seconds the URL stays valid (1…604800).
    ///   - time: Signing time, seconds since 1970 (UTC).
    /// - Throws: ``CryptoError/Code/malformedInput`` for an expiry out of range or a path not starting with `/`.
    public func presignedURL(method: String, scheme: String, host: String, path: String, expiresIn: Int, at time: Int64) throws(CryptoError) -> String {
        let query = try presignedQuery(method: method, host: host, path: path, expiresIn: expiresIn, at: time)
        return "\(scheme)://\(host)\(path)?\(query)"
    }

    /// The query string (canonical order, signature last) that presigns `method` on `host` + `path`.
    public func presignedQuery(method: String, host: String, path: String, expiresIn: Int, at time: Int64) throws(CryptoError) -> String {
        guard (1...604_800).contains(expiresIn) else {
            throw CryptoError(.malformedInput, message: "a presigned URL expires in 1 to 604800 seconds, not \(expiresIn)")
        }
        guard path.hasPrefix("/") else { throw CryptoError(.malformedInput, message: "the path to presign must start with '/'") }
        let (date, dateTime) = Self.timestamps(time)
        let scope = "\(date)/\(region)/\(service)/aws4_request"
        var parameters = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "\(accessKeyID)/\(scope)"),
            ("X-Amz-Date", dateTime),
            ("X-Amz-Expires", String(expiresIn)),
            ("X-Amz-SignedHeaders", "host"),
        ]
        if let sessionToken { parameters.append(("X-Amz-Security-Token", sessionToken)) }
        let query = parameters
            .map { (Self.uriEncoded($0.0), Self.uriEncoded($0.1)) }
            .sorted { $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
        let canonicalRequest = [method, path, query, "host:\(host)", "", "host", "UNSIGNED-PAYLOAD"].joined(separator: "\n")
        let stringToSign = ["AWS4-HMAC-SHA256", dateTime, scope, SHA256.hexDigest(canonicalRequest)].joined(separator: "\n")
        var key = Array("AWS4\(secretAccessKey)".utf8)
        for part in [date, region, service, "aws4_request"] {
            key = try HMACKey(key).authenticationCode(for: Array(part.utf8))
        }
        let signature = try HMACKey(key).authenticationCode(for: Array(stringToSign.utf8))
        return query + "&X-Amz-Signature=" + Self.hex(signature)
    }

    /// `bytes` percent-encoded as SigV4 asks: every byte but `A-Z a-z 0-9 - . _ ~` (and `/` when `keepingSlashes`).
    public static func uriEncoded(_ text: String, keepingSlashes: Bool = false) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepingSlashes:
                encoded.append("/")
            default:
                encoded += "%" + hex([byte]).uppercased()
            }
        }
        return encoded
    }

    /// `YYYYMMDD` and `YYYYMMDDTHHMMSSZ` of `time` in UTC.
    static func timestamps(_ time: Int64) -> (date: String, dateTime: String) {
        var seconds = time_t(time)
        var fields = tm()
        gmtime_r(&seconds, &fields)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(fields.tm_year + 1900)\(two(fields.tm_mon + 1))\(two(fields.tm_mday))"
        return (date, "\(date)T\(two(fields.tm_hour))\(two(fields.tm_min))\(two(fields.tm_sec))Z")
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
