import CCurl

/// Delivers a streamed transfer to its caller: the head once the first body byte (or the end) arrives, then
/// every body chunk as libcurl hands it over.
///
/// Used on the transfer thread only, apart from creation (before the transfer is submitted).
final class CurlStreamSink: @unchecked Sendable {
    private var head: CheckedContinuation<HTTPStreamingResponse, any Error>?
    private var body: HTTPResponseBodyStream?
    private let chunks: AsyncThrowingStream<[UInt8], any Error>.Continuation
    let flow: StreamFlow

    /// - Parameters:
    ///   - abort: aborts the transfer; called when the reader stops reading before the end.
    ///   - resume: unpauses the transfer; called when the reader caught up with a paused transfer.
    init(head: CheckedContinuation<HTTPStreamingResponse, any Error>, abort: @escaping @Sendable () -> Void, resume: @escaping @Sendable () -> Void) {
        self.head = head
        let (stream, chunks) = AsyncThrowingStream.makeStream(of: [UInt8].self)
        chunks.onTermination = { _ in abort() }
        self.chunks = chunks
        self.flow = StreamFlow(resume: resume)
        self.body = HTTPResponseBodyStream(chunks: stream, abort: TransferAbort(abort), flow: flow)
    }

    /// A body chunk of the final response; `CURL_WRITEFUNC_PAUSE` while the reader has too much waiting.
    func receive(_ chunk: UnsafeRawBufferPointer, status: Int, headers: HTTPHeaders) -> Int {
        deliverHead(status: status, headers: headers)
        if flow.shouldPause(beforeAdding: chunk.count) { return Int(CURL_WRITEFUNC_PAUSE) }
        chunks.yield(Array(chunk))
        return chunk.count
    }

    /// The end of the transfer.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        switch result {
        case .success(let response):
            deliverHead(status: response.status, headers: response.headers)
            chunks.finish()
        case .failure(let error):
            if let head {
                self.head = nil
                body = nil
                head.resume(throwing: error)
            }
            chunks.finish(throwing: error)
        }
    }

    private func deliverHead(status: Int, headers: HTTPHeaders) {
        guard let head, let body else { return }
        self.head = nil
        self.body = nil  // the reader holds the only copy, so letting go of it aborts the transfer
        head.resume(returning: HTTPStreamingResponse(status: status, headers: headers, body: body))
    }
}
