import ReelVideo
import ReelQueue

extension VideoJobRunner {
    /// The outcome that ends a job whose budget ran out: at the start of a tick, or before a snooze that would end past
    /// the deadline or beyond the poll budget (so the record says why, rather than the queue dropping it silently).
    /// Nil while the job is within its budgets.
    ///
    /// The deadline is measured on the queue's clock (its time at the claim plus the tick's time since), never on
    /// this worker's wall clock.
    func exhaustedBudget(_ job: VideoJob, snoozingFor delay: Duration?) -> VideoTickOutcome? {
        let snapshot = job.claimed.job
        if let deadline = snapshot.limits.deadline, let elapsedMs = job.elapsedSinceEnqueueMs {
            // A snooze ending this close to the deadline would let the queue drop the job at its next claim
            // without a record saying why: end it now instead.
            let margin = delay == nil ? .zero : min(.seconds(1), deadline / 10)
            if .milliseconds(elapsedMs) + (delay ?? .zero) + margin >= deadline {
                return .deadLettered(VideoError(code: "deadline_exceeded", message: "The job did not finish within its deadline of \(deadline)."))
            }
        }
        if snapshot.stalls > snapshot.limits.maxStalls {
            return .deadLettered(
                VideoError(
                    code: "stalled",
                    message: "Workers lost the job \(snapshot.stalls) times (crashed or hung while holding it); the limit is \(snapshot.limits.maxStalls)."
                )
            )
        }
        if delay != nil && snapshot.polls >= snapshot.limits.maxPolls {
            return .deadLettered(VideoError(code: "polls_exhausted", message: "The provider did not finish within \(snapshot.limits.maxPolls) polls."))
        }
        return nil
    }
}
