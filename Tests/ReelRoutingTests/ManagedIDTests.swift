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
            modelGroup: randomText(&generator), objectID: randomText(&generator), owner: randomText(&generator)
        )
    }

    @Test func roundTripsArbitraryPayloadsWithURLSafeText() throws {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<2000 {
            let id = Self.randomID(&generator)
            let text = try codec.mint(id)
            #expect(text.hasPrefix(id.kind.prefix))
            #expect(text.allSatisfy { Self.urlSafe.contains($0) })
            #expect(codec.decode(text, as: id.kind) == id)
            #expect(codec.decode(text) == id)
        }
    }

    @Test func rejectsEverySingleCharacterChangeAndTruncation() throws {
        var generator = SeededGenerator(seed: 2)
        let replacements = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.% ")
        var accepted: [String] = []
        for _ in 0..<4 {
            let id = Self.randomID(&generator)
            let text = Array(try codec.mint(id))
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

    @Test func rejectsEverySingleByteChangeOfThePayload() throws {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<50 {
            let id = Self.randomID(&generator)
            let text = try codec.mint(id)
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
        #expect(codec.decode(try foreign.mint(id)) == nil, "a tag under an unknown secret is rejected")

        let beforeRotation = try ManagedIDCodec(secret: "previous-secret-0123456789")
        #expect(codec.decode(try beforeRotation.mint(id)) == id, "IDs minted before the rotation still work")
        let afterRetirement = try ManagedIDCodec(secret: "current-secret-0123456789")
        #expect(afterRetirement.decode(try beforeRotation.mint(id)) == nil, "…until the old secret is dropped")
        #expect(afterRetirement.decode(try codec.mint(id)) == id, "minting uses the current secret")
    }

    @Test func aKindIsOnlyAcceptedUnderItsOwnPrefix() throws {
        let video = try codec.mint(ManagedID(kind: .video, provider: "openai", deploymentID: "d", modelGroup: "g", objectID: "o"))
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

    @Test func overlongFieldsAreRefusedNotFatal() throws {
        let longest = String(repeating: "x", count: ManagedIDCodec.maxFieldSize)
        let fits = ManagedID(kind: .response, provider: "openai", deploymentID: "d", modelGroup: "g", objectID: longest, owner: "o")
        #expect(codec.decode(try codec.mint(fits)) == fits)
        for field in 0..<5 {
            var id = fits
            let long = String(repeating: "é", count: ManagedIDCodec.maxFieldSize / 2 + 1)  // 1026 bytes, 514 characters
            switch field {
            case 0: id.provider = long
            case 1: id.deploymentID = long
            case 2: id.modelGroup = long
            case 3: id.objectID = long
            default: id.owner = long
            }
            #expect { try codec.mint(id) } throws: { ($0 as? RoutingError)?.code == .idTooLong }
        }
    }

    @Test func ownerTagsNameTheKeyWithoutRevealingItAndSurviveRotation() throws {
        let tag = codec.ownerTag(keyID: "key-1")
        #expect(!tag.contains("key") && tag.count == 16)
        #expect(tag != codec.ownerTag(keyID: "key-2"))
        #expect(tag != (try ManagedIDCodec(secret: "someone-elses-secret-000")).ownerTag(keyID: "key-1"), "keyed: not guessable without the secret")
        let id = ManagedID(kind: .response, provider: "openai", deploymentID: "d", modelGroup: "g", objectID: "resp_1", owner: tag)
        #expect(codec.isOwned(id, by: "key-1") && !codec.isOwned(id, by: "key-2"))
        let old = try ManagedIDCodec(secret: "previous-secret-0123456789")
        var minted = id
        minted.owner = old.ownerTag(keyID: "key-1")
        let decoded = try #require(codec.decode(try old.mint(minted)))
        #expect(codec.isOwned(decoded, by: "key-1") && !codec.isOwned(decoded, by: "key-2"), "ids minted before a rotation keep their owner")
        #expect(!codec.isOwned(ManagedID(kind: .response, provider: "", deploymentID: "", modelGroup: "", objectID: ""), by: "key-1"))
    }

    @Test func secretsMustBeLongEnough() {
        #expect(throws: ConfigurationError.self) { try ManagedIDCodec(secret: "short") }
    }
}
