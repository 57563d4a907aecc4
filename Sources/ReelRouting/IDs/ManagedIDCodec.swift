import ReelCrypto

/// Mints and verifies managed IDs (DESIGN §4).
///
/// An ID is the kind's prefix followed by unpadded base64url of
/// `version ‖ kind ‖ provider ‖ deployment id ‖ model group ‖ object id ‖ owner ‖ tag`, where each text field is
/// a LEB128 length followed by its UTF-8 bytes and the tag is HMAC-SHA256 of everything before it under the
/// server secret, truncated to 128 bits.
///
/// ```swift
/// let codec = try ManagedIDCodec(secret: settings.secrets.idSecret, previousSecrets: settings.secrets.idPreviousSecrets)
/// let id = try codec.mint(ManagedID(kind: .video, provider: "openai", deploymentID: "sim-a", modelGroup: "sora-2", objectID: jobID))
/// let decoded = codec.decode(id, as: .video)   // nil for anything tampered, truncated or foreign
/// // Objects only their creator may use carry its owner tag:
/// let response = try codec.mint(ManagedID(kind: .response, …, owner: codec.ownerTag(keyID: caller.id)))
/// codec.decode(response, as: .response).map { codec.isOwned($0, by: caller.id) }   // true for the creator only
/// ```
/// IDs are minted under the current secret and accepted under the current or any previous secret (rotation).
public struct ManagedIDCodec: Sendable {
    /// The payload format version (2 added the owner field).
    static let version: UInt8 = 2
    /// Text fields in a payload.
    static let fieldCount = 5
    /// Tag bytes kept (128 bits; DESIGN §4 asks for at least 96).
    static let tagSize = 16
    /// Longest text field accepted, in bytes.
    public static let maxFieldSize = 1024
    /// Bytes of an owner tag (96 bits).
    static let ownerTagSize = 12

    private let current: HMACKey
    private let previous: [HMACKey]

    /// Creates a codec.
    /// - Parameters:
    ///   - secret: mints and verifies; at least 16 bytes.
    ///   - previousSecrets: verify only.
    /// - Throws: `ConfigurationError.invalidValue` for a secret shorter than 16 bytes.
    public init(secret: String, previousSecrets: [String] = []) throws(ConfigurationError) {
        current = try Self.key(secret)
        var keys: [HMACKey] = []
        for old in previousSecrets { keys.append(try Self.key(old)) }
        previous = keys
    }

    private static func key(_ secret: String) throws(ConfigurationError) -> HMACKey {
        guard secret.utf8.count >= 16 else { throw ConfigurationError(.invalidValue, message: "an ID secret must be at least 16 bytes") }
        do {
            return try HMACKey(Array(secret.utf8))
        } catch {
            throw ConfigurationError(.invalidValue, message: "the ID secret cannot be used: \(error)")
        }
    }

    /// The ID text for `id`.
    /// - Throws: `RoutingError.idTooLong` when a field is longer than ``maxFieldSize`` bytes of UTF-8.
    public func mint(_ id: ManagedID) throws(RoutingError) -> String {
        let fields = [
            ("provider", id.provider), ("deployment id", id.deploymentID), ("model", id.modelGroup), ("object id", id.objectID),
            ("owner", id.owner),
        ]
        var payload: [UInt8] = []
        payload.reserveCapacity(2 + 10 + fields.reduce(0) { $0 + $1.1.utf8.count } + Self.tagSize)
        payload.append(Self.version)
        payload.append(id.kind.code)
        for (name, field) in fields {
            let count = field.utf8.count
            guard count <= Self.maxFieldSize else {
                throw RoutingError(.idTooLong, message: "The \(name) of a \(id.kind) id is \(count) bytes long; at most \(Self.maxFieldSize) are accepted.")
            }
            appendLength(count, to: &payload)
            payload.append(contentsOf: field.utf8)
        }
        payload.append(contentsOf: current.authenticationCode(for: payload).prefix(Self.tagSize))
        return id.kind.prefix + Base64URL.encode(payload)
    }

    /// The owner tag of key `keyID` under the current secret: a keyed digest, so IDs do not reveal key ids.
    public func ownerTag(keyID: String) -> String {
        Self.ownerTag(keyID: keyID, key: current)
    }

    /// Whether `id` was minted for key `keyID` (under the current or a previous secret).
    public func isOwned(_ id: ManagedID, by keyID: String) -> Bool {
        let owner = Array(id.owner.utf8)
        return ([current] + previous).contains { ConstantTime.equals(Array(Self.ownerTag(keyID: keyID, key: $0).utf8), owner) }
    }

    private static func ownerTag(keyID: String, key: HMACKey) -> String {
        // The prefix keeps these digests apart from ID tags (payloads start with the version byte).
        Base64URL.encode(Array(key.authenticationCode(for: Array(("reel-owner\u{0}" + keyID).utf8)).prefix(ownerTagSize)))
    }

    /// The ID `text` names, if it is a genuine ID of `kind` minted under a known secret; nil for anything else.
    public func decode(_ text: String, as kind: ManagedID.Kind) -> ManagedID? {
        guard text.hasPrefix(kind.prefix) else { return nil }
        let encoded = text.dropFirst(kind.prefix.count)
        guard encoded.utf8.count <= 4 * (Self.maxFieldSize * Self.fieldCount + 64) / 3, let bytes = Base64URL.decode(encoded) else { return nil }
        guard bytes.count > Self.tagSize + 2 else { return nil }
        let payload = Array(bytes.dropLast(Self.tagSize))
        let tag = bytes.suffix(Self.tagSize)
        guard current.isValid(tag, for: payload) || previous.contains(where: { $0.isValid(tag, for: payload) }) else { return nil }
        return parse(payload, as: kind)
    }

    /// The ID `text` names, whatever its kind (decided by its prefix); nil when it is not a genuine managed ID.
    public func decode(_ text: String) -> ManagedID? {
        for kind in ManagedID.Kind.all where text.hasPrefix(kind.prefix) {
            return decode(text, as: kind)
        }
        return nil
    }

    private func parse(_ payload: [UInt8], as kind: ManagedID.Kind) -> ManagedID? {
        guard payload[0] == Self.version, payload[1] == kind.code else { return nil }
        var index = 2
        var fields: [String] = []
        for _ in 0..<Self.fieldCount {
            guard let length = readLength(payload, at: &index), length <= payload.count - index else { return nil }
            // The tag has verified these bytes as ones `mint` wrote from Swift strings: valid UTF-8.
            fields.append(String(decoding: payload[index..<index + length], as: UTF8.self))
            index += length
        }
        guard index == payload.count else { return nil }
        return ManagedID(kind: kind, provider: fields[0], deploymentID: fields[1], modelGroup: fields[2], objectID: fields[3], owner: fields[4])
    }

    private func appendLength(_ length: Int, to payload: inout [UInt8]) {
        var value = length
        while value >= 0x80 {
            payload.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        payload.append(UInt8(value))
    }

    private func readLength(_ payload: [UInt8], at index: inout Int) -> Int? {
        var value = 0
        for shift in stride(from: 0, to: 21, by: 7) {
            guard index < payload.count else { return nil }
            let byte = payload[index]
            index += 1
            value |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value <= Self.maxFieldSize ? value : nil }
        }
        return nil
    }
}
