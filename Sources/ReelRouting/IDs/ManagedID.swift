/// What a managed ID says about an object: which kind it is and where it lives.
///
/// Clients only ever see the minted form (``ManagedIDCodec/mint(_:)``), such as `video_AQE…`; Reel decodes it
/// to find the deployment that owns the object, without any lookup.
public struct ManagedID: Sendable, Hashable {
    /// The object kind; it decides the prefix.
    public var kind: Kind
    /// The provider of the owning deployment (`openai`, `azure`).
    public var provider: String
    /// The id of the deployment that owns the object (`model_info.id`).
    public var deploymentID: String
    /// The model group the client asked for.
    public var modelGroup: String
    /// Reel's job id, or the provider's own id when it was known at minting time.
    public var objectID: String
    /// The key that created the object, as ``ManagedIDCodec/ownerTag(keyID:)`` (a keyed digest, so the ID does
    /// not reveal the key id); empty for objects whose stored records name their owner (videos, characters).
    public var owner: String

    /// Creates an ID value.
    public init(kind: Kind, provider: String, deploymentID: String, modelGroup: String, objectID: String, owner: String = "") {
        self.kind = kind
        self.provider = provider
        self.deploymentID = deploymentID
        self.modelGroup = modelGroup
        self.objectID = objectID
        self.owner = owner
    }

    /// The kind of a managed ID.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: UInt8 { case video = 1, character = 2, response = 3, responseItem = 4, encryptedContent = 5 }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A video (`video_…`).
        public static var video: Self { .init(.video) }
        /// A character (`character_…`).
        public static var character: Self { .init(.character) }
        /// A Responses API response (`resp_…`).
        public static var response: Self { .init(.response) }
        /// A Responses output item that carries encrypted content (`encitem_…`); the object id is the item id.
        public static var responseItem: Self { .init(.responseItem) }
        /// The origin header of a wrapped `encrypted_content` string (`reelenc_…`).
        public static var encryptedContent: Self { .init(.encryptedContent) }

        /// Every kind.
        public static let all: [Kind] = [.video, .character, .response, .responseItem, .encryptedContent]

        /// The text an ID of this kind starts with.
        public var prefix: String {
            switch base {
            case .video: "video_"
            case .character: "character_"
            case .response: "resp_"
            case .responseItem: "encitem_"
            case .encryptedContent: "reelenc_"
            }
        }

        /// The byte stored in the payload.
        var code: UInt8 { base.rawValue }

        init?(code: UInt8) {
            guard let base = Base(rawValue: code) else { return nil }
            self.base = base
        }

        public var description: String { String(prefix.dropLast()) }
    }
}
