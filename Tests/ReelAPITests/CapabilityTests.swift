import Foundation
import HTTPTypes
import NIOCore
import ReelAPI
import ReelQueue
import ReelRouting
import Testing
import ReelTesting

/// The front checks a request against what the model's deployments can do before anything is enqueued: a Veo-only
/// group refuses remixes, characters and `seconds` Veo does not render with a 400 naming what it accepts; a group
/// of both families sends each request to a deployment that can serve it.
struct CapabilityTests {
    static let models = """
          - {model_name: veo, litellm_params: {model: gemini/veo-3.1-generate-preview, api_key: g-1}, model_info: {id: veo-1}}
          - {model_name: veo, litellm_params: {model: gemini/veo-3.1-generate-preview, api_key: g-2}, model_info: {id: veo-2}}
          - {model_name: mixed, litellm_params: {model: openai/sora-2, api_key: sk-mixed}, model_info: {id: mixed-openai}}
          - {model_name: mixed, litellm_params: {model: gemini/veo-3.1-generate-preview, api_key: g-mixed}, model_info: {id: mixed-veo}}

        """

    static func deploymentID(_ test: TestFront, of videoID: String) throws -> String {
        try #require(test.front.routing.codec.decode(videoID, as: .video)).deploymentID
    }

    static func create(_ client: TestHTTPClient, _ body: String) async throws -> String {
        let response = try await client.json(.post, "/v1/videos", body: body)
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return try #require(try response.object()["id"] as? String)
    }

    @Test func secondsVeoDoesNotRenderAre400NamingWhatItTakesAndNothingIsEnqueued() async throws {
        let test = try TestFront(moreModels: Self.models)
        try await test.test { client in
            let response = try await client.json(.post, "/v1/videos", body: #"{"prompt":"x","model":"veo","seconds":"12"}"#)
            #expect(response.status == .badRequest)
            let error = try response.envelope()
            #expect(error["code"] as? String == "invalid_value")
            #expect(error["param"] as? String == "seconds")
            #expect(error["message"] as? String == "Invalid value: '12'. Supported values are: '4', '6', '8'.")
            let size = try await client.json(.post, "/v1/videos", body: #"{"prompt":"x","model":"veo","size":"1792x1024"}"#)
            #expect(try size.envelope()["param"] as? String == "size")
            #expect(try await test.jobCount() == 0)
        }
    }

    @Test func veoTakesItsOwnSecondsAndDefaults() async throws {
        let test = try TestFront(moreModels: Self.models)
        try await test.test { client in
            let six = try await client.json(.post, "/v1/videos", body: #"{"prompt":"x","model":"veo","seconds":"6","size":"1920x1080"}"#)
            #expect(six.status == .ok)
            #expect(try six.object()["seconds"] as? String == "6")
            let plain = try await client.json(.post, "/v1/videos", body: #"{"prompt":"x","model":"veo"}"#)
            #expect(try plain.object()["seconds"] as? String == "4")
            #expect(try await test.jobCount() == 2)
        }
    }

    @Test func remixesAndCharactersOfAVeoOnlyGroupAre400UnsupportedOperation() async throws {
        let test = try TestFront(moreModels: Self.models)
        try await test.test { client in
            let video = try await Self.create(client, #"{"prompt":"x","model":"veo"}"#)
            let before = try await test.front.queue.stats().counts
            let remix = try await client.json(.post, "/v1/videos/\(video)/remix", body: #"{"prompt":"at night"}"#)
            #expect(remix.status == .badRequest)
            let error = try remix.envelope()
            #expect(error["code"] as? String == "unsupported_operation")
            #expect(error["message"] as? String == "This model does not support remix; it supports: create, extend.")
            let edit = try await client.json(.post, "/v1/videos/edits", body: #"{"prompt":"x","video":{"id":"\#(video)"}}"#)
            #expect(try edit.envelope()["code"] as? String == "unsupported_operation")

            var form = Multipart()
            form.field("name", "Mossy")
            form.field("model", "veo")
            form.file("video", filename: "clip.mp4", contentType: "video/mp4", Array(repeating: 0, count: 64))
            let character = try await client.multipart("/v1/videos/characters", form)
            #expect(character.status == .badRequest)
            #expect(try character.envelope()["code"] as? String == "unsupported_operation")
            #expect(try await test.front.queue.stats().counts == before, "nothing enqueued")
        }
    }

    @Test func extensionsOfAVeoVideoTakeVeosLengthAndStayOnItsDeployment() async throws {
        let test = try TestFront(moreModels: Self.models)
        try await test.test { client in
            let video = try await Self.create(client, #"{"prompt":"x","model":"veo"}"#)
            let owner = try Self.deploymentID(test, of: video)
            let wrong = try await client.json(.post, "/v1/videos/extensions", body: #"{"prompt":"on","seconds":"8","video":{"id":"\#(video)"}}"#)
            #expect(try wrong.envelope()["message"] as? String == "Invalid value: '8'. Supported values are: '7'.")
            for _ in 0..<10 {
                let response = try await client.json(.post, "/v1/videos/extensions", body: #"{"prompt":"on","seconds":"7","video":{"id":"\#(video)"}}"#)
                #expect(response.status == .ok)
                #expect(try Self.deploymentID(test, of: try #require(try response.object()["id"] as? String)) == owner)
            }
        }
    }

    @Test func aMixedGroupSendsEachRequestWhereItCanBeServed() async throws {
        let test = try TestFront(moreModels: Self.models)
        try await test.test { client in
            for _ in 0..<10 {
                let twelve = try await Self.create(client, #"{"prompt":"x","model":"mixed","seconds":"12"}"#)
                #expect(try Self.deploymentID(test, of: twelve) == "mixed-openai")
                let six = try await Self.create(client, #"{"prompt":"x","model":"mixed","seconds":"6"}"#)
                #expect(try Self.deploymentID(test, of: six) == "mixed-veo")
            }
            // Remixes reach only the OpenAI-shaped deployment: a video Veo made cannot be remixed.
            let sora = try await Self.create(client, #"{"prompt":"x","model":"mixed","seconds":"12"}"#)
            let remix = try await client.json(.post, "/v1/videos/\(sora)/remix", body: #"{"prompt":"at night"}"#)
            #expect(remix.status == .ok)
            #expect(try Self.deploymentID(test, of: try #require(try remix.object()["id"] as? String)) == "mixed-openai")
            let veo = try await Self.create(client, #"{"prompt":"x","model":"mixed","seconds":"6"}"#)
            let refused = try await client.json(.post, "/v1/videos/\(veo)/remix", body: #"{"prompt":"at night"}"#)
            #expect(try refused.envelope()["code"] as? String == "unsupported_operation")
            let both = try await client.json(.post, "/v1/videos", body: #"{"prompt":"x","model":"mixed","seconds":"5"}"#)
            #expect(try both.envelope()["message"] as? String == "Invalid value: '5'. Supported values are: '4', '8', '12', '6'.")
        }
    }

    @Test func aVariantVeoDoesNotProduceIs404WithItsOwnCode() async throws {
        let test = try TestFront(moreModels: Self.models)
        try await test.test { client in
            let video = try await Self.create(client, #"{"prompt":"x","model":"veo"}"#)
            for variant in ["thumbnail", "spritesheet"] {
                let response = try await client.json(.get, "/v1/videos/\(video)/content?variant=\(variant)")
                #expect(response.status == .notFound)
                let error = try response.envelope()
                #expect(error["code"] as? String == "unsupported_variant")
                #expect((error["message"] as? String)?.contains("produces only video") == true)
            }
            let notReady = try await client.json(.get, "/v1/videos/\(video)/content")
            #expect(notReady.status == .badRequest, "the video variant exists; it is not ready yet")
        }
    }
}
