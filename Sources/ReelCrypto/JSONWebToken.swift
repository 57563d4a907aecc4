import ReelJSON

/// RS256-signed JSON Web Tokens in compact form (RFC 7519, RFC 7515 §7.1): `header.claims.signature`, each part
/// unpadded base64url.
///
/// ```swift
/// let token = try JSONWebToken.signRS256(claims: Array(#"{"iss":"me"}"#.utf8), keyID: "k1", with: privateKey)
/// let claims = JSONWebToken.verifiedRS256Claims(token, keys: [publicKey])   // nil unless a key signed it
/// ```
public enum JSONWebToken {
    /// Longest token ``verifiedRS256Claims(_:keys:)`` looks at, in bytes.
    public static let maxTokenSize = 16 << 10
    /// Longest JOSE header looked at, in bytes (a header is a handful of short members).
    static let maxHeaderSize = 1024

    /// A token over `claims` (a JSON object, taken as is) with the header `{"alg":"RS256","typ":"JWT","kid":…}`.
    /// - Parameters:
    ///   - claims: The claims set as JSON text.
    ///   - keyID: The `kid` header member; left out when nil.
    ///   - key: The signing key.
    public static func signRS256(claims: [UInt8], keyID: String?, with key: RSAPrivateKey) throws(CryptoError) -> String {
        var header = JSONWriter(capacity: 64)
        header.beginObject()
        header.key("alg")
        header.string("RS256")
        header.key("typ")
        header.string("JWT")
        header.member("kid", ifPresent: keyID)
        header.endObject()
        let signingInput = Base64URL.encode(header.bytes) + "." + Base64URL.encode(claims)
        let signature = try key.signatureRS256(for: Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// The claims of `token` (JSON text) when its header says RS256 and one of `keys` made its signature; nil for
    /// anything else: another algorithm, a bad signature, a malformed or oversized token.
    public static func verifiedRS256Claims(_ token: String, keys: [RSAPublicKey]) -> [UInt8]? {
        guard token.utf8.count <= maxTokenSize else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decode(parts[0]), let claims = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]), header.count <= maxHeaderSize, algorithm(ofHeader: header) == "RS256"
        else { return nil }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard keys.contains(where: { $0.isValidRS256Signature(signature, for: signingInput) }) else { return nil }
        return claims
    }

    /// The `alg` member of a JOSE header, nil when the header is not a JSON object with a string `alg`.
    private static func algorithm(ofHeader header: [UInt8]) -> String? {
        guard let text = String(validating: header, as: UTF8.self) else { return nil }
        var scanner = JSONScanner(text)
        var algorithm: String?
        do {
            try scanner.beginObject()
            while let key = try scanner.nextKey() {
                if key == "alg" { algorithm = try scanner.string() } else { try scanner.skipValue() }
            }
            try scanner.end()
        } catch {
            return nil
        }
        return algorithm
    }
}
