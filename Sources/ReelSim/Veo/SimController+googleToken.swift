import Foundation
import Hummingbird
import NIOCore
import ReelCrypto

extension SimController {
    /// Longest token request body read, in bytes.
    static let tokenRequestLimit = 32 << 10

    /// `POST /token`: Google's OAuth 2.0 token endpoint for service accounts (the JWT bearer grant, RFC 7523). The
    /// assertion must be an RS256 JWT signed by one of the configured public keys, with `iss`, `scope`, `aud`, `iat`
    /// and an `exp` at most an hour after `iat` and not passed. Answers `{"access_token", "expires_in",
    /// "token_type"}`; counted under `POST /token` and the assertion's `iss`.
    func token(_ request: Request, _ context: Context) async throws -> Response {
        let route = "POST /token"
        let form: [String: String]
        do {
            form = Self.urlEncodedForm(String(buffer: try await request.body.collect(upTo: Self.tokenRequestLimit)))
        } catch {
            simulator.count(route: route, key: nil)
            throw SimGoogleError.oauth("invalid_request", "The request body is too large.")
        }
        guard form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer" else {
            simulator.count(route: route, key: nil)
            throw SimGoogleError.oauth("unsupported_grant_type", "Invalid grant_type: \(form["grant_type"]?.prefix(100) ?? "")")
        }
        guard let assertion = form["assertion"],
            let claimBytes = JSONWebToken.verifiedRS256Claims(assertion, keys: simulator.googleTokens.publicKeys),
            let claims = try? JSONSerialization.jsonObject(with: Data(claimBytes)) as? [String: Any],
            let issuer = claims["iss"] as? String, !issuer.isEmpty
        else {
            simulator.count(route: route, key: nil)
            throw SimGoogleError.oauth("invalid_grant", "Invalid JWT Signature.")
        }
        simulator.count(route: route, key: issuer)
        try await injectFault(
            request, key: issuer, rateLimited: { _ in SimGoogleError.resourceExhausted(retryDelaySeconds: configuration.retryAfterSeconds) },
            serverError: SimGoogleError.internalError
        )
        let now = simulator.now()
        guard let issuedAt = (claims["iat"] as? NSNumber)?.doubleValue, let expiresAt = (claims["exp"] as? NSNumber)?.doubleValue,
            issuedAt <= now + 300, expiresAt > now, expiresAt - issuedAt <= 3600
        else {
            throw SimGoogleError.oauth("invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.")
        }
        guard let audience = claims["aud"] as? String, audience.hasSuffix("/token"), let scope = claims["scope"] as? String, !scope.isEmpty else {
            throw SimGoogleError.oauth("invalid_grant", "Invalid JWT: aud must be the token endpoint and scope must be set.")
        }
        let lifetime = configuration.googleTokenSeconds
        let token = simulator.googleTokens.issue(account: issuer, expiresAt: now + Double(lifetime))
        return try googleJSON(["access_token": token, "expires_in": lifetime, "token_type": "Bearer"])
    }

    /// The fields of an `application/x-www-form-urlencoded` body; the first of a repeated name wins.
    static func urlEncodedForm(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { continue }
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }
}
