/// What a realtime client secret handed to a client stands for: the provider's ephemeral key and where it
/// works. Only ever seen sealed (``RealtimeTokenCodec``).
public struct RealtimeToken: Sendable, Hashable, Codable {
    /// The deployment that issued the ephemeral key (calls go there and nowhere else).
    public var deploymentID: String
    /// The model group the client asked for.
    public var model: String
    /// The id of the key that asked for it (`master` for the master key).
    public var keyID: String
    /// Unix seconds after which the token is refused.
    public var expiresAt: Int64
    /// The provider's ephemeral key (`ek_…`).
    public var ephemeralKey: String

    enum CodingKeys: String, CodingKey {
        case deploymentID = "d"
        case model = "m"
        case keyID = "k"
        case expiresAt = "e"
        case ephemeralKey = "ek"
    }
}
