import Foundation

/// The models each provider is known to serve, read from a LiteLLM cost-map style JSON object:
///
/// ```json
/// {
///   "sora-2":       {"litellm_provider": "openai", "mode": "video_generation"},
///   "azure/sora-2": {"litellm_provider": "azure",  "mode": "video_generation"}
/// }
/// ```
/// A key without a `provider/` prefix is also a *bare name*: `sora-2` alone means `openai/sora-2`. Entries
/// without `litellm_provider` (like the cost map's `sample_spec`) are ignored, as are unknown fields.
/// The catalog is immutable; a reload builds a new one and a new ``RoutingSnapshot``.
public struct ModelCatalog: Sendable, Hashable {
    /// One catalog model.
    public struct Entry: Sendable, Hashable {
        /// The provider (`litellm_provider`).
        public var provider: String
        /// The provider's model name, without the `provider/` prefix.
        public var name: String
        /// `mode`, when given.
        public var mode: String?
    }

    /// Every model, in key order.
    public let entries: [Entry]
    /// Provider → the model names it serves (without prefix).
    public let modelsByProvider: [String: Set<String>]
    /// Bare name → its provider, for keys written without a prefix.
    public let providerOfBareName: [String: String]
    /// The JSON text this catalog was read from (what a reload publishes).
    public let json: String

    /// Parses catalog JSON.
    /// - Throws: `ConfigurationError.malformed` when the text is not a JSON object of objects.
    public init(json: String) throws(ConfigurationError) {
        let raw: [String: RawEntry]
        do {
            raw = try JSONDecoder().decode([String: RawEntry].self, from: Data(json.utf8))
        } catch {
            throw ConfigurationError(.malformed, message: "the model catalog is not a JSON object of model entries: \(error)")
        }
        var entries: [Entry] = []
        var byProvider: [String: Set<String>] = [:]
        var bare: [String: String] = [:]
        for key in raw.keys.sorted() {
            guard let provider = raw[key]?.litellm_provider, !provider.isEmpty else { continue }
            let prefix = provider + "/"
            let name = key.hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key
            guard !name.isEmpty else { continue }
            entries.append(Entry(provider: provider, name: name, mode: raw[key]?.mode))
            byProvider[provider, default: []].insert(name)
            if !key.hasPrefix(prefix), !key.contains("/") { bare[key] = provider }
        }
        self.entries = entries
        self.modelsByProvider = byProvider
        self.providerOfBareName = bare
        self.json = json
    }

    /// `provider/name` for a requested model the catalog knows (`sora-2` → `openai/sora-2`,
    /// `openai/sora-2` → itself), nil when it does not know it.
    public func qualifiedName(of model: String) -> String? {
        if let slash = model.firstIndex(of: "/") {
            let provider = String(model[..<slash])
            let name = String(model[model.index(after: slash)...])
            return modelsByProvider[provider]?.contains(name) == true ? model : nil
        }
        return providerOfBareName[model].map { "\($0)/\(model)" }
    }

    private struct RawEntry: Decodable {
        var litellm_provider: String?
        var mode: String?
    }
}
