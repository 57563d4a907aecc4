public import HTTPTypes
public import Hummingbird
public import Logging
public import NIOCore
import ReelHTTP

/// A client of a test server on loopback: every request goes over a real connection, through Reel's own curl
/// transport, and the whole response is read.
///
/// ```swift
/// try await TestHTTPClient.withServer({ logger, onServerRunning in buildApplication(…) }) { client in
///     let response = try await client.get("/v1/videos", headers: [.authorization: "Bearer sk-…"])
///     #expect(response.status == .ok)
/// }
/// ```
public struct TestHTTPClient: Sendable {
    /// The server's port on 127.0.0.1.
    public let port: Int
    private let transport: CurlTransport

    /// Runs the application `makeApplication` builds (see ``withLoopbackServer(_:_:)``) and hands `body` a client of it.
    public static func withServer<App: ApplicationProtocol, Value: Sendable>(
        _ makeApplication: (Logger, @escaping @Sendable (any Channel) async -> Void) -> App,
        _ body: (TestHTTPClient) async throws -> Value
    ) async throws -> Value {
        try await withLoopbackServer(makeApplication) { port in
            try await withClient(port: port, body)
        }
    }

    /// Hands `body` a client of the server on `port`; its transport stops when `body` is done.
    public static func withClient<Value>(port: Int, _ body: (TestHTTPClient) async throws -> Value) async throws -> Value {
        // Bodies of tens of MiB pass; the time limit only ends a failing test.
        let transport = CurlTransport(configuration: .init(timeouts: .init(total: .testWaitLimit), maxInMemoryBodySize: 256 << 20))
        defer { transport.shutdown() }
        return try await body(TestHTTPClient(port: port, transport: transport))
    }

    /// Sends a request to `uri` (a path and query) and reads the whole response.
    public func execute(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestHTTPResponse {
        let request = ReelHTTP.HTTPRequest(
            method: method.rawValue, url: "http://127.0.0.1:\(port)\(uri)", headers: .init(headers.map { ($0.name.rawName, $0.value) }),
            body: body.map { .bytes(Array($0.readableBytesView)) } ?? .empty
        )
        let response = try await transport.execute(request)
        var responseHeaders = HTTPFields()
        for field in response.headers {
            if let name = HTTPField.Name(field.name) { responseHeaders.append(HTTPField(name: name, value: field.value)) }
        }
        return TestHTTPResponse(
            status: HTTPResponse.Status(code: response.status), headers: responseHeaders, body: ByteBuffer(bytes: response.body)
        )
    }

    /// A `GET` of `uri`.
    public func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestHTTPResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    /// A `POST` of `body` to `uri`.
    public func post(_ uri: String, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> TestHTTPResponse {
        try await execute(uri: uri, method: .post, headers: headers, body: body)
    }
}
