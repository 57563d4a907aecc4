import ReelCrypto
import Testing

struct HMACKeyTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let key: [UInt8]
        let data: [UInt8]
        let tag: String
        var testDescription: String { name }
    }

    // RFC 4231 §4.2–4.8, HMAC-SHA-256 rows.
    static let rfc4231: [Vector] = [
        Vector(name: "4.2", key: .init(repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
               tag: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(name: "4.3", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
               tag: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(name: "4.4", key: .init(repeating: 0xaa, count: 20), data: .init(repeating: 0xdd, count: 50),
               tag: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(name: "4.5", key: Array(1...25), data: .init(repeating: 0xcd, count: 50),
               tag: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        Vector(name: "4.6 (truncated to 128 bits)", key: .init(repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
               tag: "a3b6167473100ee06e0c796c2955552b"),
        Vector(name: "4.7", key: .init(repeating: 0xaa, count: 131),
               data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
               tag: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(name: "4.8", key: .init(repeating: 0xaa, count: 131),
               data: Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                   + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
               tag: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: rfc4231)
    func matchesRFC4231(_ vector: Vector) throws {
        let key = try HMACKey(vector.key)
        let expected = hexBytes(vector.tag)
        #expect(Array(key.authenticationCode(for: vector.data).prefix(expected.count)) == expected)
        #expect(key.isValid(expected, for: vector.data))
    }

    @Test func rejectsAlteredTagsAndMessages() throws {
        let key = try HMACKey(Array("k".utf8))
        let message = Array("message".utf8)
        let tag = key.authenticationCode(for: message)
        #expect(key.isValid(tag, for: message))
        #expect(key.isValid(tag.prefix(12), for: message))
        #expect(!key.isValid(tag.prefix(11), for: message), "tags shorter than 96 bits are refused")
        #expect(!key.isValid(tag, for: Array("messagf".utf8)))
        var altered = tag
        altered[5] ^= 0x01
        #expect(!key.isValid(altered, for: message))
        #expect(!(try HMACKey(Array("other".utf8))).isValid(tag, for: message))
    }

    @Test func emptyKeyAndMessageWork() throws {
        // HMAC-SHA256("", "") computed independently.
        let tag = try HMACKey([]).authenticationCode(for: [])
        #expect(tag == hexBytes("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"))
    }

    @Test func isSafeToShareAcrossTasks() async throws {
        let key = try HMACKey(Array("shared".utf8))
        let expected = key.authenticationCode(for: Array("x".utf8))
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<500).allSatisfy { _ in key.authenticationCode(for: Array("x".utf8)) == expected } }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(results)
    }
}

func hexBytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
}

struct SHA256Tests {
    // FIPS 180-2 examples.
    @Test func matchesFIPSExamples() {
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
