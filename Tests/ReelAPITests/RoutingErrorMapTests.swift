import Foundation
import HTTPTypes
import ReelAPI
import ReelAPICore
import ReelConfiguration
import ReelRouting
import Testing
import ReelTesting

/// The one map from the router's refusals to the envelope, on its own and through the video routes.
struct RoutingErrorMapTests {
    @Test func everyRoutingCodeHasItsStatus() {
        let cases: [(RoutingError.Code, HTTPResponse.Status)] = [
            (.modelNotAllowed, .forbidden), (.modelNotFound, .badRequest), (.noHealthyDeployment, .tooManyRequests),
            (.pinnedDeploymentUnavailable, .tooManyRequests), (.conflictingAffinity, .badRequest), (.unknownDeployment, .notFound),
            (.unknownObject, .notFound), (.invalidBody, .badRequest), (.idTooLong, .badGateway),
        ]
        for (code, status) in cases {
            let error = APIError(routing: RoutingError(code, message: "m"), param: "characters")
            #expect(error.status == status, "\(code)")
        }
        #expect(APIError(routing: RoutingError(.unknownDeployment, message: "m"), param: "characters").param == "characters")
        #expect(APIError(routing: RoutingError(.modelNotAllowed, message: "m")).param == "model")
        #expect(APIError(routing: RoutingError(.noHealthyDeployment, message: "m", retryAfter: .seconds(7))).retryAfter == .seconds(7))
        #expect(APIError(routing: RoutingError(.pinnedDeploymentUnavailable, message: "m")).retryAfter == .seconds(1))
    }

    /// A video whose deployment was removed from the configuration can no longer be reached: a follow-up on it is
    /// a 404, not a bad request.
    @Test func aFollowUpOnAnObjectOfARemovedDeploymentIs404() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let id = try #require(try await client.json(.post, "/v1/videos", body: #"{"prompt":"x"}"#).object()["id"] as? String)
            let yaml = """
                model_list:
                  - {model_name: sora-2-pro, litellm_params: {model: openai/sora-2-pro, api_key: sk-pro}, model_info: {id: sora-pro-1}}
                  - {model_name: sora-2, litellm_params: {model: openai/sora-2, api_key: sk-new}, model_info: {id: sora-new-1}}
                reel_settings: {secrets: {id_secret: test-id-secret-0123456789}}
                """
            let configuration = try ReelConfiguration(yaml: yaml, environment: [:])
            harness.front.routing.table.replace(with: RoutingSnapshot(configuration: configuration, catalog: .default))
            let remix = try await client.json(.post, "/v1/videos/\(id)/remix", body: #"{"prompt":"again"}"#)
            #expect(remix.status == .notFound)
            #expect(try remix.envelope()["code"] as? String == "not_found")
        }
    }
}
