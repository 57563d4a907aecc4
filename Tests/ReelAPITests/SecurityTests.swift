import Foundation
import Hummingbird
import NIOCore
import ReelAPI
import ReelAPICore
import ReelTesting
import HTTPTypes
import ReelQueue
import ReelRouting
import ReelStorage
import Testing
import ReelTime

struct SecurityTests {
    @Test func missingOrWrongKeyIs401() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let none = try await client.json(.get, "/v1/videos", key: nil)
            #expect(none.status == .unauthorized)
            #expect(try none.envelope()["code"] as? String == "invalid_api_key")
            #expect(try await client.json(.get, "/v1/videos", key: "sk-wrong").status == .unauthorized)
            #expect(try await client.json(.post, "/videos", key: "sk-wrong", body: #"{"prompt":"x"}"#).status == .unauthorized)
            #expect(try await client.json(.post, "/key/generate", key: nil, body: "{}").status == .unauthorized)
            #expect(try await harness.jobCount() == 0)
        }
    }

    @Test func keyLimitedToOpenAIModelsIsRefusedOtherProviders() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let key = try await generateKey(client, #"{"models":["openai/*"]}"#)
            let allowed = try await client.json(.post, "/v1/videos", key: key, body: #"{"prompt":"x","model":"sora-2"}"#)
            #expect(allowed.status == .ok)
            let refused = try await client.json(.post, "/v1/videos", key: key, body: #"{"prompt":"x","model":"vertex_ai/veo-3"}"#)
            #expect(refused.status == .forbidden)
            let message = try #require(try refused.envelope()["message"] as? String)
            #expect(message.contains("openai/*") && message.contains("vertex_ai/veo-3"))
            let exact = try await generateKey(client, #"{"models":["sora-2-pro"]}"#)
            #expect(try await client.json(.post, "/v1/videos", key: exact, body: #"{"prompt":"x","model":"sora-2"}"#).status == .forbidden)
            #expect(try await client.json(.post, "/v1/videos", key: exact, body: #"{"prompt":"x","model":"sora-2-pro"}"#).status == .ok)
            // Admin routes are the master key's.
            #expect(try await client.json(.post, "/key/generate", key: key, body: "{}").status == .forbidden)
        }
    }

    @Test func forgedTruncatedAndForeignIDsAre404() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let id = try #require(try await client.json(.post, "/v1/videos", body: #"{"prompt":"mine"}"#).object()["id"] as? String)
            var flipped = Array(id)
            flipped[12] = flipped[12] == "A" ? "B" : "A"
            let foreign = try TestFront.routing(idSecret: "another-secret-0123456789").codec
                .mint(ManagedID(kind: .video, provider: "openai", deploymentID: "sora-eu-1", modelGroup: "sora-2", objectID: "0123"))
            for bad in [String(flipped), String(id.dropLast(3)), "video_", "video_!!!", "character_abc", foreign, "video_" + String(repeating: "A", count: 400)] {
                let response = try await client.json(.get, "/v1/videos/\(bad)")
                #expect(response.status == .notFound, "\(bad)")
                _ = try response.envelope()
                #expect(try await client.json(.delete, "/v1/videos/\(bad)").status == .notFound)
                #expect(try await client.json(.post, "/v1/videos/\(bad)/remix", body: #"{"prompt":"x"}"#).status == .notFound)
            }
        }
    }

    @Test func keyACannotTouchKeyBsObjects() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let a = try await generateKey(client)
            let b = try await generateKey(client)
            let video = try #require(try await client.json(.post, "/v1/videos", key: b, body: #"{"prompt":"b's"}"#).object()["id"] as? String)
            var form = Multipart()
            form.field("name", "Bee")
            form.file("video", filename: "c.mp4", contentType: "video/mp4", [1, 2, 3])
            let character = try #require(try await client.multipart("/v1/videos/characters", key: b, form).object()["id"] as? String)
            let before = try await harness.jobCount()
            #expect(try await client.json(.get, "/v1/videos/\(video)", key: a).status == .notFound)
            #expect(try await client.json(.get, "/v1/videos/\(video)/content", key: a).status == .notFound)
            #expect(try await client.json(.delete, "/v1/videos/\(video)", key: a).status == .notFound)
            #expect(try await client.json(.post, "/v1/videos/\(video)/remix", key: a, body: #"{"prompt":"x"}"#).status == .notFound)
            #expect(try await client.json(.post, "/v1/videos/edits", key: a, body: #"{"video":{"id":"\#(video)"},"prompt":"x"}"#).status == .notFound)
            #expect(
                try await client.json(.post, "/v1/videos/extensions", key: a, body: #"{"video":{"id":"\#(video)"},"prompt":"x","seconds":"8"}"#).status
                    == .notFound
            )
            #expect(try await client.json(.get, "/v1/videos/characters/\(character)", key: a).status == .notFound)
            #expect(try await client.json(.post, "/v1/videos", key: a, body: #"{"prompt":"x","characters":[{"id":"\#(character)"}]}"#).status == .notFound)
            let list = try await client.json(.get, "/v1/videos", key: a).object()
            #expect((list["data"] as? [Any])?.isEmpty == true)
            #expect(try await harness.jobCount() == before)
            #expect(try await client.json(.get, "/v1/videos/\(video)", key: b).status == .ok)
        }
    }

    @Test func rateAndInflightCapsAnswer429WithRetryAfter() async throws {
        // The key store's minute stands still, so the three requests cannot straddle two minutes.
        let harness = try TestFront(keyClock: WallClock { 1_700_000_030_000 })
        try await harness.test { client in
            let limited = try await generateKey(client, #"{"rpm_limit":2}"#)
            for _ in 0..<2 { #expect(try await client.json(.post, "/v1/videos", key: limited, body: #"{"prompt":"x"}"#).status == .ok) }
            let refused = try await client.json(.post, "/v1/videos", key: limited, body: #"{"prompt":"x"}"#)
            #expect(refused.status == .tooManyRequests)
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...120).contains(retryAfter))

            let capped = try await generateKey(client, #"{"max_inflight_jobs":1}"#)
            #expect(try await client.json(.post, "/v1/videos", key: capped, body: #"{"prompt":"x"}"#).status == .ok)
            let busy = try await client.json(.post, "/v1/videos", key: capped, body: #"{"prompt":"y"}"#)
            #expect(busy.status == .tooManyRequests && busy.headers[.retryAfter] != nil)
        }
    }

    @Test func queueCapacityAnswers429() async throws {
        let clock = ManualClock()
        let harness = try TestFront(options: APIOptions(maxQueuedJobs: 2), clock: IntervalClock(clock))
        try await harness.test { client in
            for _ in 0..<2 { #expect(try await client.json(.post, "/v1/videos", body: #"{"prompt":"x"}"#).status == .ok) }
            // The depth read before the two jobs is reused for 250 ms.
            clock.advance(by: .milliseconds(300))
            let full = try await client.json(.post, "/v1/videos", body: #"{"prompt":"x"}"#)
            #expect(full.status == .tooManyRequests)
            #expect(try full.envelope()["type"] as? String == "rate_limit_error")
        }
    }

    @Test func keyAdministration() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let generated = try await client.json(.post, "/key/generate", body: #"{"models":["openai/*"],"rpm_limit":60,"duration":"1h","key_alias":"ci"}"#)
            let object = try generated.object()
            let secret = try #require(object["key"] as? String)
            let id = try #require(object["key_id"] as? String)
            let stored = try #require(try await harness.front.keys.key(id: id))
            #expect(stored.secretHash != secret && !stored.secretHash.contains(secret))
            #expect(stored.expiresAt != nil && stored.rpmLimit == 60)
            #expect(object["key_alias"] as? String == "ci" && object["rpm_limit"] as? Int == 60 && object["expires"] is Int)
            let info = try await client.json(.get, "/key/info?key=\(secret)").object()
            let settings = try #require(info["info"] as? [String: Any])
            #expect(settings["models"] as? [String] == ["openai/*"])
            // The generated key shows the settings `/key/info` shows, and its secret once.
            #expect(Set(object.keys) == Set(settings.keys).union(["key"]))
            #expect(object["created_at"] as? Int == settings["created_at"] as? Int)
            #expect(try await client.json(.get, "/v1/videos", key: secret).status == .ok)
            let deleted = try await client.json(.post, "/key/delete", body: #"{"keys":["\#(secret)"]}"#)
            #expect(deleted.status == .ok)
            #expect(try await client.json(.get, "/v1/videos", key: secret).status == .unauthorized)
        }
    }

    @Test(arguments: [
        (VirtualKeySpec(rpmLimit: 0), "rpm_limit"), (VirtualKeySpec(maxInflightJobs: -1), "max_inflight_jobs"),
        (VirtualKeySpec(durationSeconds: 0), "duration"), (VirtualKeySpec(durationSeconds: .max), "duration"),
    ])
    func aKeyNoRequestCouldUseIsNotMade(spec: VirtualKeySpec, param: String) async throws {
        let store = MemoryVirtualKeyStore()
        await #expect { _ = try await store.create(spec) } throws: { ($0 as? APIError)?.param == param }
        #expect(try await store.list().isEmpty)
    }
}
