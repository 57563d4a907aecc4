/// The checkpointed progress of a video job, stored as the queue's step state between ticks.
struct VideoJobStep: Sendable, Codable, Equatable {
    /// Where the job is.
    enum Phase: String, Sendable, Codable {
        /// Nothing sent to the provider yet (waiting for inputs, or for a deployment to admit it): the job may
        /// still move to another deployment.
        case submit
        /// The provider object exists; polling it until it is terminal.
        case poll
        /// The provider finished; storing its content.
        case fetch
    }

    /// The phase.
    var phase: Phase = .submit
    /// The deployment that owns the provider object once it exists (the record's copy is authoritative for readers).
    var deploymentID: String?
    /// The deployment a submission went to whose answer never arrived (a timeout, a 5xx): the object may exist
    /// there, so the job retries there only, with the same idempotency key, and never moves.
    var unconfirmedSubmitTo: String?
    /// The provider's id of the object, once submitted.
    var providerObjectID: String?
    /// The interval of the last poll, in milliseconds (grows per poll).
    var pollIntervalMs: Int64?
    /// Transient provider errors in a row since the last success.
    var consecutiveErrors: Int = 0
    /// Provider expiry of the finished object, Unix seconds.
    var expiresAt: Int64?
}
