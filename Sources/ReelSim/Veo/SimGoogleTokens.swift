import Foundation
import ReelCrypto
import Synchronization

/// The simulated OAuth token endpoint's memory: the public keys whose JWTs it accepts and the tokens it issued.
final class SimGoogleTokens: Sendable {
    private struct Issued {
        var account: String
        var expiresAt: Double
    }

    let publicKeys: [RSAPublicKey]
    private let issued = Mutex<[String: Issued]>([:])

    init(publicKeysPEM: [String]) {
        publicKeys = publicKeysPEM.compactMap { try? RSAPublicKey(pem: $0) }
    }

    /// Issues a token for `account` valid until `expiresAt` (Unix seconds).
    func issue(account: String, expiresAt: Double) -> String {
        var generator = SystemRandomNumberGenerator()
        let token = "ya29.sim-" + String(generator.next(), radix: 16) + String(generator.next(), radix: 16)
        issued.withLock { $0[token] = Issued(account: account, expiresAt: expiresAt) }
        return token
    }

    /// The account a token was issued to, nil when unknown or expired at `now`.
    func account(of token: String, at now: Double) -> String? {
        issued.withLock { issued in
            guard let entry = issued[token], entry.expiresAt > now else { return nil }
            return entry.account
        }
    }
}
