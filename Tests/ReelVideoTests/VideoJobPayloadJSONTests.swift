import Foundation
import Testing

import ReelQueue
import ReelVideo

/// The payload writer writes what `JSONEncoder` writes, without it. The payload reader gives `JSONDecoder`'s result,
/// through its own scanner for the shape payloads are written in and through `JSONDecoder` for any other valid form, so
/// payloads written by any Reel version stay readable.
struct VideoJobPayloadJSONTests {
    static var payloads: [VideoJobPayload] {
        let upload = BlobReference(key: "uploads/a b/ref.png", contentType: "image/png", filename: "réf \"1\".png", size: 1_234_567_890_123)
        let full = VideoJobPayload(
            kind: .edit, deploymentID: "sim-a", modelGroup: "sora-2", prompt: "line\nbreak, quote \" and emoji 🐈‍⬛", seconds: "8",
            size: "1280x720", inputReference: .upload(upload), characterIDs: ["character_1", "character_2"], sourceVideoID: "video_src",
            sourceUpload: upload, characterName: "Mochi", characterVideo: upload, extraBody: #"{"seed":7,"style":"noir \/ \u00e9"}"#
        )
        return [
            full,
            VideoJobPayload(kind: .generate, deploymentID: "d", modelGroup: "g"),
            VideoJobPayload(kind: .generate, deploymentID: "d", modelGroup: "g", prompt: "p", inputReference: .imageURL("https://x/y.png?a=1&b=\\")),
            VideoJobPayload(kind: .generate, deploymentID: "d", modelGroup: "g", inputReference: .fileID("file_123")),
            VideoJobPayload(kind: .delete, deploymentID: "d", modelGroup: "g", sourceVideoID: "video_1"),
            VideoJobPayload(kind: .createCharacter, deploymentID: "d", modelGroup: "g", characterName: "", characterVideo: upload),
        ]
    }

    @Test func workersReadWhatTheFrontWrites() throws {
        for payload in Self.payloads {
            #expect(try JSONDecoder().decode(VideoJobPayload.self, from: Data(payload.json.utf8)) == payload)
        }
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        for payload in Self.payloads {
            let written = try JSONSerialization.jsonObject(with: Data(payload.json.utf8)) as? NSDictionary
            let encoded = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(payload)) as? NSDictionary
            #expect(written != nil && written == encoded)
        }
    }

    @Test func everyStoredPropertyIsWritten() throws {
        let full = Self.payloads[0]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(full.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(Mirror(reflecting: full).children.compactMap(\.label)))
    }

    @Test func payloadsWrittenByJSONEncoderAreScannedToTheSameValue() throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys]
        for payload in Self.payloads {
            let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
            #expect(try VideoJobPayload.scan(json) == payload, "read without JSONDecoder")
            #expect(try VideoJobPayload(json: json) == payload)
            #expect(try VideoJobPayload.scan(String(decoding: try pretty.encode(payload), as: UTF8.self)) == payload)
        }
    }

    /// Forms another writer could produce: the result is `JSONDecoder`'s, whichever path reads it.
    @Test(arguments: [
        #"{"kind":"generate","deploymentID":"d","modelGroup":"g","characterIDs":[],"prompt":null,"inputReference":null,"future":[1,{"a":2.5}]}"#,
        #"{"kind":"generate","deploymentID":"d","modelGroup":"g","characterIDs":[],"inputReference":{"imageURL":{"_0":"u","extra":1}}}"#,
        #"{"kind":"edit","deploymentID":"d","modelGroup":"g","characterIDs":["c"],"sourceUpload":{"key":"k","contentType":"t","filename":"f","size":4.0}}"#,
        #"{"modelGroup":"g","characterIDs":[],"deploymentID":"\u0064","kind":"remix","sourceVideoID":"video_1"}"#,
    ])
    func otherValidFormsReadAsJSONDecoderReadsThem(_ json: String) throws {
        let decoded = try JSONDecoder().decode(VideoJobPayload.self, from: Data(json.utf8))
        #expect(try VideoJobPayload(json: json) == decoded)
    }

    @Test(arguments: [
        "", "{}", "[]", #"{"kind":"generate","deploymentID":"d","modelGroup":"g"}"#,
        #"{"kind":"teleport","deploymentID":"d","modelGroup":"g","characterIDs":[]}"#,
        #"{"kind":"generate","deploymentID":"d","modelGroup":"g","characterIDs":[],"inputReference":{"upload":{"_0":"not a blob"}}}"#,
        #"{"kind":"generate","deploymentID":"d","modelGroup":"g","characterIDs":[]"#,
    ])
    func invalidPayloadsThrow(_ json: String) {
        #expect(throws: (any Error).self) { try VideoJobPayload(json: json) }
    }
}
