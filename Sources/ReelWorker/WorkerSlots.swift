import Synchronization

/// The worker's free slots: the claim loop waits here for room, finished ticks give their slot back.
final class WorkerSlots: Sendable {
    private struct State {
        var free: Int
        var closed = false
        var waiter: CheckedContinuation<Int, Never>?
        var idleWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextIdleWaiter = 0
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

    /// Gives a slot back and wakes the claim loop if it waits (and those waiting for idle, with the last slot).
    func give() {
        let (waiter, idle) = state.withLock { state -> ((CheckedContinuation<Int, Never>, Int)?, [CheckedContinuation<Void, Never>]) in
            state.free += 1
            var idle: [CheckedContinuation<Void, Never>] = []
            if state.free == capacity {
                idle = Array(state.idleWaiters.values)
                state.idleWaiters = [:]
            }
            guard let waiter = state.waiter else { return (nil, idle) }
            state.waiter = nil
            return ((waiter, state.closed ? 0 : state.free), idle)
        }
        if let (continuation, free) = waiter { continuation.resume(returning: free) }
        idle.forEach { $0.resume() }
    }

    /// Waits until every slot is free, or until `timeout` has passed on `clock`. True when the slots are idle.
    func waitUntilIdle<C: Clock<Duration>>(within timeout: Duration, on clock: C) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.waitForIdle() }
            group.addTask {
                try? await clock.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first || active == 0
        }
    }

    /// Suspends until every slot is free (true), or until the task is cancelled (false).
    private func waitForIdle() async -> Bool {
        let id = state.withLock { state in
            defer { state.nextIdleWaiter += 1 }
            return state.nextIdleWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if state.free == capacity || Task.isCancelled { return true }
                    state.idleWaiters[id] = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.idleWaiters.removeValue(forKey: id) }?.resume()
        }
        return active == 0
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
