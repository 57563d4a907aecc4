import Foundation
import ReelQueue
import Testing

@testable import ReelAPI

/// The front writes payloads without `JSONEncoder`; workers read them with `JSONDecoder`.
struct VideoJobPayloadJSONTests {
    static let blob = BlobReference(key: "uploads/j/video", contentType: "video/mp4", filename: "a \"clip\".mp4", size: 1 << 40)

    static let payloads: [VideoJobPayload] = [
        VideoJobPayload(kind: .delete, deploymentID: "d", modelGroup: "m"),
        VideoJobPayload(
            kind: .generate, deploymentID: "sim-a", modelGroup: "sora-2", prompt: "cat\non a \\ piano 🎹", seconds: "8", size: "1280x720",
            inputReference: .upload(blob), characterIDs: ["character_1", "character_2"], sourceVideoID: "video_s", sourceUpload: blob,
            characterName: "Mochi", characterVideo: blob, extraBody: #"{"seed":1}"#
        ),
        VideoJobPayload(kind: .generate, deploymentID: "d", modelGroup: "m", inputReference: .imageURL("https://x/y.png")),
        VideoJobPayload(kind: .createCharacter, deploymentID: "d", modelGroup: "m", inputReference: .fileID("file_1")),
    ]

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
        let full = Self.payloads[1]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(full.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(Mirror(reflecting: full).children.compactMap(\.label)))
    }
}
