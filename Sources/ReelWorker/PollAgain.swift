/// Thrown by a step that is not finished: the job is checkpointed and comes back after `after`.
///
/// A control signal, not a failure: the runner turns it into a queue snooze, which counts a poll, not an
/// attempt, and frees the slot while the provider renders or an input is still in flight.
public struct PollAgain: Error, Sendable, Equatable {
    /// How long to wait before the next tick.
    public let after: Duration

    /// Asks for another tick after `after`.
    public init(after: Duration) {
        self.after = after
    }
}
