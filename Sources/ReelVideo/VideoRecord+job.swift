public import ReelQueue

extension VideoRecord {
    /// The record of `job` as clients should see it, or nil when the job has none or it does not decode.
    ///
    /// A job the queue dead-lettered by itself (its stalls or deadline ran out while no worker held it) keeps
    /// the last record a worker wrote; it reads as failed with the queue's reason, so no client polls it forever.
    public init?(job: JobSnapshot) {
        guard let json = job.record, let record = VideoRecord(json: json) else { return nil }
        self = record
        if job.state == .dead, !status.isTerminal {
            status = .failed
            error = VideoError(deadLetterReason: job.lastError)
            completedAt = job.updatedAtMs / 1000
        }
    }
}
