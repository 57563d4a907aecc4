/// A bound on the unfinished jobs of a group (such as all the jobs of one API key), checked and counted atomically
/// with the enqueue: a job that would exceed it is refused (``EnqueueResult/groupFull(group:)``).
public struct GroupCap: Sendable, Equatable {
    /// The group's name; jobs enqueued with the same name count together until they finish.
    public var group: String
    /// Unfinished jobs the group may have (ready, scheduled or running, including retries and replays).
    public var limit: Int

    /// Creates a cap.
    public init(group: String, limit: Int) {
        self.group = group
        self.limit = limit
    }
}
