/// The checkpointed progress of a video job, stored as the queue's step state between ticks.
package struct VideoJobStep: Sendable, Codable, Equatable {
    /// Where the job is.
    package enum Phase: String, Sendable, Codable {
        /// Nothing sent to the provider yet (waiting for inputs, or for a deployment to admit it): the job may
        /// still move to another deployment.
        case submit
        /// The provider object exists; polling it until it is terminal.
        case poll
        /// The provider finished; storing its content.
        case fetch
    }

    /// The phase.
    package var phase: Phase
    /// The deployment that owns the provider object once it exists (the record's copy is authoritative for readers).
    var deploymentID: String?
    /// The deployment a submission went to whose answer never arrived (a timeout, a 5xx): the object may exist
    /// there, so the job retries there only, with the same idempotency key, and never moves.
    package var unconfirmedSubmitTo: String?
    /// The provider's id of the object, once submitted.
    package var providerObjectID: String?
    /// The interval of the last poll, in milliseconds (grows per poll).
    var pollIntervalMs: Int64?
    /// Transient provider errors in a row since the last success.
    var consecutiveErrors: Int
    /// Provider expiry of the finished object, Unix seconds.
    var expiresAt: Int64?

    /// A step state; with no arguments, that of a job that has not begun.
    package init(
        phase: Phase = .submit, deploymentID: String? = nil, unconfirmedSubmitTo: String? = nil, providerObjectID: String? = nil,
        pollIntervalMs: Int64? = nil, consecutiveErrors: Int = 0, expiresAt: Int64? = nil
    ) {
        self.phase = phase
        self.deploymentID = deploymentID
        self.unconfirmedSubmitTo = unconfirmedSubmitTo
        self.providerObjectID = providerObjectID
        self.pollIntervalMs = pollIntervalMs
        self.consecutiveErrors = consecutiveErrors
        self.expiresAt = expiresAt
    }
}
