import Foundation
import ReelHTTP
import ReelStorage
import ReelConfiguration

/// The S3-compatible server the S3 tests run against (moto, started by scripts/test), from `S3_ENDPOINT_URL`.
/// Tests are skipped without it, unless `CI` is set: then they run and fail.
enum S3TestServer {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "S3_ENDPOINT_URL is not set, and CI is set: S3 tests must run in CI (scripts/test starts moto)" }
    }

    static var shouldRun: Bool { environment("S3_ENDPOINT_URL") != nil || environment("CI") != nil }

    static func endpoint() throws -> String {
        guard let url = environment("S3_ENDPOINT_URL") else { throw Missing() }
        return url
    }

    static let signing = AWSSigV4Signing(accessKeyID: "reel-test", secretAccessKey: "reel-test-secret", region: "us-east-1")

    /// A configuration for a fresh bucket on the test server (created here).
    static func freshBucket(pathStyle: Bool = true, prefix: String = "reel", threshold: Int64 = 64 << 20) async throws -> S3Configuration {
        let bucket = "reel-\(UUID().uuidString.lowercased().prefix(18))"
        var endpoint = try endpoint()
        if !pathStyle {
            // libcurl resolves `*.localhost` to the loopback address, so `bucket.localhost:port` reaches the server.
            endpoint = endpoint.replacingOccurrences(of: "127.0.0.1", with: "localhost")
        }
        let created = try await send("PUT", "\(try Self.endpoint())/\(bucket)")
        guard created.isSuccess else { throw StorageError(.requestFailed, message: "cannot create bucket: \(created.status) \(created.bodyText)") }
        return S3Configuration(
            bucket: bucket, endpoint: endpoint, region: signing.region, accessKeyID: signing.accessKeyID,
            secretAccessKey: signing.secretAccessKey, pathStyle: pathStyle, prefix: prefix, multipartThreshold: threshold,
            partSize: S3Configuration.minimumPartSize
        )
    }

    /// Every object name in `bucket` (ListObjectsV2, one page).
    static func objectNames(in bucket: String) async throws -> [String] {
        let page = try await send("GET", "\(try endpoint())/\(bucket)?list-type=2")
        return values("Key", in: page.bodyText)
    }

    /// The object names of the pending multipart uploads of `bucket` (ListMultipartUploads).
    static func pendingUploads(in bucket: String) async throws -> [String] {
        let page = try await send("GET", "\(try endpoint())/\(bucket)?uploads=")
        guard page.isSuccess else { throw StorageError(.requestFailed, message: "ListMultipartUploads: \(page.status)") }
        return values("Key", in: page.bodyText)
    }

    static func send(_ method: String, _ url: String) async throws -> HTTPResponse {
        try await CurlTransport().execute(
            HTTPRequest(method: method, url: url, headers: ["x-amz-content-sha256": "UNSIGNED-PAYLOAD"], awsSigV4: signing)
        )
    }

    private static func values(_ name: String, in text: String) -> [String] {
        text.components(separatedBy: "<\(name)>").dropFirst().compactMap { $0.components(separatedBy: "</\(name)>").first }
    }

    private static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}

/// Forwards to a real transport, and lets a test act on a request before it goes out (remove the file of the
/// next part, or fail as a broken connection would).
struct InterceptingTransport: HTTPStreamingTransport {
    let base = CurlTransport()
    let intercept: @Sendable (HTTPRequest) throws -> Void

    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        try intercept(request)
        return try await base.execute(request)
    }

    func execute(_ request: HTTPRequest, writingBodyTo path: String) async throws -> HTTPResponse {
        try intercept(request)
        return try await base.execute(request, writingBodyTo: path)
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        try intercept(request)
        return try await base.stream(request)
    }
}
