extension CurlTransport: HTTPStreamingTransport {
    /// Performs a request and returns as soon as the response head and the first body bytes arrive; the body
    /// keeps arriving through ``HTTPStreamingResponse/body`` (Server-Sent Events, long downloads).
    ///
    /// ```swift
    /// let response = try await transport.stream(HTTPRequest(method: "POST", url: url, body: .bytes(json)))
    /// for try await chunk in response.body { relay(chunk) }
    /// ```
    /// Cancelling the calling task while it waits for the head, or ending the body iteration early, aborts the
    /// transfer. The request's total timeout should be nil for long streams (the low-speed limit still applies).
    /// - Throws: ``HTTPTransportError`` when no response head arrived.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let transfer = CurlTransfer(request: request, bodyPath: nil, configuration: configuration)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.stream = CurlStreamSink(
                    head: continuation, abort: { [loop] in loop.cancel(transfer) }, resume: { [loop] in loop.resume(transfer) }
                )
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }
}
