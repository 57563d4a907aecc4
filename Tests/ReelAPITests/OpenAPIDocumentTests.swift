import Foundation
import HTTPTypes
import Hummingbird
import Prometheus
import ReelQueue
import ReelConfiguration
import ReelRouting
import Testing
import ReelTesting
import ReelPassthrough

import ReelAPI

/// The OpenAPI document served at `/openapi.json` and kept in `docs/openapi.json` names every route the router
/// has (and no other), and the answers of the routes have the shapes its schemas say.
struct OpenAPIDocumentTests {
    static let repositoryRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ReelAPITests/OpenAPIDocumentTests.swift
        return parts.joined(separator: "/")
    }()

    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    }

    /// `METHOD /path/{param}` of every operation of the document.
    static func documentedRoutes() throws -> Set<String> {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    @Test func theDocumentInDocsIsTheOneServed() throws {
        let kept = try Data(contentsOf: URL(fileURLWithPath: Self.repositoryRoot + "/docs/openapi.json"))
        let served = Data(OpenAPIDocument.json.utf8)
        #expect(
            try JSONSerialization.jsonObject(with: kept) as? NSDictionary == JSONSerialization.jsonObject(with: served) as? NSDictionary,
            "docs/openapi.json and OpenAPIDocument.json differ: run scripts/openapi-embed"
        )
    }

    @Test func everyRouteOfTheRouterIsDocumentedAndNoOther() throws {
        let harness = try TestFront()
        let passthrough = try PassthroughFront(
            table: harness.front.routing.table,
            secrets: .init(idSecret: "test-id-secret-0123456789", realtimeSecret: "test-realtime-secret-0123456789"),
            routerState: nil
        )
        let router = buildRouter(
            front: harness.front, registry: PrometheusCollectorRegistry(), reloadCatalog: { 0 }, passthrough: passthrough
        )
        let registered = Set(
            router.routes.map { route in
                let path = route.path.description.split(separator: "/").map { segment in
                    segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
                }.joined(separator: "/")
                return "\(route.method.rawValue) /\(path)"
            }
        )
        let documented = try Self.documentedRoutes()
        #expect(registered.subtracting(documented).sorted() == [], "routes missing from the document")
        #expect(documented.subtracting(registered).sorted() == [], "documented routes the router does not have")
    }

    /// The schema of `status`'s JSON answer of the operation `method path`.
    static func responseSchema(_ method: String, _ path: String, status: Int) throws -> [String: Any] {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        let operation = try #require(paths[path]?[method.lowercased()] as? [String: Any], "\(method) \(path) not documented")
        let responses = try #require(operation["responses"] as? [String: Any])
        let response = try #require(responses[String(status)] as? [String: Any], "\(method) \(path) documents no \(status)")
        let content = try #require(response["content"] as? [String: Any])
        let json = try #require(content["application/json"] as? [String: Any])
        return try #require(json["schema"] as? [String: Any])
    }

    static func expectConforms(_ response: TestHTTPResponse, _ method: String, _ path: String) throws {
        let schema = try responseSchema(method, path, status: Int(response.status.code))
        let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView), options: [.fragmentsAllowed])
        let problems = SchemaValidator(document: try document()).problems(value, schema)
        #expect(problems == [], "\(method) \(path) → \(response.status.code): \(String(buffer: response.body))")
    }

    @Test func answersHaveTheDocumentedShapes() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let created = try await client.json(.post, "/v1/videos", body: #"{"prompt": "a cat", "seconds": "8"}"#)
            try Self.expectConforms(created, "POST", "/v1/videos")
            let id = try #require(try created.object()["id"] as? String)
            try Self.expectConforms(try await client.json(.get, "/v1/videos/\(id)"), "GET", "/v1/videos/{id}")
            try Self.expectConforms(try await client.json(.get, "/videos?limit=5"), "GET", "/videos")
            try Self.expectConforms(try await client.json(.get, "/v1/videos/video_nope"), "GET", "/v1/videos/{id}")
            try Self.expectConforms(try await client.json(.post, "/v1/videos", body: #"{"seconds": "8"}"#), "POST", "/v1/videos")
            try Self.expectConforms(try await client.json(.get, "/v1/videos", key: "sk-wrong"), "GET", "/v1/videos")

            var form = Multipart()
            form.field("name", "Mossy")
            form.file("video", filename: "c.mp4", contentType: "video/mp4", [1, 2, 3])
            let character = try await client.multipart("/v1/videos/characters", form)
            try Self.expectConforms(character, "POST", "/v1/videos/characters")
            let characterID = try #require(try character.object()["id"] as? String)
            try Self.expectConforms(try await client.json(.get, "/v1/videos/characters/\(characterID)"), "GET", "/v1/videos/characters/{id}")

            let key = try await client.json(.post, "/key/generate", body: #"{"key_alias": "a", "rpm_limit": 5}"#)
            try Self.expectConforms(key, "POST", "/key/generate")
            let keyID = try #require(try key.object()["key_id"] as? String)
            try Self.expectConforms(try await client.json(.get, "/key/info?key=\(keyID)"), "GET", "/key/info")
            try Self.expectConforms(try await client.json(.post, "/key/delete", body: #"{"keys": ["\#(keyID)"]}"#), "POST", "/key/delete")

            try Self.expectConforms(try await client.json(.delete, "/v1/videos/\(id)"), "DELETE", "/v1/videos/{id}")
            try Self.expectConforms(try await client.json(.get, "/health/liveness", key: nil), "GET", "/health/liveness")
            try Self.expectConforms(try await client.json(.get, "/health/readiness", key: nil), "GET", "/health/readiness")
            let spec = try await client.json(.get, "/openapi.json", key: nil)
            #expect(spec.status == .ok)
            #expect(try JSONSerialization.jsonObject(with: Data(spec.body.readableBytesView)) as? NSDictionary == (try Self.document()) as NSDictionary)
        }
    }

    @Test func theValidatorRejectsADriftedShape() throws {
        let validator = SchemaValidator(document: try Self.document())
        let video = try #require(validator.resolve("#/components/schemas/Video"))
        var drifted: [String: Any] = [
            "id": "video_1", "object": "video", "model": "sora-2", "status": "queued", "progress": 0, "created_at": 1,
            "completed_at": NSNull(), "expires_at": NSNull(), "prompt": "x", "seconds": "4", "size": "720x1280",
            "remixed_from_video_id": NSNull(), "error": NSNull(),
        ]
        #expect(validator.problems(drifted, video) == [])
        drifted["progress"] = "0"
        drifted["extra"] = true
        drifted.removeValue(forKey: "size")
        #expect(validator.problems(drifted, video).count == 3)
    }
}
