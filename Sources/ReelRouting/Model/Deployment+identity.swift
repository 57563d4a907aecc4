import ReelCrypto

extension Deployment {
    /// A deployment id derived from the group and the connection parameters (after `os.environ/` resolution,
    /// as LiteLLM does): the same entry gets the same id in every process; changing its key or base changes it.
    /// 24 hexadecimal digits of a SHA-256 digest. A Vertex AI project and location count too (deployments that differ
    /// only in them are different accounts); without them the digest is what it was before Vertex AI existed, so
    /// the ids inside managed IDs already handed out keep resolving.
    public static func stableID(
        modelGroup: String,
        provider: String,
        providerModel: String,
        apiBase: String?,
        apiKey: String?,
        apiVersion: String?,
        organization: String?,
        vertex: Vertex? = nil
    ) -> String {
        var fields = [modelGroup, "\(provider)/\(providerModel)", apiBase ?? "", apiKey ?? "", apiVersion ?? "", organization ?? ""]
        if let vertex { fields += [vertex.project, vertex.location] }
        return String(SHA256.hexDigest(fields.joined(separator: "\u{0}")).prefix(24))
    }

    /// The credentials fingerprint: a digest of the normalised `api_base`, the key, the organisation and, for Vertex AI,
    /// the project and location (where its operations live).
    public static func fingerprint(apiBase: String?, apiKey: String?, organization: String?, vertex: Vertex? = nil) -> String {
        var base = apiBase ?? ""
        while base.hasSuffix("/") { base.removeLast() }
        var fields = [base.lowercased(), apiKey ?? "", organization ?? ""]
        if let vertex { fields += [vertex.project, vertex.location] }
        return String(SHA256.hexDigest(fields.joined(separator: "\u{0}")).prefix(32))
    }
}
