/// The body of an ``HTTPStreamingResponse``: chunks in arrival order.
///
/// A reader that falls behind pauses the transfer (see `StreamFlow`): about 1 MiB waits for it at most.
/// The transfer is aborted when the iterating task is cancelled, and when the last copy of the sequence and
/// of its iterators is gone before the body ended — a consumer that stops reading (say, because its own client
/// went away) closes the upstream connection just by letting go.
public struct HTTPResponseBodyStream: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    private let chunks: AsyncThrowingStream<[UInt8], any Error>
    private let abort: TransferAbort
    package let flow: StreamFlow

    init(chunks: AsyncThrowingStream<[UInt8], any Error>, abort: TransferAbort, flow: StreamFlow) {
        self.chunks = chunks
        self.abort = abort
        self.flow = flow
    }

    /// Iterates the chunks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
        let abort: TransferAbort
        let flow: StreamFlow

        /// The next chunk, nil at the end.
        public mutating func next() async throws -> [UInt8]? {
            let chunk = try await base.next()
            if let chunk { flow.taken(chunk.count) }
            return chunk
        }
    }

    /// Creates an iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: chunks.makeAsyncIterator(), abort: abort, flow: flow)
    }
}

/// Runs its action when released: aborts a streamed transfer nobody reads any more (a no-op once it finished).
final class TransferAbort: Sendable {
    private let action: @Sendable () -> Void

    init(_ action: @escaping @Sendable () -> Void) {
        self.action = action
    }

    deinit {
        action()
    }
}
