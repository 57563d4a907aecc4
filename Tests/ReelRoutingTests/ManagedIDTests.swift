import ReelCrypto
import ReelRouting
import Testing

struct ManagedIDTests {
    let codec = try! ManagedIDCodec(secret: "current-secret-0123456789", previousSecrets: ["previous-secret-0123456789"])
    static let urlSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let alphabet = Array("abcXYZ019-_;:/=+ %é漢🎬\u{0}\n")
        let length = Int.random(in: 0...60, using: &generator)
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    static func randomID(_ generator: inout SeededGenerator) -> ManagedID {
        ManagedID(
            kind: ManagedID.Kind.all.randomElement(using: &generator)!,
            provider: randomText(&generator), deploymentID: randomText(&generator),
            modelGroup: randomText(&generator), objectID: randomText(&generator)
        )
    }

    @Test func roundTripsArbitraryPayloadsWithURLSafeText() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<2000 {
            let id = Self.randomID(&generator)
            let text = codec.mint(id)
            #expect(text.hasPrefix(id.kind.prefix))
            #expect(text.allSatisfy { Self.urlSafe.contains($0) })
            #expect(codec.decode(text, as: id.kind) == id)
            #expect(codec.decode(text) == id)
        }
    }

    @Test func rejectsEverySingleCharacterChangeAndTruncation() {
        var generator = SeededGenerator(seed: 2)
        let replacements = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.% ")
        var accepted: [String] = []
        for _ in 0..<4 {
            let id = Self.randomID(&generator)
            let text = Array(codec.mint(id))
            for index in text.indices {
                for replacement in replacements where replacement != text[index] {
                    var altered = text
                    altered[index] = replacement
                    if codec.decode(String(altered)) != nil { accepted.append(String(altered)) }
                }
                if codec.decode(String(text[..<index])) != nil { accepted.append(String(text[..<index])) }
            }
            if codec.decode(String(text) + "A") != nil { accepted.append(String(text) + "A") }
        }
        #expect(accepted.isEmpty)
    }

    @Test func rejectsEverySingleByteChangeOfThePayload() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<50 {
            let id = Self.randomID(&generator)
            let text = codec.mint(id)
            let bytes = Base64URL.decode(text.dropFirst(id.kind.prefix.count))!
            let accepted = bytes.indices.filter { index in
                var altered = bytes
                altered[index] ^= UInt8.random(in: 1...255, using: &generator)
                return codec.decode(id.kind.prefix + Base64URL.encode(altered)) != nil
            }
            #expect(accepted.isEmpty)
        }
    }

    @Test func checksTheSecretAndRotates() throws {
        let id = ManagedID(kind: .video, provider: "openai", deploymentID: "sim-a", modelGroup: "sora-2", objectID: "job-1")
        let foreign = try ManagedIDCodec(secret: "someone-elses-secret-000")
        #expect(codec.decode(foreign.mint(id)) == nil, "a tag under an unknown secret is rejected")

        let beforeRotation = try ManagedIDCodec(secret: "previous-secret-0123456789")
        #expect(codec.decode(beforeRotation.mint(id)) == id, "IDs minted before the rotation still work")
        let afterRetirement = try ManagedIDCodec(secret: "current-secret-0123456789")
        #expect(afterRetirement.decode(beforeRotation.mint(id)) == nil, "…until the old secret is dropped")
        #expect(afterRetirement.decode(codec.mint(id)) == id, "minting uses the current secret")
    }

    @Test func aKindIsOnlyAcceptedUnderItsOwnPrefix() {
        let video = codec.mint(ManagedID(kind: .video, provider: "openai", deploymentID: "d", modelGroup: "g", objectID: "o"))
        #expect(codec.decode(video, as: .character) == nil)
        let body = video.dropFirst("video_".count)
        #expect(codec.decode("character_" + body) == nil, "the kind is signed, not just the prefix")
        #expect(codec.decode("video_68d1f0c5a8") == nil, "an upstream OpenAI id is not a managed id")
    }

    @Test func garbageNeverCrashes() {
        var generator = SeededGenerator(seed: 4)
        let alphabet = Array("ABCabc019-_=+/video_character_resp_")
        let accepted = (0..<5000).compactMap { _ in
            let length = Int.random(in: 0...120, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            return codec.decode(text)
        }
        #expect(accepted.isEmpty)
        #expect(codec.decode("video_" + String(repeating: "A", count: 100_000)) == nil)
    }

    @Test func secretsMustBeLongEnough() {
        #expect(throws: ConfigurationError.self) { try ManagedIDCodec(secret: "short") }
    }
}
