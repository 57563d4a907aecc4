/// Who is calling: the master key or a virtual key.
public struct Caller: Sendable, Equatable {
    /// Owner id of the caller's objects (`master` or the virtual key's id).
    public var id: String
    /// The virtual key, or nil for the master key.
    public var key: VirtualKey?

    /// The master key's caller.
    public static let master = Caller(id: "master", key: nil)

    /// Whether this is the master key.
    public var isMaster: Bool { key == nil }

    /// Model patterns the caller may use; the master key, and a key without a list, may use every model.
    public var modelPatterns: [String] {
        guard let models = key?.models, !models.isEmpty else { return ["*"] }
        return models
    }
}
