import Foundation
import HTTPTypes
import Hummingbird
import ReelQueue
import ReelStorage
import Testing
import ReelTesting

import ReelAPI
import ReelAPICore

/// Defects of the front found by review, each kept as a regression test.
struct FrontDefectsTests {
    @Test(arguments: ["-200000000000000d", "200000000000000d", "-9223372036854775808", "9223372036854775807s", "106751991167300d", "-1h", "0"])
    func anOutOfRangeKeyDurationIsA400(_ duration: String) async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let response = try await client.json(.post, "/key/generate", body: #"{"duration": "\#(duration)"}"#)
            #expect(response.status == .badRequest, "\(duration)")
            #expect(try response.envelope()["param"] as? String == "duration")
        }
    }

    @Test func unknownKeysCannotEvictKnownOnes() {
        let cache = KeyCache(ttl: .seconds(3600))
        let good = VirtualKey(id: "key_good", createdAt: 0, secretHash: "good")
        cache.store(good, for: "good")
        for index in 0..<25_000 { cache.store(nil, for: "unknown-\(index)") }
        #expect(cache.lookup("good") == .some(good))
    }

    @Test func theMultipartFingerprintCoversTheFileBytes() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            func character(_ byte: UInt8) async throws -> TestHTTPResponse {
                var form = Multipart()
                form.field("name", "Mossy")
                form.file("video", filename: "c.mp4", contentType: "video/mp4", [UInt8](repeating: byte, count: 64))
                return try await client.multipart("/v1/videos/characters", form, headers: [HTTPField.Name("Idempotency-Key")!: "same-key"])
            }
            #expect(try await character(1).status == .ok)
            #expect(try await character(1).status == .ok)
            let other = try await character(2)
            #expect(other.status == .conflict, "a different file under the same Idempotency-Key was taken for a replay")
            #expect(try await harness.jobCount() == 1)
        }
    }

    @Test func aProviderFileIDNobodyOwnsIsRefused() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let key = try await generateKey(client)
            var form = Multipart()
            form.field("prompt", "x")
            form.field("input_reference[file_id]", "file-of-another-tenant")
            let response = try await client.multipart("/v1/videos", key: key, form)
            #expect(response.status == .badRequest)
            #expect(try response.envelope()["param"] as? String == "input_reference")
            #expect(try await harness.jobCount() == 0)
        }
    }

    @Test func deletingAVideoDeletesItsUploads() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            var form = Multipart()
            form.field("prompt", "A cat")
            form.file("input_reference", filename: "ref.png", contentType: "image/png", Array(repeating: 7, count: 500))
            let created = try await client.multipart("/v1/videos", form)
            #expect(created.status == .ok)
            let id = try #require(try created.object()["id"] as? String)
            let job = try #require(try await harness.front.queue.jobs(owner: "master", after: nil, limit: 1, descending: true).jobs.first)
            let key = "uploads/\(job.id)/input_reference"
            #expect(try harness.front.blobs.path(for: key) != nil)

            #expect(try await client.json(.delete, "/v1/videos/\(id)").status == .ok)
            #expect(try harness.front.blobs.path(for: key) == nil, "the upload of a deleted video is still stored")
        }
    }

    // Found by Schemathesis (Tests/e2e/test_api_fuzz.py): keys of any length were stored with the job.
    @Test(arguments: [String(repeating: "k", count: 256), "", "caf\u{E9}", "tab\tinside"])
    func anIdempotencyKeyOutsidePrintableASCIIOr255BytesIsA400(_ key: String) async throws {
        let harness = try TestFront()
        try await harness.test { client in
            var headers = HTTPFields()
            headers[HTTPField.Name("Idempotency-Key")!] = key
            let response = try await client.json(.post, "/v1/videos", body: #"{"prompt": "x"}"#, headers: headers)
            #expect(response.status == .badRequest, "\(key.prefix(20))")
            #expect(try await harness.jobCount() == 0)
        }
    }

    // Found by Schemathesis: a method a route does not take was answered 404 (or 400) instead of 405.
    @Test func aMethodTheRouteDoesNotTakeIsA405WithAllow() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            for (method, path, allowed) in [
                (HTTPRequest.Method.put, "/v1/videos", "GET, POST"), (.trace, "/videos/video_1", "DELETE, GET"),
                (.get, "/v1/videos/characters", "POST"), (.patch, "/key/generate", "POST"),
            ] {
                let response = try await client.execute(uri: path, method: method, headers: [.authorization: "Bearer \(TestFront.masterKey)"])
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allowed, "\(method) \(path)")
                #expect(try response.envelope()["code"] as? String == "method_not_allowed")
            }
            #expect(try await client.json(.get, "/v1/nowhere").status == .notFound)
        }
    }
}
