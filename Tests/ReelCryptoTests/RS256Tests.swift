import Foundation
import ReelCrypto
import ReelTesting
import Testing

struct RS256Tests {
    /// RFC 7515 Appendix A.2: the JWS Signing Input and the RS256 signature the RFC publishes for its RSA key.
    static let rfcSigningInput =
        "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    static let rfcSignature =
        "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4"
        + "BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv"
        + "hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw"

    @Test func signsTheRFC7515Vector() throws {
        let key = try RSAPrivateKey(pem: RepositoryFiles.text("Tests/fixtures/jws/rfc7515-a2.pem"))
        let signature = try key.signatureRS256(for: Array(Self.rfcSigningInput.utf8))
        #expect(Base64URL.encode(signature) == Self.rfcSignature)
    }

    @Test func verifiesTheRFC7515VectorAndRejectsChanges() throws {
        let key = try RSAPublicKey(pem: RepositoryFiles.text("Tests/fixtures/jws/rfc7515-a2.pub.pem"))
        let signature = try #require(Base64URL.decode(Self.rfcSignature))
        #expect(key.isValidRS256Signature(signature, for: Array(Self.rfcSigningInput.utf8)))
        #expect(!key.isValidRS256Signature(signature, for: Array((Self.rfcSigningInput + "x").utf8)))
        var flipped = signature
        flipped[10] ^= 1
        #expect(!key.isValidRS256Signature(flipped, for: Array(Self.rfcSigningInput.utf8)))
        #expect(!key.isValidRS256Signature([], for: Array(Self.rfcSigningInput.utf8)))
    }

    @Test func serviceAccountKeySignsWhatItsPublicKeyVerifies() throws {
        let account = try JSONSerialization.jsonObject(
            with: Data(RepositoryFiles.text("Tests/fixtures/google/test-service-account.json").utf8)
        ) as? [String: Any]
        let privateKey = try RSAPrivateKey(pem: try #require(account?["private_key"] as? String))
        let publicKey = try RSAPublicKey(pem: RepositoryFiles.text("Tests/fixtures/google/test-service-account.pub.pem"))
        let otherKey = try RSAPublicKey(pem: RepositoryFiles.text("Tests/fixtures/jws/rfc7515-a2.pub.pem"))
        let message = Array("header.claims".utf8)
        let signature = try privateKey.signatureRS256(for: message)
        #expect(signature.count == 256)
        #expect(publicKey.isValidRS256Signature(signature, for: message))
        #expect(!otherKey.isValidRS256Signature(signature, for: message))
    }

    @Test(arguments: [
        ("", "malformedInput"),
        ("not a key", "malformedInput"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "malformedInput"),
        ("-----BEGIN PRIVATE KEY-----\n" + String(repeating: "A", count: 70_000) + "\n-----END PRIVATE KEY-----\n", "malformedInput"),
    ])
    func refusesTextThatIsNoKey(pem: String, code: String) {
        #expect(throws: CryptoError.self) { try RSAPrivateKey(pem: pem) }
        do {
            _ = try RSAPrivateKey(pem: pem)
        } catch {
            #expect(error.code.description == code)
        }
    }

    @Test(arguments: [
        ("Tests/fixtures/jws/rfc7515-a2-encrypted.pem", "malformedInput"),
        ("Tests/fixtures/jws/rsa-1024.pem", "invalidKeySize"),
        ("Tests/fixtures/jws/ec-p256.pem", "invalidKeySize"),
    ])
    func refusesKeysRS256CannotUse(path: String, code: String) throws {
        let pem = try RepositoryFiles.text(path)
        do {
            _ = try RSAPrivateKey(pem: pem)
            Issue.record("\(path) loaded")
        } catch {
            #expect(error.code.description == code)
        }
    }

    @Test func publicKeyRefusesAPrivateKeyText() throws {
        #expect(throws: CryptoError.self) { try RSAPublicKey(pem: RepositoryFiles.text("Tests/fixtures/jws/rfc7515-a2.pem")) }
    }
}
