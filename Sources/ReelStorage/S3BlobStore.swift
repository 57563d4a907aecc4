public import Foundation
public import ReelConfiguration
public import ReelHTTP
import ReelCrypto

/// A ``BlobStore`` in an S3-compatible bucket: a front and workers on different machines share it.
///
/// Requests are signed with AWS Signature Version 4 by libcurl; bodies go from and to files, never whole in memory.
/// A blob of ``S3Configuration/multipartThreshold`` bytes or more is uploaded in parts, and an upload that fails
/// part-way is aborted, so neither an object nor a pending upload stays behind. Objects are named
/// `<prefix>/<key>`. Temporary files (uploads being received, downloads being written, copies for a provider
/// call) live in a local directory.
///
/// ```swift
/// let store = try S3BlobStore(
///     configuration: .init(bucket: "reel", endpoint: "https://s3.eu-west-1.amazonaws.com", region: "eu-west-1",
///                          accessKeyID: id, secretAccessKey: secret),
///     temporaryDirectory: "/var/lib/reel/tmp"
/// )
/// ```
public struct S3BlobStore: BlobStore {
    /// The bucket and how to reach it.
    public let configuration: S3Configuration
    /// Where temporary files go.
    public let temporaryDirectory: String
    let transport: any HTTPStreamingTransport
    private let now: @Sendable () -> Date
    private let scheme: String
    /// `host[:port]` of the endpoint, and its path (empty or starting with `/`, no trailing `/`).
    private let host: String
    private let basePath: String

    /// Opens a store.
    /// - Parameters:
    ///   - configuration: The bucket and how to reach it.
    ///   - temporaryDirectory: A local directory for temporary files, created if needed.
    ///   - transport: Performs the requests.
    ///   - now: The clock that dates presigned URLs.
    /// - Throws: ``StorageError/Code/invalidConfiguration`` for an endpoint that is no `http(s)://` URL, a prefix
    ///   that is no key, or a part size below 5 MiB; ``StorageError/Code/ioFailed`` when the directory cannot be made.
    public init(
        configuration: S3Configuration,
        temporaryDirectory: String,
        transport: any HTTPStreamingTransport = CurlTransport(),
        now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        var endpoint = configuration.endpoint
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        guard let separator = endpoint.range(of: "://"), ["http", "https"].contains(endpoint[..<separator.lowerBound].lowercased()) else {
            throw StorageError(.invalidConfiguration, message: "the S3 endpoint '\(configuration.endpoint)' is not an http(s) URL")
        }
        let afterScheme = endpoint[separator.upperBound...]
        let pathStart = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        guard pathStart > afterScheme.startIndex, !afterScheme.contains("?"), !afterScheme.contains("@") else {
            throw StorageError(.invalidConfiguration, message: "the S3 endpoint '\(configuration.endpoint)' has no host, or has a query or user")
        }
        guard !configuration.bucket.isEmpty, BlobKey.isValid(configuration.bucket), !configuration.bucket.contains("/") else {
            throw StorageError(.invalidConfiguration, message: "invalid S3 bucket name '\(configuration.bucket)'")
        }
        guard configuration.prefix.isEmpty || BlobKey.isValid(configuration.prefix) else {
            throw StorageError(.invalidConfiguration, message: "invalid S3 key prefix '\(configuration.prefix)'")
        }
        guard configuration.partSize >= S3Configuration.minimumPartSize, configuration.multipartThreshold > 0 else {
            throw StorageError(.invalidConfiguration, message: "S3 parts must be at least 5 MiB and the multipart threshold positive")
        }
        self.scheme = String(endpoint[..<separator.lowerBound]).lowercased()
        self.host = String(afterScheme[..<pathStart])
        self.basePath = String(afterScheme[pathStart...])
        self.configuration = configuration
        self.temporaryDirectory = (temporaryDirectory as NSString).standardizingPath
        self.transport = transport
        self.now = now
        do {
            try FileManager.default.createDirectory(atPath: self.temporaryDirectory, withIntermediateDirectories: true)
        } catch {
            throw StorageError(.ioFailed, message: "cannot create the temporary directory \(temporaryDirectory): \(error.localizedDescription)")
        }
    }

    public func commit(temporaryPath: String, as key: String) async throws -> Int64 {
        let object = try objectPath(for: key)
        var info = stat()
        guard stat(temporaryPath, &info) == 0 else {
            throw StorageError(.missingFile, message: "no file at \(temporaryPath) to store as \(key)")
        }
        let size = Int64(info.st_size)
        if size >= configuration.multipartThreshold {
            try await uploadInParts(from: temporaryPath, size: size, to: object)
        } else {
            _ = try await send("PUT", object, body: .file(path: temporaryPath), headers: ["Content-Type": "application/octet-stream"])
        }
        unlink(temporaryPath)
        return size
    }

    public func content(of key: String, range: String?) async throws -> BlobContent? {
        let object = try objectPath(for: key)
        if configuration.presignedRedirects {
            return .redirect(url: try presignedURL(method: "GET", path: object))
        }
        var headers = signedHeaders
        if let range { headers.add(name: "Range", value: range) }
        let request = signed(HTTPRequest(url: url(object), headers: headers, timeouts: Self.streamTimeouts))
        let response: HTTPStreamingResponse
        do {
            response = try await transport.stream(request)
        } catch {
            throw StorageError(.requestFailed, message: "S3 GET \(key) failed: \(error)")
        }
        switch response.status {
        case 200, 206, 416: return .stream(response)
        case 404: return nil
        default:
            let body = (try? await response.collect(upTo: 64 << 10)) ?? []
            throw Self.failure("GET", key, status: response.status, body: body)
        }
    }

    public func withLocalFile<Value: Sendable>(for key: String, _ body: (String) async throws -> Value) async throws -> Value? {
        let object = try objectPath(for: key)
        let copy = makeTemporaryPath()
        defer { unlink(copy) }
        let response: HTTPResponse
        do {
            response = try await transport.execute(signed(HTTPRequest(url: url(object), headers: signedHeaders, timeouts: Self.streamTimeouts)), writingBodyTo: copy)
        } catch {
            throw StorageError(.requestFailed, message: "S3 GET \(key) failed: \(error)")
        }
        if response.status == 404 { return nil }
        guard response.isSuccess else { throw Self.failure("GET", key, status: response.status, body: response.body) }
        return try await body(copy)
    }

    public func size(of key: String) async throws -> Int64? {
        let response = try await send("HEAD", try objectPath(for: key), accepting: [404])
        guard response.status != 404 else { return nil }
        guard let length = response.headers["content-length"].flatMap({ Int64($0) }) else {
            throw StorageError(.requestFailed, message: "S3 HEAD \(key) answered without a Content-Length")
        }
        return length
    }

    public func delete(key: String) async throws {
        _ = try await send("DELETE", try objectPath(for: key), accepting: [404])
    }

    public func deleteAll(under prefix: String) async throws {
        let object = try objectPath(for: prefix)
        for name in try await objectNames(startingWith: object + "/") {
            _ = try await send("DELETE", name, accepting: [404])
        }
    }

    public func forEachFolderBatch(under prefix: String, _ body: ([String]) async throws -> Void) async throws {
        let folder = try objectPath(for: prefix) + "/"
        try await forEachListPage("delimiter=%2F&list-type=2&prefix=\(SigV4Presigner.uriEncoded(folder))") { page in
            // The folders are the common prefixes `folder<name>/`; the answer's own `<Prefix>` is the folder itself.
            let names = S3XML.values(of: "Prefix", in: page).compactMap { name -> String? in
                guard name.hasPrefix(folder), name.hasSuffix("/"), name.count > folder.count + 1 else { return nil }
                return String(name.dropFirst(folder.count).dropLast())
            }
            if !names.isEmpty { try await body(names) }
        }
    }

    // MARK: Requests

    /// The object name of `key`: the key behind the prefix.
    func objectPath(for key: String) throws -> String {
        try BlobKey.validate(key)
        return configuration.prefix.isEmpty ? key : configuration.prefix + "/" + key
    }

    /// The URL of `object` (empty for the bucket itself) with `query`, which must be canonical already.
    func url(_ object: String, query: String = "") -> String {
        let path = configuration.pathStyle ? "\(basePath)/\(configuration.bucket)/\(object)" : "\(basePath)/\(object)"
        let authority = configuration.pathStyle ? host : "\(configuration.bucket).\(host)"
        return "\(scheme)://\(authority)\(path)" + (query.isEmpty ? "" : "?" + query)
    }

    /// A presigned URL for `method` on `object`.
    func presignedURL(method: String, path object: String) throws -> String {
        let presigner = SigV4Presigner(
            accessKeyID: configuration.accessKeyID, secretAccessKey: configuration.secretAccessKey,
            sessionToken: configuration.sessionToken, region: configuration.region
        )
        let address = url(object)
        let authorityStart = address.index(address.startIndex, offsetBy: scheme.count + 3)
        let pathStart = address[authorityStart...].firstIndex(of: "/") ?? address.endIndex
        do {
            return try presigner.presignedURL(
                method: method, scheme: scheme, host: String(address[authorityStart..<pathStart]), path: String(address[pathStart...]),
                expiresIn: configuration.presignedExpiry, at: Int64(now().timeIntervalSince1970)
            )
        } catch {
            throw StorageError(.invalidConfiguration, message: "cannot presign \(object): \(error)")
        }
    }

    /// Headers every request carries: an unsigned payload (bodies are streamed) and the session token.
    var signedHeaders: HTTPHeaders {
        var headers: HTTPHeaders = ["x-amz-content-sha256": "UNSIGNED-PAYLOAD"]
        if let token = configuration.sessionToken { headers.add(name: "x-amz-security-token", value: token) }
        return headers
    }

    func signed(_ request: HTTPRequest) -> HTTPRequest {
        var request = request
        request.awsSigV4 = AWSSigV4Signing(
            accessKeyID: configuration.accessKeyID, secretAccessKey: configuration.secretAccessKey, region: configuration.region
        )
        return request
    }

    /// Sends a signed request about `object` and returns its (in-memory) response; a status outside 2xx and
    /// `accepting` throws ``StorageError/Code/requestFailed``.
    func send(
        _ method: String, _ object: String, query: String = "", body: HTTPRequestBody = .empty, headers extra: HTTPHeaders = [:],
        accepting: Set<Int> = []
    ) async throws -> HTTPResponse {
        var headers = signedHeaders
        for field in extra { headers.add(name: field.name, value: field.value) }
        let request = signed(HTTPRequest(method: method, url: url(object, query: query), headers: headers, body: body, timeouts: Self.streamTimeouts))
        let response: HTTPResponse
        do {
            response = try await transport.execute(request)
        } catch {
            throw StorageError(.requestFailed, message: "S3 \(method) \(object) failed: \(error)")
        }
        guard response.isSuccess || accepting.contains(response.status) else {
            throw Self.failure(method, object, status: response.status, body: response.body)
        }
        return response
    }

    /// Large bodies take as long as they take; a transfer that stalls for 60 s fails.
    static let streamTimeouts = HTTPTimeouts(connect: .seconds(10), total: nil, lowSpeedLimit: 1, lowSpeedTime: .seconds(60))

    static func failure(_ method: String, _ object: String, status: Int, body: [UInt8]) -> StorageError {
        let code = S3XML.value(of: "Code", in: body).map { " \($0)" } ?? ""
        let message = S3XML.value(of: "Message", in: body).map { ": \($0)" } ?? ""
        return StorageError(.requestFailed, message: "S3 \(method) \(object) answered \(status)\(code)\(message)")
    }
}
