import ReelCrypto
import Testing

struct Base64URLTests {
    // RFC 4648 §10 vectors, unpadded.
    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func encodesRFC4648Vectors(_ plain: String, _ encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func usesTheURLSafeAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(Base64URL.decode("-_-_") == [0xfb, 0xff, 0xbf])
    }

    @Test(arguments: ["Zg==", "Zm9v+", "a/bc", "Z", "Zh", "Zm9", "Zm 9v", "é"])
    func rejectsNonCanonicalText(_ text: String) {
        // Padding, the standard alphabet, an impossible length, or unused bits set ("Zh" vs "Zg", "Zm9" vs "Zm8").
        #expect(Base64URL.decode(text) == nil)
    }

    @Test func roundTripsRandomBytes() throws {
        for length in 0..<200 {
            let bytes = try SecureRandom.bytes(count: length)
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
        #expect(ConstantTime.equals([UInt8](), []))
    }
}
