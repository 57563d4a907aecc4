import Foundation
import Synchronization

/// The simulated Responses and Realtime APIs' memory: stored responses, issued ephemeral keys, stream counters,
/// the delay between streamed events and the padding of response ids.
///
/// Reasoning items carry `encrypted_content` bound to the API key that produced them (a keyed digest under a
/// secret of this process), so a follow-up sent with another key fails with `invalid_encrypted_content`, as
/// OpenAI answers when a reasoning item reaches an organisation that did not make it.
public final class SimResponses: Sendable {
    private struct Stored {
        var key: String
        var object: Data
    }

    private struct EphemeralKey {
        var key: String
        var expiresAt: Int
    }

    private struct State {
        var responses: [String: Stored] = [:]
        var ephemeralKeys: [String: EphemeralKey] = [:]
        var stats = SimResponsesStats()
        var eventDelay: Duration = .zero
        var idPadding = 0
    }

    private let state = Mutex(State())
    private let secret = UInt64.random(in: .min ... .max)

    /// Creates an empty store.
    public init() {}

    /// Counters of the Responses and Realtime routes.
    public var stats: SimResponsesStats { state.withLock { $0.stats } }

    /// The pause between two streamed events (zero by default).
    public var eventDelay: Duration {
        get { state.withLock { $0.eventDelay } }
        set { state.withLock { $0.eventDelay = newValue } }
    }

    /// Characters appended to every new response id (zero by default), to act as a provider with very long ids.
    public var idPadding: Int {
        get { state.withLock { $0.idPadding } }
        set { state.withLock { $0.idPadding = newValue } }
    }

    func update(_ body: (inout SimResponsesStats) -> Void) {
        state.withLock { body(&$0.stats) }
    }

    func store(_ object: [String: Any], id: String, key: String) {
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return }
        state.withLock { $0.responses[id] = Stored(key: key, object: data) }
    }

    /// The stored response `id` if `key` made it.
    func response(_ id: String, key: String) -> [String: Any]? {
        let data: Data? = state.withLock { state in
            guard let stored = state.responses[id], stored.key == key else { return nil }
            return stored.object
        }
        return data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    func delete(_ id: String, key: String) -> Bool {
        state.withLock { state in
            guard state.responses[id]?.key == key else { return false }
            state.responses[id] = nil
            return true
        }
    }

    func issueEphemeralKey(_ value: String, key: String, expiresAt: Int) {
        state.withLock { $0.ephemeralKeys[value] = EphemeralKey(key: key, expiresAt: expiresAt) }
    }

    /// The API key that obtained ephemeral key `value`, if it is known and not expired at `now`.
    func owner(ofEphemeralKey value: String, now: Int) -> String? {
        state.withLock { state in
            guard let issued = state.ephemeralKeys[value], issued.expiresAt > now else { return nil }
            return issued.key
        }
    }

    /// The `encrypted_content` of reasoning item `itemID` made under `key`.
    func encryptedContent(itemID: String, key: String) -> String {
        let nonce = UInt64.random(in: .min ... .max)
        let payload = "\(itemID).\(String(nonce, radix: 16)).\(String(tag(itemID: itemID, nonce: nonce, key: key), radix: 16))"
        return "gAAAAB" + Data(payload.utf8).base64EncodedString()
    }

    /// Whether `content` is the encrypted content of item `itemID` made under `key`.
    func verify(_ content: String, itemID: String?, key: String) -> Bool {
        guard content.hasPrefix("gAAAAB"), let data = Data(base64Encoded: String(content.dropFirst(6))) else { return false }
        let parts = String(decoding: data, as: UTF8.self).split(separator: ".")
        guard parts.count == 3, let nonce = UInt64(parts[1], radix: 16), let tag = UInt64(parts[2], radix: 16) else { return false }
        if let itemID, itemID != String(parts[0]) { return false }
        return tag == self.tag(itemID: String(parts[0]), nonce: nonce, key: key)
    }

    private func tag(itemID: String, nonce: UInt64, key: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(secret)
        hasher.combine(key)
        hasher.combine(itemID)
        hasher.combine(nonce)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
