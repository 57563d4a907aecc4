import Synchronization

/// Set when a job's cancel request reaches its worker (at a heartbeat); the running tick checks it between steps.
package final class CancellationFlag: Sendable {
    private let state = Mutex(false)

    /// A flag not yet set.
    package init() {}

    /// Whether a cancel was requested.
    var isSet: Bool { state.withLock { $0 } }

    /// Records the cancel request.
    package func set() { state.withLock { $0 = true } }
}
