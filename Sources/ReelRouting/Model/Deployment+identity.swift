import ReelCrypto

extension Deployment {
    /// A deployment id derived from the group and the connection parameters (after `os.environ/` resolution,
    /// as LiteLLM does): the same entry gets the same id in every process; changing its key or base changes it.
    /// 24 hexadecimal digits of a SHA-256 digest.
    public static func stableID(
        modelGroup: String,
        provider: String,
        providerModel: String,
        apiBase: String?,
        apiKey: String?,
        apiVersion: String?,
        organization: String?
    ) -> String {
        let fields = [modelGroup, "\(provider)/\(providerModel)", apiBase ?? "", apiKey ?? "", apiVersion ?? "", organization ?? ""]
        return String(SHA256.hexDigest(fields.joined(separator: "\u{0}")).prefix(24))
    }

    /// The credentials fingerprint: a digest of the normalised `api_base`, the key and the organisation.
    public static func fingerprint(apiBase: String?, apiKey: String?, organization: String?) -> String {
        var base = apiBase ?? ""
        while base.hasSuffix("/") { base.removeLast() }
        return String(SHA256.hexDigest([base.lowercased(), apiKey ?? "", organization ?? ""].joined(separator: "\u{0}")).prefix(32))
    }
}
