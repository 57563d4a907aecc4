extension JobSnapshot {
    /// What a job keeps once it ended done or cancelled (``PackedJob`` in Redis): its identity, state, owner, record,
    /// counters, last error, cancel flag and times. Payload, step state, priority and budgets go: nothing runs it again.
    var finished: JobSnapshot {
        JobSnapshot(
            id: id, type: type, state: state, payload: "", record: record, owner: owner, attempts: attempts, polls: polls,
            stalls: stalls, lastError: lastError, cancelRequested: cancelRequested, createdAtMs: createdAtMs, updatedAtMs: updatedAtMs
        )
    }
}
