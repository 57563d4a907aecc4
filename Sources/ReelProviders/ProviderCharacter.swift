/// A character as the provider reports it.
public struct ProviderCharacter: Sendable, Hashable {
    /// Provider's character id.
    public var id: String
    /// Character name.
    public var name: String?
    /// Creation time, Unix seconds.
    public var createdAt: Int
    /// Processing status, when the provider reports one.
    public var status: String?

    /// Creates a character value.
    public init(id: String, name: String? = nil, createdAt: Int, status: String? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.status = status
    }
}
