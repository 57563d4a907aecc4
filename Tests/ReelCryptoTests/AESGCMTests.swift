import ReelCrypto
import Testing

struct AESGCMTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let key: String
        let nonce: String
        let plaintext: String
        let additionalData: String
        let ciphertext: String
        let tag: String
        var testDescription: String { name }
    }

    // The GCM specification's AES-256 test cases 13–16 (McGrew & Viega, as published with NIST SP 800-38D).
    static let vectors: [Vector] = {
        let key = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
        let plaintext = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255"
        let ciphertext = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad"
        return [
            Vector(name: "13", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
                   plaintext: "", additionalData: "", ciphertext: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
            Vector(name: "14", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
                   plaintext: String(repeating: "00", count: 16), additionalData: "",
                   ciphertext: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919"),
            Vector(name: "15", key: key, nonce: "cafebabefacedbaddecaf888", plaintext: plaintext, additionalData: "",
                   ciphertext: ciphertext, tag: "b094dac5d93471bdec1a502270e3cc6c"),
            Vector(name: "16", key: key, nonce: "cafebabefacedbaddecaf888", plaintext: String(plaintext.dropLast(8)),
                   additionalData: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                   ciphertext: String(ciphertext.dropLast(8)), tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
        ]
    }()

    @Test(arguments: vectors)
    func matchesGCMTestVectors(_ vector: Vector) throws {
        let box = try AESGCM.seal(
            hexBytes(vector.plaintext), key: hexBytes(vector.key), nonce: hexBytes(vector.nonce),
            authenticating: hexBytes(vector.additionalData)
        )
        #expect(box.ciphertext == hexBytes(vector.ciphertext))
        #expect(box.tag == hexBytes(vector.tag))
        let opened = try AESGCM.open(
            AESGCM.SealedBox(combined: box.combined), key: hexBytes(vector.key), authenticating: hexBytes(vector.additionalData)
        )
        #expect(opened == hexBytes(vector.plaintext))
    }

    @Test func randomNoncesDiffer() throws {
        let key = try SecureRandom.bytes(count: AESGCM.keySize)
        let first = try AESGCM.seal(Array("same".utf8), key: key)
        let second = try AESGCM.seal(Array("same".utf8), key: key)
        #expect(first.nonce.count == 12)
        #expect(first.nonce != second.nonce)
        #expect(first.ciphertext != second.ciphertext)
    }

    @Test func rejectsEveryAlteredByteAndWrongKeyOrData() throws {
        let key = try SecureRandom.bytes(count: AESGCM.keySize)
        let aad = Array("realtime:v1".utf8)
        let combined = try AESGCM.seal(Array("ephemeral key".utf8), key: key, authenticating: aad).combined
        for index in combined.indices {
            var altered = combined
            altered[index] ^= 0x80
            #expect(throws: CryptoError.self) { try AESGCM.open(AESGCM.SealedBox(combined: altered), key: key, authenticating: aad) }
        }
        let box = try AESGCM.SealedBox(combined: combined)
        let otherKey = try SecureRandom.bytes(count: AESGCM.keySize)
        #expect { try AESGCM.open(box, key: otherKey, authenticating: aad) } throws: { ($0 as? CryptoError)?.code == .authenticationFailed }
        #expect { try AESGCM.open(box, key: key) } throws: { ($0 as? CryptoError)?.code == .authenticationFailed }
        #expect(try AESGCM.open(box, key: key, authenticating: aad) == Array("ephemeral key".utf8))
    }

    @Test func rejectsBadSizes() {
        #expect { try AESGCM.seal([1], key: [1, 2, 3]) } throws: { ($0 as? CryptoError)?.code == .invalidKeySize }
        #expect { try AESGCM.seal([1], key: .init(repeating: 0, count: 32), nonce: [0]) } throws: {
            ($0 as? CryptoError)?.code == .invalidNonceSize
        }
        #expect { try AESGCM.SealedBox(combined: .init(repeating: 0, count: 27)) } throws: { ($0 as? CryptoError)?.code == .malformedInput }
    }
}
