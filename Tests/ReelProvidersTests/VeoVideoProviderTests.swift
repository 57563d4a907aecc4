import Foundation
import NIOCore
import ReelHTTP
import ReelProviders
import ReelSim
import ReelTesting
import ReelVideo
import Testing

struct VeoVideoProviderTests {
    static let model = "veo-3.1-generate-001"

    @Test func geminiCreatesPollsAndDownloads() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let provider = geminiProvider(port: port)
            let created = try await provider.createVideo(
                CreateVideoRequest(model: Self.model, prompt: "A lighthouse at dawn", seconds: "8", size: "1920x1080"), idempotencyKey: nil
            )
            #expect(created.id.hasPrefix("models/\(Self.model)/operations/"))
            #expect(created.status == "queued")
            let done = try await provider.retrieveVideo(id: created.id)
            #expect(done.status == "completed")
            #expect(done.progress == 100)

            let path = temporaryPath(".mp4")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let written = try await provider.downloadContent(videoID: created.id, variant: .video, to: path)
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(written == Int64(data.count))
            #expect(data == Data(SimMedia.clipMP4.readableBytesView))

            let stats = simulator.stats
            #expect(stats.keys["gemini-key-a"]?.routes["POST /v1beta/models/{model}:predictLongRunning"] == 1)
            #expect(stats.keys["gemini-key-a"]?.routes["GET /v1beta/models/{model}/operations/{id}"] == 2)
            #expect(stats.keys["gemini-key-a"]?.routes["GET /v1beta/files/{id}:download"] == 1)
        }
    }

    @Test func vertexCreatesPollsAndDecodesInlineBytes() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let provider = try vertexProvider(port: port)
            let created = try await provider.createVideo(
                CreateVideoRequest(model: Self.model, prompt: "A lighthouse at dawn", seconds: "4", size: "720x1280"), idempotencyKey: nil
            )
            #expect(created.id.hasPrefix("projects/reel-test-project/locations/us-central1/publishers/google/models/\(Self.model)/operations/"))
            #expect(try await provider.retrieveVideo(id: created.id).status == "completed")
            let path = temporaryPath(".mp4")
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try await provider.downloadContent(videoID: created.id, variant: .video, to: path)
            #expect(FileManager.default.contents(atPath: path) == Data(SimMedia.clipMP4.readableBytesView))

            let account = "reel-test@reel-test-project.iam.gserviceaccount.com"
            let calls = try #require(simulator.stats.keys[account])
            #expect(calls.routes["POST /token"] == 1, "one token for every call of the deployment")
            #expect(calls.routes["POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:predictLongRunning"] == 1)
            #expect(calls.routes["POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:fetchPredictOperation"] == 2)
        }
    }

    /// A finished operation carries its video inline on every poll, base64: more than the transport keeps in memory
    /// for other answers (16 MiB), up to ``VertexVeoDialect/maxOperationBytes``.
    @Test func vertexInlineResultsLargerThanTheTransportsLimitArrive() async throws {
        var configuration = try GoogleTestAccount.simConfiguration()
        configuration.videoBytes = 20 << 20  // 26.7 MiB in base64
        try await withVeoSim(configuration) { _, port in
            let provider = try vertexProvider(port: port)
            let created = try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "A long take"), idempotencyKey: nil)
            #expect(try await provider.retrieveVideo(id: created.id).status == "completed")
            let path = temporaryPath(".mp4")
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(try await provider.downloadContent(videoID: created.id, variant: .video, to: path) == 20 << 20)
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(data.prefix(SimMedia.clipMP4.readableBytes) == Data(SimMedia.clipMP4.readableBytesView))
        }
    }

    /// With a `storageUri`, the operation names a Cloud Storage object, downloaded with the deployment's token.
    @Test func vertexResultsInCloudStorageAreDownloadedWithTheDeploymentsToken() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let provider = try vertexProvider(port: port)
            let created = try await provider.createVideo(
                CreateVideoRequest(model: Self.model, prompt: "A lighthouse at dawn", extraBody: #"{"storageUri": "gs://reel-test-bucket/videos/"}"#),
                idempotencyKey: nil
            )
            #expect(try await provider.retrieveVideo(id: created.id).status == "completed")
            let path = temporaryPath(".mp4")
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try await provider.downloadContent(videoID: created.id, variant: .video, to: path)
            #expect(FileManager.default.contents(atPath: path) == Data(SimMedia.clipMP4.readableBytesView))
            let calls = try #require(simulator.stats.keys["reel-test@reel-test-project.iam.gserviceaccount.com"])
            #expect(calls.routes["GET /storage/v1/b/{bucket}/o/{object}"] == 1)
        }
    }

    @Test func imageReferenceGoesInline() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let image = temporaryPath(".png")
            defer { try? FileManager.default.removeItem(atPath: image) }
            _ = FileManager.default.createFile(atPath: image, contents: Data(SimMedia.referencePNG.readableBytesView))
            for provider in [geminiProvider(port: port) as any VideoProvider, try vertexProvider(port: port)] {
                let created = try await provider.createVideo(
                    CreateVideoRequest(
                        model: Self.model, prompt: "Animate this", inputReference: .file(ProviderFile(path: image, filename: "ref.png", contentType: "image/png"))
                    ),
                    idempotencyKey: nil
                )
                #expect(try await provider.retrieveVideo(id: created.id).status == "completed")
                let dataURL = "data:image/png;base64," + Data(SimMedia.referencePNG.readableBytesView).base64EncodedString()
                _ = try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "Again", inputReference: .imageURL(dataURL)), idempotencyKey: nil)
                let link = await #expect(throws: ProviderError.self) {
                    try await provider.createVideo(
                        CreateVideoRequest(model: Self.model, prompt: "x", inputReference: .imageURL("https://example.com/a.png")), idempotencyKey: nil
                    )
                }
                #expect(link?.kind == .permanent)
                #expect(link?.code == "invalid_value")
            }
            #expect(simulator.stats.videosCreated == 4)
        }
    }

    @Test func extensionStaysWithTheCredentialThatMadeTheSource() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let owner = geminiProvider(port: port, key: "gemini-key-a")
            let stranger = geminiProvider(port: port, key: "gemini-key-b")
            let source = try await owner.createVideo(CreateVideoRequest(model: Self.model, prompt: "A boat"), idempotencyKey: nil)
            #expect(try await owner.retrieveVideo(id: source.id).status == "completed")
            let extended = try await owner.extendVideo(ExtendVideoRequest(prompt: "It sails on", seconds: "7", video: .id(source.id)), idempotencyKey: nil)
            #expect(extended.id != source.id)
            #expect(try await owner.retrieveVideo(id: extended.id).status == "completed")

            // Another key does not find the operation: a follow-up on the wrong credential fails, it never succeeds.
            let misrouted = await #expect(throws: ProviderError.self) {
                try await stranger.extendVideo(ExtendVideoRequest(prompt: "x", seconds: "7", video: .id(source.id)), idempotencyKey: nil)
            }
            #expect(misrouted?.httpStatus == 404)
            #expect(misrouted?.kind == .permanent)

            // Vertex AI extends its own operation from the inline bytes, on the model that made it.
            let vertex = try vertexProvider(port: port)
            let vertexSource = try await vertex.createVideo(CreateVideoRequest(model: Self.model, prompt: "A boat"), idempotencyKey: nil)
            _ = try await vertex.retrieveVideo(id: vertexSource.id)
            let vertexExtended = try await vertex.extendVideo(
                ExtendVideoRequest(prompt: "It sails on", seconds: "7", video: .id(vertexSource.id)), idempotencyKey: nil
            )
            #expect(vertexExtended.id.contains("/models/\(Self.model)/operations/"))
            #expect(simulator.stats.videosCreated == 4)
        }
    }

    @Test func vertexRefusesOperationsOfAnotherLocationWithoutCalling() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let provider = try vertexProvider(port: port)
            for name in [
                "projects/reel-test-project/locations/europe-west4/publishers/google/models/\(Self.model)/operations/abc",
                "models/\(Self.model)/operations/abc",
                "projects/p/locations/us-central1/publishers/google/models/\(Self.model)/operations/../../x",
                String(repeating: "a/", count: 400),
            ] {
                let error = await #expect(throws: ProviderError.self) { try await provider.retrieveVideo(id: name) }
                #expect(error?.kind == .permanent)
                #expect(error?.httpStatus == nil)
            }
            #expect(simulator.stats.total == 0)
        }
    }

    @Test func progressIsEstimatedNeverBackwardsAndNeverComplete() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration(renderSeconds: 3600)) { _, port in
            let clock = ManualClock()
            let provider = geminiProvider(port: port, clock: clock)
            let created = try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "Slow"), idempotencyKey: nil)
            var last = -1
            var seen: [Int] = []
            for _ in 0..<12 {
                let video = try await provider.retrieveVideo(id: created.id)
                #expect(video.status == "in_progress")
                #expect(video.progress >= last)
                #expect(video.progress < 100)
                last = video.progress
                seen.append(video.progress)
                clock.advance(by: .seconds(60))
            }
            #expect(seen.first == 0)
            #expect(seen[1] > 50)
            #expect(seen.last == 98, "the estimate closes in on 99 without reaching it")
        }
    }

    @Test func finishedOperationsMapToOpenAIFailures() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            for provider in [geminiProvider(port: port) as any VideoProvider, try vertexProvider(port: port)] {
                simulator.injectFaults([.moderation])
                let blocked = try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "blocked"), idempotencyKey: nil)
                let moderated = try await provider.retrieveVideo(id: blocked.id)
                #expect(moderated.status == "failed")
                #expect(moderated.error?.code == "moderation_blocked")
                #expect(moderated.error?.message.contains("safety filters block") == true)

                simulator.injectFaults([.failure])
                let broken = try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "broken"), idempotencyKey: nil)
                let failed = try await provider.retrieveVideo(id: broken.id)
                #expect(failed.status == "failed")
                #expect(failed.error?.code == "video_generation_failed")
                #expect(failed.error?.message == "Video generation failed due to an internal error (simulated).")
            }
        }
    }

    @Test func providerErrorsAreClassified() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration(retryAfterSeconds: 7)) { simulator, port in
            let provider = geminiProvider(port: port)
            simulator.injectFaults([.rateLimit])
            let limited = await #expect(throws: ProviderError.self) {
                try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "x"), idempotencyKey: nil)
            }
            #expect(limited?.kind == .transient)
            #expect(limited?.httpStatus == 429)
            #expect(limited?.code == "RESOURCE_EXHAUSTED")
            #expect(limited?.retryAfter == .seconds(7))

            let invalid = await #expect(throws: ProviderError.self) {
                try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "x", seconds: "5"), idempotencyKey: nil)
            }
            #expect(invalid?.kind == .permanent)
            #expect(invalid?.code == "INVALID_ARGUMENT")
            #expect(invalid?.message.contains("durationSeconds") == true)

            let keyless = VeoVideoProvider(dialect: GeminiVeoDialect(apiKey: "", baseURL: "http://127.0.0.1:\(port)"), transport: CurlTransport())
            let denied = await #expect(throws: ProviderError.self) {
                try await keyless.createVideo(CreateVideoRequest(model: Self.model, prompt: "x"), idempotencyKey: nil)
            }
            #expect(denied?.kind == .permanent)
            #expect(denied?.code == "PERMISSION_DENIED")

            simulator.injectFaults([.serverError])
            let internalError = await #expect(throws: ProviderError.self) {
                try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "x"), idempotencyKey: nil)
            }
            #expect(internalError?.kind == .transient)
        }
    }

    @Test func operationsVeoDoesNotOfferFailAtOnce() async throws {
        try await withVeoSim(try GoogleTestAccount.simConfiguration()) { simulator, port in
            let provider = geminiProvider(port: port)
            let created = try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "x"), idempotencyKey: nil)
            _ = try await provider.retrieveVideo(id: created.id)
            let before = simulator.stats.total
            for variant in [VideoVariant.thumbnail, .spritesheet] {
                let error = await #expect(throws: ProviderError.self) {
                    try await provider.downloadContent(videoID: created.id, variant: variant, to: temporaryPath(".bin"))
                }
                #expect(error?.code == "unsupported_variant")
                #expect(error?.kind == .permanent)
            }
            let calls: [@Sendable () async throws -> Void] = [
                { _ = try await provider.remixVideo(id: created.id, prompt: "x", idempotencyKey: nil) },
                { _ = try await provider.createVideo(CreateVideoRequest(model: Self.model, prompt: "x", characterIDs: ["char_1"]), idempotencyKey: nil) },
                { _ = try await provider.getCharacter(id: "char_1") },
                { try await provider.deleteVideo(id: created.id) },
            ]
            for call in calls {
                let error = await #expect(throws: ProviderError.self) { try await call() }
                #expect(error?.code == "unsupported_operation")
                #expect(error?.kind == .permanent)
            }
            #expect(simulator.stats.total == before, "nothing was sent")
        }
    }
}
