/// An ``HTTPTransport`` that can also hand a response body over as it arrives.
public protocol HTTPStreamingTransport: HTTPTransport {
    /// Performs a request and returns once the response head arrived; the body follows through
    /// ``HTTPStreamingResponse/body``. Ending the iteration early aborts the transfer.
    /// - Throws: ``HTTPTransportError`` when no response head arrived.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
}
