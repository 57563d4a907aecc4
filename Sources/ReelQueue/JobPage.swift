/// One page of an owner's jobs.
public struct JobPage: Sendable, Equatable {
    /// The jobs of this page, in the order asked for.
    public var jobs: [JobSnapshot]
    /// More jobs follow the last one.
    public var hasMore: Bool

    /// Creates a page.
    public init(jobs: [JobSnapshot], hasMore: Bool) {
        self.jobs = jobs
        self.hasMore = hasMore
    }
}
