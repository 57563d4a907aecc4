import Synchronization

/// Set when a job's cancel request reaches its worker (at a heartbeat); the running tick checks it between steps.
final class CancellationFlag: Sendable {
    private let state = Mutex(false)

    /// Whether a cancel was requested.
    var isSet: Bool { state.withLock { $0 } }

    /// Records the cancel request.
    func set() { state.withLock { $0 = true } }
}
