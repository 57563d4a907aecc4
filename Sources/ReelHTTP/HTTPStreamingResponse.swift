/// A response whose body arrives as it is received (``CurlTransport/stream(_:)``).
///
/// Iterate ``body`` to read the chunks. Ending the iteration early (breaking out, or cancelling the task
/// that iterates) aborts the transfer, so the server sees the connection close.
public struct HTTPStreamingResponse: Sendable {
    /// Status code of the final response.
    public var status: Int
    /// Header fields of the final response.
    public var headers: HTTPHeaders
    /// The body chunks, in order; the sequence throws ``HTTPTransportError`` if the transfer fails midway.
    public var body: HTTPResponseBodyStream

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Reads the whole remaining body (for short error documents), at most `limit` bytes.
    /// - Throws: ``HTTPTransportError/Code/responseTooLarge`` past `limit`, or the transfer's error.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body {
            guard bytes.count + chunk.count <= limit else {
                throw HTTPTransportError(.responseTooLarge, message: "response body exceeds \(limit) bytes", url: "")
            }
            bytes += chunk
        }
        return bytes
    }
}
