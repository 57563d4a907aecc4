import Synchronization

/// A one-shot signal between a test and the code it drives: one side calls ``fulfill()`` when a state is reached,
/// the other waits for it instead of sleeping for a guessed time.
///
/// ```swift
/// let firstChunkRead = TestExpectation()
/// let reader = Task { for try await _ in body { firstChunkRead.fulfill() } }
/// #expect(await firstChunkRead.wait())
/// reader.cancel()
/// ```
public final class TestExpectation: Sendable {
    private struct State {
        var isFulfilled = false
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    /// Creates an unfulfilled expectation.
    public init() {}

    /// Whether ``fulfill()`` has been called.
    public var isFulfilled: Bool { state.withLock { $0.isFulfilled } }

    /// Marks the state as reached and resumes every waiter; later calls do nothing.
    public func fulfill() {
        let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            guard !state.isFulfilled else { return [] }
            state.isFulfilled = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: true) }
    }

    /// Suspends until ``fulfill()`` is called, or until `timeout` passes, which only bounds a failure.
    /// - Parameter timeout: How long to wait before giving up; generous, since it never delays a passing test.
    /// - Returns: `true` once fulfilled; `false` after `timeout` or when the waiting task is cancelled.
    public func wait(timeout: Duration = .testWaitLimit) async -> Bool {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        let fulfilled = self.state.withLock { state -> Bool in
                            if state.isFulfilled || Task.isCancelled { return true }
                            state.waiters[id] = continuation
                            return false
                        }
                        if fulfilled { continuation.resume(returning: self.isFulfilled) }
                    }
                } onCancel: {
                    self.state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: false)
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let result = await group.next() ?? false
            group.cancelAll()
            return result
        }
    }
}
