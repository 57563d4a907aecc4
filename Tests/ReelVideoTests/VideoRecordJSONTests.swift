import Foundation
import Testing

import ReelQueue
import ReelVideo

/// The record's own JSON writer and reader agree with `JSONEncoder`/`JSONDecoder` in both directions, so records
/// written by any Reel version stay readable.
struct VideoRecordJSONTests {
    static let tricky = [
        "plain", "", "quote \" and backslash \\ and slash / in it", "line\nbreak\ttab\rreturn", "control \u{01}\u{08}\u{0C}\u{1F}",
        "accents: é à ü, CJK: 猫, emoji: 🐈‍⬛ 🎹", "\u{7F} delete, \u{2028} line separator",
    ]

    static var records: [VideoRecord] {
        let full = VideoRecord(
            id: "video_AgEG", object: .video, owner: "key_0123", model: "sora-2", status: .failed, progress: 100,
            createdAt: 1_700_000_000, completedAt: 1_700_000_100, expiresAt: -5, prompt: "a prompt", seconds: "8", size: "1280x720",
            remixedFromVideoID: "video_src", error: VideoError(code: "moderation_blocked", message: "Blocked."), name: "Mochi",
            deploymentID: "sim-a", providerObjectID: "video_provider", variants: ["video", "thumbnail"], deleted: true
        )
        let minimal = VideoRecord(id: "character_1", object: .character, owner: "master", model: "m", createdAt: 0, deploymentID: "d")
        let strings = tricky.map { text in
            VideoRecord(
                id: text, object: .video, owner: text, model: text, createdAt: Int64.max, prompt: text, name: text, deploymentID: text,
                variants: [text]
            )
        }
        return [full, minimal] + strings
    }

    @Test func writtenRecordsReadBackWithJSONDecoderAndTheOwnReader() throws {
        for record in Self.records {
            #expect(try JSONDecoder().decode(VideoRecord.self, from: Data(record.json.utf8)) == record)
            #expect(VideoRecord(json: record.json) == record)
            #expect(try VideoRecord.scan(record.json) == record, "read without JSONDecoder")
        }
    }

    @Test func recordsWrittenByJSONEncoderReadBack() throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys]
        for record in Self.records {
            #expect(try VideoRecord.scan(String(decoding: try JSONEncoder().encode(record), as: UTF8.self)) == record)
            #expect(VideoRecord(json: String(decoding: try pretty.encode(record), as: UTF8.self)) == record)
        }
    }

    @Test func everyStoredPropertyIsWritten() throws {
        let full = try #require(Self.records.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(full.json.utf8)) as? [String: Any])
        let properties = Set(Mirror(reflecting: full).children.compactMap(\.label))
        #expect(Set(object.keys) == properties)
    }

    /// Forms another writer could produce: the result is `JSONDecoder`'s, whichever path reads it.
    @Test(arguments: [
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"queued","progress":0,"createdAt":1,"deploymentID":"d","variants":[],"deleted":false}"#,
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"queued","progress":0,"createdAt":1,"deploymentID":"d","variants":[],"deleted":false,"completedAt":null,"prompt":null,"error":null,"future":{"a":[1,2.5e3,true,null,"x"]}}"#,
        #"{"id":"\u0076\ud83d\ude00\/","object":"video","owner":"o","model":"m","status":"in_progress","progress":40,"createdAt":-1,"deploymentID":"d","variants":["video"],"deleted":false,"error":{"code":"c","message":"m","extra":1}}"#,
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"queued","progress":40.0,"createdAt":1,"deploymentID":"d","variants":[],"deleted":false}"#,
        #" { "id" : "v" , "object" : "video" , "owner" : "o" , "model" : "m" , "status" : "queued" , "progress" : 0 , "createdAt" : 1 , "deploymentID" : "d" , "variants" : [ ] , "deleted" : false } "#,
        // Not records: a missing field, an unknown status, a wrong type, a truncated or trailing document, a bad escape.
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"queued","progress":0,"createdAt":1,"deploymentID":"d","variants":[]}"#,
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"paused","progress":0,"createdAt":1,"deploymentID":"d","variants":[],"deleted":false}"#,
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"queued","progress":"0","createdAt":1,"deploymentID":"d","variants":[],"deleted":false}"#,
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"queued","progress":0,"createdAt":1,"deploymentID":"d","variants":[],"deleted":false"#,
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"queued","progress":0,"createdAt":1,"deploymentID":"d","variants":[],"deleted":false}x"#,
        #"{"id":"\x","object":"video","owner":"o","model":"m","status":"queued","progress":0,"createdAt":1,"deploymentID":"d","variants":[],"deleted":false}"#,
        #"{"id":"v","object":"video","owner":"o","model":"m","status":"queued","progress":99999999999999999999,"createdAt":1,"deploymentID":"d","variants":[],"deleted":false}"#,
        "", "[]", "null",
    ])
    func readsAsJSONDecoderDoes(json: String) {
        #expect(VideoRecord(json: json) == (try? JSONDecoder().decode(VideoRecord.self, from: Data(json.utf8))))
    }
}
