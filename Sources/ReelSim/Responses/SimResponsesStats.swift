/// What the simulated Responses and Realtime routes did, as `GET /sim/responses` returns it.
public struct SimResponsesStats: Codable, Sendable, Equatable {
    /// Responses created (streamed or not), including those refused.
    public var created = 0
    /// Follow-ups refused with `invalid_encrypted_content`.
    public var invalidEncryptedContent = 0
    /// Follow-ups refused because `previous_response_id` was unknown to the key.
    public var previousResponseNotFound = 0
    /// Streams started.
    public var streamsStarted = 0
    /// Streams that sent every event.
    public var streamsCompleted = 0
    /// Streams whose client went away before the last event.
    public var streamsAborted = 0
    /// Realtime ephemeral keys issued.
    public var clientSecrets = 0
    /// Realtime calls answered.
    public var calls = 0

    /// Creates zero counts.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case created
        case invalidEncryptedContent = "invalid_encrypted_content"
        case previousResponseNotFound = "previous_response_not_found"
        case streamsStarted = "streams_started"
        case streamsCompleted = "streams_completed"
        case streamsAborted = "streams_aborted"
        case clientSecrets = "client_secrets"
        case calls
    }
}
