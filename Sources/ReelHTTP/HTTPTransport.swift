/// Performs HTTP requests: the seam between provider adapters and the network.
///
/// ```swift
/// let transport = CurlTransport()
/// let response = try await transport.execute(HTTPRequest(url: "http://127.0.0.1:8080/health"))
/// print(response.status, response.headers["content-type"] ?? "")
/// ```
public protocol HTTPTransport: Sendable {
    /// Performs a request and returns the response with its body in memory.
    /// - Parameter request: The request to perform.
    /// - Throws: ``HTTPTransportError`` when no complete response arrived.
    func execute(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Performs a request and streams a successful (2xx) response body to a file.
    ///
    /// A non-2xx body (an error document) is returned in memory and the file is left untouched.
    /// - Parameters:
    ///   - request: The request to perform.
    ///   - path: Destination file, created or truncated when the first body byte of a 2xx response arrives.
    /// - Throws: ``HTTPTransportError`` when no complete response arrived.
    func execute(_ request: HTTPRequest, writingBodyTo path: String) async throws -> HTTPResponse
}
