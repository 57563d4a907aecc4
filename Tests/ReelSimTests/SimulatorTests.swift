import Foundation
import HTTPTypes
import NIOCore
import Testing
import ReelTesting

import ReelSim

/// The simulator in-process, over real HTTP on loopback, as the tests of other modules use it.
struct SimulatorTests {
    static let key = "sk-sim-tests"
    static let headers: HTTPFields = [.authorization: "Bearer \(key)", .contentType: "application/json"]

    func withClient<Value: Sendable>(
        _ configuration: SimConfiguration = .init(port: 0, renderSeconds: 0),
        _ body: @escaping @Sendable (TestHTTPClient, Simulator) async throws -> Value
    ) async throws -> Value {
        try await withSimulator(configuration: configuration) { sim in
            try await TestHTTPClient.withClient(port: sim.port) { client in
                try await body(client, sim.simulator)
            }
        }
    }

    func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    @Test(arguments: [
        ("Bearer sk-sim-tests", nil),
        ("bearer   sk-sim-tests  ", nil),
        ("Basic sk-sim-tests", "invalid_api_key"),
        ("Bearer", "invalid_api_key"),
        ("Bearer not-a-key", "invalid_api_key"),
    ] as [(String, String?)])
    func authorizationForms(authorization: String, refusal: String?) async throws {
        try await withClient { client, _ in
            let response = try await client.get("/v1/videos", headers: [.authorization: authorization])
            guard let refusal else {
                #expect(response.status == .ok)
                return
            }
            #expect(response.status == .unauthorized)
            let error = try #require(try json(response.body)["error"] as? [String: Any])
            #expect((error["code"] as? String ?? "missing") == refusal)
        }
    }

    @Test func createRetrieveAndCount() async throws {
        try await withClient { client, simulator in
            let created = try await client.post(
                "/v1/videos", headers: Self.headers, body: ByteBuffer(string: #"{"prompt":"a fox","seconds":8}"#)
            )
            #expect(created.status == .ok)
            #expect(created.headers[HTTPField.Name("x-request-id")!]?.hasPrefix("req_") == true)
            let video = try json(created.body)
            #expect(video["status"] as? String == "queued")
            #expect(video["seconds"] as? String == "8")
            #expect(video["completed_at"] is NSNull)
            let everyKey: Set = [
                "id", "object", "model", "status", "progress", "created_at", "completed_at", "expires_at", "prompt", "seconds", "size",
                "remixed_from_video_id", "error",
            ]
            #expect(Set(video.keys) == everyKey)
            #expect(video["prompt"] as? String == "a fox")
            let id = try #require(video["id"] as? String)

            let retrieved = try json(try await client.get("/videos/\(id)", headers: Self.headers).body)
            #expect(retrieved["status"] as? String == "completed")
            #expect(retrieved["progress"] as? Int == 100)

            let stats = simulator.stats
            #expect(stats.keys[Self.key]?.routes == ["POST /videos": 1, "GET /videos/{id}": 1])
            #expect(stats.videosCreated == 1)
        }
    }

    @Test func queuedFaultsHitTheNextRequestsInOrder() async throws {
        try await withClient(.init(port: 0, renderSeconds: 0, retryAfterSeconds: 3)) { client, simulator in
            simulator.injectFaults([.rateLimit, .serverError])
            let limited = try await client.get("/v1/videos", headers: Self.headers)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "3")
            let error = try #require(try json(limited.body)["error"] as? [String: Any])
            #expect(error["code"] as? String == "rate_limit_exceeded")
            #expect(try await client.get("/v1/videos", headers: Self.headers).status == .internalServerError)
            #expect(try await client.get("/v1/videos", headers: Self.headers).status == .ok)
            #expect(simulator.stats.faults == ["rate_limit": 1, "server_error": 1])
        }
    }

    @Test func objectsBelongToTheKeyThatCreatedThem() async throws {
        try await withClient { client, _ in
            let created = try json(
                try await client.post("/v1/videos", headers: Self.headers, body: ByteBuffer(string: #"{"prompt":"mine"}"#)).body
            )
            let id = try #require(created["id"] as? String)
            let other: HTTPFields = [.authorization: "Bearer sk-someone-else"]
            #expect(try await client.get("/v1/videos/\(id)", headers: other).status == .notFound)
            #expect(try await client.get("/v1/videos/\(id)/content", headers: other).status == .notFound)
        }
    }

    @Test func largeVideoIsPaddedWithAFreeBoxAndStreamed() async throws {
        let size = 20 << 20
        try await withClient(.init(port: 0, renderSeconds: 0, videoBytes: size)) { client, _ in
            let created = try json(
                try await client.post("/v1/videos", headers: Self.headers, body: ByteBuffer(string: #"{"prompt":"big"}"#)).body
            )
            let id = try #require(created["id"] as? String)
            let content = try await client.get("/v1/videos/\(id)/content", headers: Self.headers)
            #expect(content.status == .ok)
            #expect(content.headers[.contentType] == "video/mp4")
            let body = content.body
            #expect(body.readableBytes == size)
            let clip = SimMedia.clipMP4
            #expect(body.getSlice(at: 0, length: clip.readableBytes) == clip)
            let box = clip.readableBytes
            #expect(body.getInteger(at: box, as: UInt32.self) == UInt32(size - box))
            #expect(body.getString(at: box + 4, length: 4) == "free")
        }
    }

    @Test func multipartUploadIsCountedNotKept() async throws {
        try await withClient { client, simulator in
            let boundary = "sim-test-boundary"
            var body = ByteBuffer()
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMossy\r\n")
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"video\"; filename=\"big.mp4\"\r\n")
            body.writeString("Content-Type: video/mp4\r\n\r\n")
            var clip = SimMedia.clipMP4
            body.writeBuffer(&clip)
            for _ in 0..<20 {
                body.writeRepeatingByte(0, count: 1 << 20)
                body.writeString("\r\n--sim-test-bound")  // a partial boundary inside the file
            }
            body.writeString("\r\n--\(boundary)--\r\n")
            var headers = Self.headers
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            let response = try await client.post("/v1/videos/characters", headers: headers, body: body)
            #expect(response.status == .ok)
            let character = try json(response.body)
            #expect(character["name"] as? String == "Mossy")
            #expect((character["id"] as? String)?.hasPrefix("char_") == true)
            #expect(simulator.stats.charactersCreated == 1)
        }
    }

    @Test func badBodiesAreClearErrors() async throws {
        try await withClient { client, _ in
            let broken = try await client.post("/v1/videos", headers: Self.headers, body: ByteBuffer(string: "{not json"))
            #expect(broken.status == .badRequest)
            var headers = Self.headers
            headers[.contentType] = "multipart/form-data; boundary=x"
            let garbage = try await client.post("/v1/videos", headers: headers, body: ByteBuffer(string: "no parts here"))
            #expect(garbage.status == .badRequest)
            headers[.contentType] = "text/plain"
            #expect(try await client.post("/v1/videos", headers: headers, body: ByteBuffer(string: "hi")).status == .badRequest)
        }
    }
}
