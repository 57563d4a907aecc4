import Foundation
import Hummingbird
import NIOCore
import ReelAPI
import HTTPTypes
import Testing
import ReelTesting

struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var path = "/v1/videos"
        var contentType: String? = "application/json"
        var body: String
        var status: HTTPResponse.Status
        var param: String?
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "invalid JSON", body: #"{"prompt": "x""#, status: .badRequest),
        Case(name: "JSON that is not an object", body: #"["prompt"]"#, status: .badRequest),
        Case(name: "prompt of the wrong type", body: #"{"prompt": 42}"#, status: .badRequest, param: "prompt"),
        Case(name: "seconds as a number", body: #"{"prompt":"x","seconds":8}"#, status: .badRequest, param: "seconds"),
        Case(name: "missing prompt", body: #"{"model":"sora-2"}"#, status: .badRequest, param: "prompt"),
        Case(name: "empty prompt", body: #"{"prompt":""}"#, status: .badRequest, param: "prompt"),
        Case(name: "bad seconds", body: #"{"prompt":"x","seconds":"7"}"#, status: .badRequest, param: "seconds"),
        Case(name: "16 seconds outside extensions", body: #"{"prompt":"x","seconds":"16"}"#, status: .badRequest, param: "seconds"),
        Case(name: "bad size", body: #"{"prompt":"x","size":"1920x1080"}"#, status: .badRequest, param: "size"),
        Case(name: "unknown model", body: #"{"prompt":"x","model":"nope-1"}"#, status: .badRequest, param: "model"),
        Case(name: "characters not an array", body: #"{"prompt":"x","characters":"c"}"#, status: .badRequest, param: "characters"),
        Case(name: "three characters", body: #"{"prompt":"x","characters":[{"id":"a"},{"id":"b"},{"id":"c"}]}"#, status: .badRequest, param: "characters"),
        Case(name: "unknown character", body: #"{"prompt":"x","characters":[{"id":"character_abc"}]}"#, status: .notFound),
        Case(name: "wrong content type", contentType: "text/plain", body: "prompt=x", status: .unsupportedMediaType),
        Case(name: "no content type", contentType: nil, body: #"{"prompt":"x"}"#, status: .unsupportedMediaType),
        Case(name: "form-urlencoded", contentType: "application/x-www-form-urlencoded", body: "prompt=x", status: .unsupportedMediaType),
        Case(name: "multipart without boundary", contentType: "multipart/form-data", body: "--x--", status: .badRequest),
        Case(
            name: "broken multipart boundary", contentType: "multipart/form-data; boundary=right",
            body: "--wrong\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nx\r\n--wrong--\r\n", status: .badRequest
        ),
        Case(
            name: "truncated multipart", contentType: "multipart/form-data; boundary=b",
            body: "--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nx", status: .badRequest
        ),
        Case(name: "extension with 24 seconds", path: "/v1/videos/extensions", body: #"{"prompt":"x","seconds":"24","video":{"id":"video_x"}}"#, status: .badRequest, param: "seconds"),
        Case(name: "edit without video", path: "/v1/videos/edits", body: #"{"prompt":"x"}"#, status: .badRequest, param: "video"),
        Case(name: "edit with video of the wrong type", path: "/v1/videos/edits", body: #"{"prompt":"x","video":"v"}"#, status: .badRequest, param: "video"),
        Case(name: "edit with video without id", path: "/v1/videos/edits", body: #"{"prompt":"x","video":{}}"#, status: .badRequest, param: "video.id"),
        Case(name: "list limit 0", path: "/v1/videos?limit=0", body: "", status: .badRequest, param: "limit"),
        // Expiry arithmetic must not overflow: these used to stop the process.
        Case(name: "key duration overflowing with its unit", path: "/key/generate", body: #"{"duration":"999999999999999d"}"#, status: .badRequest, param: "duration"),
        Case(name: "key duration overflowing the expiry", path: "/key/generate", body: #"{"duration":"9223372036854775807"}"#, status: .badRequest, param: "duration"),
        Case(name: "key duration over 100 years", path: "/key/generate", body: #"{"duration":"36501d"}"#, status: .badRequest, param: "duration"),
        Case(name: "negative key duration", path: "/key/generate", body: #"{"duration":"-5"}"#, status: .badRequest, param: "duration"),
    ]

    @Test(arguments: cases)
    func isAClear4xxAndEnqueuesNothing(_ testCase: Case) async throws {
        let harness = try TestFront()
        try await harness.test { client in
            var headers: HTTPFields = [.authorization: "Bearer \(TestFront.masterKey)"]
            if let type = testCase.contentType { headers[.contentType] = type }
            let method: HTTPRequest.Method = testCase.path.contains("limit=") ? .get : .post
            let response = try await client.execute(uri: testCase.path, method: method, headers: headers, body: ByteBuffer(string: testCase.body))
            #expect(response.status == testCase.status)
            let error = try response.envelope()
            if let param = testCase.param { #expect(error["param"] as? String == param) }
            #expect(try await harness.jobCount() == 0)
        }
    }

    @Test func characterNameOf81CharactersIsRefused() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            for (name, status) in [(String(repeating: "n", count: 81), HTTPResponse.Status.badRequest), (String(repeating: "n", count: 80), .ok)] {
                var form = Multipart()
                form.field("name", name)
                form.file("video", filename: "c.mp4", contentType: "video/mp4", [1, 2, 3])
                let response = try await client.multipart("/v1/videos/characters", form)
                #expect(response.status == status)
            }
            #expect(try await harness.jobCount() == 1)
        }
    }

    @Test func emptyOversizedAndMistypedUploadsAreRefused() async throws {
        let harness = try TestFront(options: APIOptions(maxUploadBytes: 10_000))
        try await harness.test { client in
            func upload(_ bytes: [UInt8], type: String, filename: String = "c.mp4") async throws -> TestHTTPResponse {
                var form = Multipart()
                form.field("name", "Mossy")
                form.file("video", filename: filename, contentType: type, bytes)
                return try await client.multipart("/v1/videos/characters", form)
            }
            let empty = try await upload([], type: "video/mp4")
            #expect(empty.status == .badRequest)
            #expect((try empty.envelope()["message"] as? String)?.contains("empty") == true)
            let big = try await upload(Array(repeating: 1, count: 10_001), type: "video/mp4")
            #expect(big.status == .contentTooLarge)
            _ = try big.envelope()
            let mistyped = try await upload([1, 2, 3], type: "text/plain")
            #expect(mistyped.status == .unsupportedMediaType)
            let image = try await upload([1, 2, 3], type: "image/png", filename: "c.png")
            #expect(image.status == .unsupportedMediaType)
            #expect(try await upload([1, 2, 3], type: "application/octet-stream").status == .ok)
            #expect(try await harness.jobCount() == 1)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: harness.directory + "/.tmp")
            #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        }
    }
}
