import Foundation
import Hummingbird
import NIOCore
import ReelAPI
import ReelAPICore
import ReelQueue
import ReelRouting
import ReelStorage
import Testing
import ReelTesting
import ReelConfiguration
import ReelTime

/// The front of a test: a memory queue, a memory key store, a blob store in a fresh directory.
struct TestFront {
    typealias Front = VideoFront<MemoryJobQueue, MemoryVirtualKeyStore, FileBlobStore>
    static let masterKey = "sk-master-test"
    static let deployments = ["sora-2": ["sora-eu-1", "sora-us-1", "sora-asia-1"], "sora-2-pro": ["sora-pro-1"]]

    let front: Front
    let directory: String

    /// A front with `options`; `clock` measures its intervals (the queue-depth re-read), `keyClock` dates the key
    /// store's rate-limit minutes; `moreModels` are `model_list` entries (YAML lines) added to the usual ones.
    init(options: APIOptions = .init(), clock: IntervalClock = .continuous, keyClock: WallClock = .system, moreModels: String = "") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-api-\(UUID().uuidString)").path
        front = VideoFront(
            queue: .memory(),
            authenticator: Authenticator(keys: MemoryVirtualKeyStore(wallClock: keyClock), masterKey: Self.masterKey, wallClock: keyClock),
            blobs: try FileBlobStore(directory: directory),
            routing: try Self.routing(idSecret: "test-id-secret-0123456789", moreModels: moreModels),
            options: options,
            clock: clock
        )
    }

    /// The routing of a LiteLLM-style model list: `sora-2` on three deployments, `sora-2-pro` on one, and `moreModels`.
    static func routing(idSecret: String, moreModels: String = "") throws -> VideoRouting {
        var yaml = "model_list:\n"
        for (group, ids) in deployments.sorted(by: { $0.key < $1.key }) {
            for id in ids {
                yaml += "  - {model_name: \(group), litellm_params: {model: openai/\(group), api_key: sk-\(id)}, model_info: {id: \(id)}}\n"
            }
        }
        yaml += moreModels
        yaml += "reel_settings: {secrets: {id_secret: \(idSecret)}}\n"
        let configuration = try ReelConfiguration(yaml: yaml, environment: [:])
        return VideoRouting(
            table: RoutingTable(RoutingSnapshot(configuration: configuration, catalog: .default)),
            codec: try ManagedIDCodec(secrets: configuration.reel.secrets)
        )
    }

    /// Runs `body` against the app, over HTTP on loopback.
    func test(_ body: (TestHTTPClient) async throws -> Void) async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await Self.withClient(of: front, body)
    }

    /// Serves the app of `front` on a free loopback port while `body` runs with a client of it.
    static func withClient<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>(
        of front: VideoFront<Queue, Keys, Blobs>, _ body: (TestHTTPClient) async throws -> Void
    ) async throws {
        try await TestHTTPClient.withServer({ logger, onServerRunning in
            buildApplication(
                front: front, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger,
                onServerRunning: onServerRunning
            )
        }, body)
    }

    /// Jobs in the queue, all states.
    func jobCount() async throws -> Int {
        try await front.queue.stats().counts.values.reduce(0, +)
    }
}

/// Builds multipart bodies like the OpenAI SDK and curl do.
struct Multipart {
    let boundary = "reelboundary\(UInt32.random(in: 0...UInt32.max))"
    var bytes: [UInt8] = []

    mutating func field(_ name: String, _ value: String) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ name: String, filename: String, contentType: String?, _ content: [UInt8]) {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        bytes += Array((head + "\r\n").utf8) + content + Array("\r\n".utf8)
    }

    var body: ByteBuffer { ByteBuffer(bytes: bytes + Array("--\(boundary)--\r\n".utf8)) }
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }
}

extension TestHTTPClient {
    /// A JSON request with a bearer key.
    func json(_ method: HTTPRequest.Method, _ uri: String, key: String? = TestFront.masterKey, body: String? = nil, headers: HTTPFields = [:])
        async throws -> TestHTTPResponse
    {
        var headers = headers
        if let key { headers[.authorization] = "Bearer \(key)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// A multipart POST with a bearer key.
    func multipart(_ uri: String, key: String? = TestFront.masterKey, _ form: Multipart, headers: HTTPFields = [:]) async throws -> TestHTTPResponse {
        var headers = headers
        if let key { headers[.authorization] = "Bearer \(key)" }
        headers[.contentType] = form.contentType
        return try await execute(uri: uri, method: .post, headers: headers, body: form.body)
    }
}

extension TestHTTPResponse {
    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
    }

    /// The envelope's error object; fails when the body is not the envelope.
    func envelope() throws -> [String: Any] {
        let error = try #require(try object()["error"] as? [String: Any])
        #expect(error["message"] is String)
        #expect(error.keys.contains("type") && error.keys.contains("param") && error.keys.contains("code"))
        return error
    }
}

/// Mints a virtual key through the admin route and returns its secret.
func generateKey(_ client: TestHTTPClient, _ body: String = "{}") async throws -> String {
    let response = try await client.json(.post, "/key/generate", body: body)
    #expect(response.status == .ok)
    return try #require(try response.object()["key"] as? String)
}
