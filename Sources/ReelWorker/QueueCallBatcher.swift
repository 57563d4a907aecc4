package import ReelQueue
import Synchronization

/// Sends the lease calls of ticks that end together (completes, snoozes) in batches: one queue call covers every item
/// that arrived while the previous call was under way.
///
/// The first item starts a call at once, so a lone tick waits for nothing; items arriving meanwhile join the next
/// call. Each caller gets its own item's outcome, the error a single call would have thrown. The calls run in a task
/// of their own, so they end even when the waiting ticks are cancelled (a shutdown's grace period running out): a
/// job that finished stays finished.
///
/// ```swift
/// let completions = QueueCallBatcher<JobCompletion> { try await queue.complete($0) }
/// try await completions.send(JobCompletion(lease: lease, record: record))
/// ```
package final class QueueCallBatcher<Item: Sendable>: Sendable {
    private struct Waiting {
        let item: Item
        let continuation: CheckedContinuation<Result<Void, QueueError>, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var sending = false
    }

    /// At most this many items per queue call.
    static var maxBatch: Int { 128 }

    private let call: @Sendable ([Item]) async throws -> [Result<Void, QueueError>]
    private let state = Mutex(State())

    /// Creates a batcher; `call` sends a batch and answers per item, in order.
    package init(_ call: @escaping @Sendable ([Item]) async throws -> [Result<Void, QueueError>]) {
        self.call = call
    }

    /// Sends the item in the next batch.
    /// - Throws: The item's own error, or the batch call's.
    package func send(_ item: Item) async throws {
        try await withCheckedThrowingContinuation { continuation in
            let starts = state.withLock { state in
                state.waiting.append(Waiting(item: item, continuation: continuation))
                defer { state.sending = true }
                return !state.sending
            }
            if starts { Task { await self.sendAll() } }
        }.get()
    }

    /// Sends batches until nothing waits.
    private func sendAll() async {
        while let batch = nextBatch() {
            do {
                let results = try await call(batch.map(\.item))
                guard results.count == batch.count else {
                    throw QueueError(.decodeFailed, message: "\(results.count) outcomes for \(batch.count) items")
                }
                for (waiting, result) in zip(batch, results) { waiting.continuation.resume(returning: result) }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }

    /// The next batch, or nil (and the sending over) when nothing waits.
    private func nextBatch() -> [Waiting]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.sending = false
                return nil
            }
            let batch = Array(state.waiting.prefix(Self.maxBatch))
            state.waiting.removeFirst(batch.count)
            return batch
        }
    }
}
