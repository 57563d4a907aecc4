/// Where a job is in its life.
public enum JobState: String, Sendable, Equatable, Codable, CaseIterable {
    /// Waiting in the ready set.
    case ready
    /// Waiting for its run-at time (delay, backoff, snooze).
    case scheduled
    /// Claimed by a worker under a lease.
    case active
    /// Finished successfully.
    case done
    /// Dead-lettered (budget exhausted or permanent failure).
    case dead
    /// Cancelled before it finished.
    case cancelled
}
