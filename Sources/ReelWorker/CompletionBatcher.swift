import ReelQueue
import Synchronization

/// Completes finished jobs in batches: one queue call covers every job that finished while the previous call was
/// under way.
///
/// The first completion starts a flush at once, so a lone job waits for nothing; completions arriving meanwhile
/// join the next call. Each caller gets its own job's outcome, the error a single complete would have thrown. The
/// flush runs in a task of its own, so it ends even when the waiting ticks are cancelled (a shutdown's grace
/// period running out): a job that finished stays finished.
final class CompletionBatcher<Queue: VideoJobQueueDriver>: Sendable {
    private struct Waiting {
        let completion: JobCompletion
        let continuation: CheckedContinuation<Result<Void, QueueError>, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var flushing = false
    }

    /// At most this many jobs per queue call.
    static var maxBatch: Int { 128 }

    private let queue: Queue
    private let state = Mutex(State())

    /// Creates a batcher completing jobs on `queue`.
    init(queue: Queue) {
        self.queue = queue
    }

    /// Finishes the job successfully, storing the final record (if given), in the next batch.
    /// - Throws: What ``VideoJobQueueDriver/complete(_:record:)`` throws for this job.
    func complete(_ lease: JobLease, record: String?) async throws {
        try await withCheckedThrowingContinuation { continuation in
            let starts = state.withLock { state in
                state.waiting.append(Waiting(completion: JobCompletion(lease: lease, record: record), continuation: continuation))
                defer { state.flushing = true }
                return !state.flushing
            }
            if starts { Task { await self.flush() } }
        }.get()
    }

    /// Sends batches until nothing waits.
    private func flush() async {
        while let batch = nextBatch() {
            do {
                let results = try await queue.complete(batch.map(\.completion))
                guard results.count == batch.count else {
                    throw QueueError(.decodeFailed, message: "complete answered \(results.count) outcomes for \(batch.count) jobs")
                }
                for (waiting, result) in zip(batch, results) { waiting.continuation.resume(returning: result) }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }

    /// The next batch, or nil (and the flush over) when nothing waits.
    private func nextBatch() -> [Waiting]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.flushing = false
                return nil
            }
            let batch = Array(state.waiting.prefix(Self.maxBatch))
            state.waiting.removeFirst(batch.count)
            return batch
        }
    }
}
