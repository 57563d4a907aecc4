import Foundation
import ReelCrypto
import ReelTesting
import Testing

struct JSONWebTokenTests {
    static func keys() throws -> (RSAPrivateKey, RSAPublicKey, RSAPublicKey) {
        (
            try RSAPrivateKey(pem: RepositoryFiles.text("Tests/fixtures/jws/rfc7515-a2.pem")),
            try RSAPublicKey(pem: RepositoryFiles.text("Tests/fixtures/jws/rfc7515-a2.pub.pem")),
            try RSAPublicKey(pem: RepositoryFiles.text("Tests/fixtures/google/test-service-account.pub.pem"))
        )
    }

    @Test func signedTokenCarriesHeaderAndClaimsAndVerifies() throws {
        let (privateKey, publicKey, otherKey) = try Self.keys()
        let claims = Array(#"{"iss":"joe","exp":1300819380}"#.utf8)
        let token = try JSONWebToken.signRS256(claims: claims, keyID: "key \"1\"", with: privateKey)
        let parts = token.split(separator: ".")
        #expect(parts.count == 3)
        let header = try #require(Base64URL.decode(parts[0]))
        let object = try JSONSerialization.jsonObject(with: Data(header)) as? [String: String]
        #expect(object == ["alg": "RS256", "typ": "JWT", "kid": "key \"1\""])
        #expect(Base64URL.decode(parts[1]) == claims)
        #expect(JSONWebToken.verifiedRS256Claims(token, keys: [otherKey, publicKey]) == claims)
        #expect(JSONWebToken.verifiedRS256Claims(token, keys: [otherKey]) == nil)
    }

    @Test func theRFCExampleVerifies() throws {
        let (_, publicKey, _) = try Self.keys()
        let token = RS256Tests.rfcSigningInput + "." + RS256Tests.rfcSignature
        let claims = try #require(JSONWebToken.verifiedRS256Claims(token, keys: [publicKey]))
        #expect(String(decoding: claims, as: UTF8.self) == "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}")
    }

    @Test func tamperedOrForeignTokensAreRefused() throws {
        let (privateKey, publicKey, _) = try Self.keys()
        let token = try JSONWebToken.signRS256(claims: Array(#"{"iss":"joe"}"#.utf8), keyID: nil, with: privateKey)
        let parts = token.split(separator: ".").map(String.init)
        let otherClaims = Base64URL.encode(Array(#"{"iss":"eve"}"#.utf8))
        let noneHeader = Base64URL.encode(Array(#"{"alg":"none"}"#.utf8))
        let nested = Base64URL.encode(Array((String(repeating: "[", count: 900) + String(repeating: "]", count: 900)).utf8))
        let candidates = [
            "\(parts[0]).\(otherClaims).\(parts[2])",
            "\(noneHeader).\(parts[1]).\(parts[2])",
            "\(noneHeader).\(parts[1]).",
            "\(nested).\(parts[1]).\(parts[2])",
            "\(parts[0]).\(parts[1])",
            "\(parts[0]).\(parts[1]).\(parts[2]).x",
            "\(parts[0]).\(parts[1]).\(parts[2])=",
            "",
            String(repeating: "a", count: JSONWebToken.maxTokenSize + 1),
        ]
        for candidate in candidates {
            #expect(JSONWebToken.verifiedRS256Claims(candidate, keys: [publicKey]) == nil, "\(candidate.prefix(40))")
        }
    }
}
