/// A complete HTTP response.
public struct HTTPResponse: Sendable, Hashable {
    /// Status code, for example 200.
    public var status: Int
    /// Header fields of the final response (after redirects and `100 Continue`).
    public var headers: HTTPHeaders
    /// The body, when it was kept in memory; empty when it went to a file.
    public var body: [UInt8]
    /// Bytes written to the destination file by ``HTTPTransport/execute(_:writingBodyTo:)``; 0 otherwise.
    public var bytesWrittenToFile: Int64

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = [], bytesWrittenToFile: Int64 = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bytesWrittenToFile = bytesWrittenToFile
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as UTF-8.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
