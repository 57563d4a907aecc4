/// The body of an ``HTTPStreamingResponse``: chunks in arrival order.
///
/// The transfer is aborted when the iterating task is cancelled, and when the last copy of the sequence and
/// of its iterators is gone before the body ended — a consumer that stops reading (say, because its own client
/// went away) closes the upstream connection just by letting go.
public struct HTTPResponseBodyStream: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    private let chunks: AsyncThrowingStream<[UInt8], any Error>
    private let abort: TransferAbort

    init(chunks: AsyncThrowingStream<[UInt8], any Error>, abort: TransferAbort) {
        self.chunks = chunks
        self.abort = abort
    }

    /// Iterates the chunks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
        let abort: TransferAbort

        /// The next chunk, nil at the end.
        public mutating func next() async throws -> [UInt8]? {
            try await base.next()
        }
    }

    /// Creates an iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: chunks.makeAsyncIterator(), abort: abort)
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
