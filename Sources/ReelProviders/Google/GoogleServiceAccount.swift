import Foundation
public import ReelCrypto

/// The parts of a Google service-account key file (the JSON the Cloud console downloads) that Reel needs to get
/// access tokens: who signs, with which key, and where tokens are issued.
///
/// ```swift
/// let account = try GoogleServiceAccount(json: String(contentsOfFile: path, encoding: .utf8))
/// print(account.clientEmail, account.tokenURI)
/// ```
public struct GoogleServiceAccount: Sendable {
    /// Longest key file accepted, in bytes (a real one is about 2.3 KiB).
    public static let maxFileSize = 64 << 10

    /// The account's address (`client_email`): the JWT's issuer.
    public var clientEmail: String
    /// The RSA key of `private_key`.
    public var privateKey: RSAPrivateKey
    /// `private_key_id`, sent as the JWT's `kid` when present.
    public var privateKeyID: String?
    /// Where the signed JWT is exchanged for an access token (`token_uri`).
    public var tokenURI: String
    /// The project the account belongs to (`project_id`), when the file names one.
    public var projectID: String?

    /// Reads a service-account key file.
    /// - Throws: ``GoogleServiceAccountError`` naming the field that is missing or unusable.
    public init(json: String) throws(GoogleServiceAccountError) {
        guard json.utf8.count <= Self.maxFileSize,
            let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
            let object = parsed as? [String: Any]
        else {
            throw GoogleServiceAccountError(.invalidJSON, field: nil, message: "the service account is not a JSON object of at most \(Self.maxFileSize) bytes")
        }
        if let type = object["type"], type as? String != "service_account" {
            throw GoogleServiceAccountError(.invalidField, field: "type", message: "type must be \"service_account\"")
        }
        clientEmail = try Self.string(object, "client_email")
        let pem = try Self.string(object, "private_key")
        do {
            privateKey = try RSAPrivateKey(pem: pem)
        } catch {
            throw GoogleServiceAccountError(.invalidField, field: "private_key", message: "private_key is not a usable RSA key: \(error)")
        }
        tokenURI = try Self.string(object, "token_uri")
        guard let url = URL(string: tokenURI), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw GoogleServiceAccountError(.invalidField, field: "token_uri", message: "token_uri must be an http(s) URL")
        }
        privateKeyID = try Self.optionalString(object, "private_key_id")
        projectID = try Self.optionalString(object, "project_id")
    }

    private static func string(_ object: [String: Any], _ field: String) throws(GoogleServiceAccountError) -> String {
        guard let value = try optionalString(object, field) else {
            throw GoogleServiceAccountError(.missingField, field: field, message: "\(field) is missing")
        }
        return value
    }

    private static func optionalString(_ object: [String: Any], _ field: String) throws(GoogleServiceAccountError) -> String? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        guard let text = value as? String, !text.isEmpty else {
            throw GoogleServiceAccountError(.invalidField, field: field, message: "\(field) must be a non-empty string")
        }
        return text
    }
}
