import Synchronization

/// The worker's free slots: the claim loop waits here for room, finished ticks give their slot back.
final class WorkerSlots: Sendable {
    private struct State {
        var free: Int
        var closed = false
        var waiter: CheckedContinuation<Int, Never>?
    }

    private let state: Mutex<State>
    private let capacity: Int

    /// Creates `capacity` free slots.
    init(capacity: Int) {
        self.capacity = capacity
        self.state = Mutex(State(free: capacity))
    }

    /// Ticks in flight.
    var active: Int { state.withLock { capacity - $0.free } }

    /// Waits until a slot is free and returns how many are; 0 once closed.
    func waitForFree() async -> Int {
        await withCheckedContinuation { continuation in
            let ready: Int? = state.withLock { state in
                if state.closed { return 0 }
                if state.free > 0 { return state.free }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Takes one slot for a claimed job.
    func take() {
        state.withLock { $0.free -= 1 }
    }

    /// Gives a slot back and wakes the claim loop if it waits.
    func give() {
        let waiter = state.withLock { state -> (CheckedContinuation<Int, Never>, Int)? in
            state.free += 1
            guard let waiter = state.waiter else { return nil }
            state.waiter = nil
            return (waiter, state.closed ? 0 : state.free)
        }
        if let (continuation, free) = waiter { continuation.resume(returning: free) }
    }

    /// Stops handing out slots (graceful shutdown) and wakes the claim loop.
    func close() {
        let waiter = state.withLock { state -> CheckedContinuation<Int, Never>? in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: 0)
    }

    /// Whether ``close()`` was called.
    var isClosed: Bool { state.withLock { $0.closed } }
}
