/// Thrown between steps when the job's cancel was requested: the runner cancels at the provider and marks the record deleted.
struct JobCancelled: Error, Sendable {}
