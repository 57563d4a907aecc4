import Foundation
import Logging
import ReelHTTP
import ReelProviders
import ReelRouting
import ReelTesting
import ReelVideo
import Testing

import ReelWorker

/// The adapter each `model_list` entry gets, and the start-up error of a service account that cannot be used.
struct VideoDeploymentConfiguredTests {
    static let account = RepositoryFiles.path("Tests/fixtures/google/test-service-account.json")

    static func vertex(credentials: String) -> Deployment {
        Deployment(
            id: "vertex-a", modelGroup: "veo", provider: "vertex_ai", providerModel: "veo-3.1-generate-001",
            vertex: .init(project: "p", location: "us-central1", credentials: credentials)
        )
    }

    @Test func eachFamilyGetsItsAdapterAndCapabilities() throws {
        let transport = CurlTransport()
        let logger = Logger(label: "test")
        let openAI = try VideoDeployment.configured(
            Deployment(modelGroup: "sora-2", provider: "azure", providerModel: "sora-2", apiKey: "k"), transport: transport, logger: logger
        )
        #expect(openAI.provider is OpenAIVideoProvider<CurlTransport>)
        #expect(openAI.capabilities == .openAI)
        let gemini = try VideoDeployment.configured(
            Deployment(modelGroup: "veo", provider: "gemini", providerModel: "veo-3.1-generate-preview", apiKey: "g"), transport: transport, logger: logger
        )
        #expect(gemini.provider is VeoVideoProvider<GeminiVeoDialect, CurlTransport, ContinuousClock>)
        #expect(gemini.capabilities.variants == [.video] && gemini.model == "veo-3.1-generate-preview")
        let text = try String(contentsOfFile: Self.account, encoding: .utf8)
        let vertex = try VideoDeployment.configured(Self.vertex(credentials: text), transport: transport, logger: logger)
        #expect(vertex.provider is VeoVideoProvider<VertexVeoDialect<ContinuousClock>, CurlTransport, ContinuousClock>)
        #expect(vertex.capabilities.operations == [.create, .extend])
    }

    @Test(arguments: [
        ("not json", "vertex_credentials is not a usable service account"),
        (#"{"type": "service_account", "client_email": "a@b", "private_key": "nope", "token_uri": "https://x/token"}"#, "(field private_key)"),
        (#"{"type": "service_account", "private_key": "x", "token_uri": "https://x/token"}"#, "(field client_email)"),
    ])
    func aBrokenServiceAccountStopsStartUpNamingTheDeploymentAndField(credentials: String, detail: String) {
        #expect {
            try VideoDeployment.configured(Self.vertex(credentials: credentials), transport: CurlTransport(), logger: Logger(label: "test"))
        } throws: { error in
            let message = (error as? ConfigurationError)?.message ?? ""
            return message.hasPrefix("deployment vertex-a (veo): litellm_params.vertex_credentials") && message.contains(detail)
        }
    }
}
