import Foundation
import ReelHTTP
import ReelProviders
import ReelSim
import Testing
import ReelVideo

struct OpenAIVideoProviderTests {
    @Test func createRetrieveDownloadRemixAndDelete() async throws {
        try await withSim { simulator, provider, _ in
            let created = try await provider.createVideo(
                CreateVideoRequest(model: "sora-2", prompt: "A calico cat playing a piano", seconds: "4", size: "1280x720"),
                idempotencyKey: "create-1"
            )
            #expect(created.id.hasPrefix("video_"))
            #expect(["queued", "in_progress", "completed"].contains(created.status))
            #expect(created.model == "sora-2")
            #expect(created.seconds == "4")
            #expect(created.size == "1280x720")
            #expect(created.createdAt != nil)

            // The same Idempotency-Key names the same video.
            let again = try await provider.createVideo(
                CreateVideoRequest(model: "sora-2", prompt: "A calico cat playing a piano", seconds: "4", size: "1280x720"),
                idempotencyKey: "create-1"
            )
            #expect(again.id == created.id)
            #expect(simulator.stats.idempotencyKeys["create-1"] == 2)
            #expect(simulator.stats.videosCreated == 1)

            let completed = try await waitUntilCompleted(provider, id: created.id)
            #expect(completed.status == "completed")
            #expect(completed.progress == 100)
            #expect(completed.completedAt != nil)

            let magic: [VideoVariant: (offset: Int, bytes: [UInt8])] = [
                .video: (4, Array("ftyp".utf8)),
                .thumbnail: (8, Array("WEBP".utf8)),
                .spritesheet: (0, [0xFF, 0xD8, 0xFF]),
            ]
            for variant in VideoVariant.allCases {
                let path = temporaryPath(".\(variant.rawValue)")
                defer { try? FileManager.default.removeItem(atPath: path) }
                let written = try await provider.downloadContent(videoID: created.id, variant: variant, to: path)
                let data = try #require(FileManager.default.contents(atPath: path))
                #expect(written == Int64(data.count))
                #expect(written > 100)
                let (offset, bytes) = try #require(magic[variant])
                #expect(Array(data[offset..<(offset + bytes.count)]) == bytes, "\(variant) has the wrong file signature")
            }

            let remix = try await provider.remixVideo(id: created.id, prompt: "make it night", idempotencyKey: "remix-1")
            #expect(remix.remixedFromVideoID == created.id)
            #expect(remix.id != created.id)

            try await provider.deleteVideo(id: remix.id)
            let gone = await #expect(throws: ProviderError.self) { try await provider.retrieveVideo(id: remix.id) }
            #expect(gone?.httpStatus == 404)
            #expect(gone?.kind == .permanent)
            #expect(simulator.stats.routes["DELETE /videos/{id}"] == 1)
        }
    }

    @Test func charactersAndInputReferences() async throws {
        let clip = try makeTemporaryFile(size: 64 << 10, suffix: ".mp4")
        let image = try makeTemporaryFile(size: 4 << 10, suffix: ".png")
        defer {
            try? FileManager.default.removeItem(atPath: clip)
            try? FileManager.default.removeItem(atPath: image)
        }
        try await withSim { simulator, provider, _ in
            let character = try await provider.createCharacter(
                CreateCharacterRequest(name: "Mossy", video: ProviderFile(path: clip, filename: "clip.mp4", contentType: "video/mp4")),
                idempotencyKey: "character-1"
            )
            #expect(character.id.hasPrefix("char_"))
            #expect(character.name == "Mossy")
            #expect(character.createdAt > 0)
            let fetched = try await provider.getCharacter(id: character.id)
            #expect(fetched.id == character.id)
            #expect(fetched.name == "Mossy")

            // JSON body: characters as [{"id"}], input_reference as {"image_url"}.
            let byURL = try await provider.createVideo(
                CreateVideoRequest(
                    model: "sora-2",
                    prompt: "Mossy waves",
                    inputReference: .imageURL("https://example.com/a.png"),
                    characterIDs: [character.id]
                ),
                idempotencyKey: nil
            )
            #expect(byURL.status != "failed")

            // Multipart body: the image streamed as a file part, characters as repeated characters[][id].
            let byFile = try await provider.createVideo(
                CreateVideoRequest(
                    model: "sora-2",
                    prompt: "Mossy waves again",
                    seconds: "8",
                    inputReference: .file(ProviderFile(path: image, filename: "ref.png", contentType: "image/png")),
                    characterIDs: [character.id]
                ),
                idempotencyKey: "create-by-file"
            )
            #expect(byFile.seconds == "8")

            let byFileID = try await provider.createVideo(
                CreateVideoRequest(model: "sora-2", prompt: "From an uploaded file", inputReference: .fileID("file_123")),
                idempotencyKey: nil
            )
            #expect(byFileID.id.hasPrefix("video_"))

            // An unknown character is the provider's 400, passed on verbatim.
            let unknown = await #expect(throws: ProviderError.self) {
                try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "x", characterIDs: ["char_nope"]), idempotencyKey: nil)
            }
            #expect(unknown?.kind == .permanent)
            #expect(unknown?.httpStatus == 400)
            #expect(unknown?.code == "invalid_value")
            #expect(unknown?.message == "Character with id 'char_nope' not found.")
            #expect(simulator.stats.charactersCreated == 1)
        }
    }

    @Test func editsAndExtensionsByIDAndByFile() async throws {
        let clip = try makeTemporaryFile(size: 256 << 10, suffix: ".mp4")
        defer { try? FileManager.default.removeItem(atPath: clip) }
        let file = ProviderFile(path: clip, filename: "clip.mp4", contentType: "video/mp4")
        try await withSim { simulator, provider, _ in
            let source = try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "source", seconds: "4"), idempotencyKey: nil)
            _ = try await waitUntilCompleted(provider, id: source.id)

            let editByID = try await provider.editVideo(EditVideoRequest(prompt: "add a hat", video: .id(source.id)), idempotencyKey: "edit-1")
            #expect(editByID.id.hasPrefix("video_"))
            let editByFile = try await provider.editVideo(EditVideoRequest(prompt: "add a hat", video: .file(file)), idempotencyKey: "edit-2")
            #expect(editByFile.id != editByID.id)

            let extendByID = try await provider.extendVideo(
                ExtendVideoRequest(prompt: "continue", seconds: "4", video: .id(source.id)),
                idempotencyKey: "extend-1"
            )
            #expect(extendByID.seconds == "8", "an extension reports the stitched total")
            let extendByFile = try await provider.extendVideo(
                ExtendVideoRequest(prompt: "continue", seconds: "8", video: .file(file)),
                idempotencyKey: "extend-2"
            )
            #expect(extendByFile.id.hasPrefix("video_"))
            #expect(simulator.stats.routes["POST /videos/edits"] == 2)
            #expect(simulator.stats.routes["POST /videos/extensions"] == 2)
        }
    }

    @Test func extraBodyIsMergedIntoJSONAndMultipartBodies() async throws {
        let image = try makeTemporaryFile(size: 1 << 10, suffix: ".png")
        defer { try? FileManager.default.removeItem(atPath: image) }
        try await withSim { _, provider, _ in
            let json = try await provider.createVideo(
                CreateVideoRequest(model: "sora-2", prompt: "x", size: "720x1280", extraBody: #"{"size": "1792x1024", "seconds": "12"}"#),
                idempotencyKey: nil
            )
            #expect(json.size == "1792x1024")
            #expect(json.seconds == "12")

            let multipart = try await provider.createVideo(
                CreateVideoRequest(
                    model: "sora-2",
                    prompt: "x",
                    inputReference: .file(ProviderFile(path: image, filename: "ref.png", contentType: "image/png")),
                    extraBody: #"{"size": "1024x1792"}"#
                ),
                idempotencyKey: nil
            )
            #expect(multipart.size == "1024x1792")

            let notAnObject = await #expect(throws: ProviderError.self) {
                try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "x", extraBody: "[1]"), idempotencyKey: nil)
            }
            #expect(notAnObject?.kind == .permanent)
        }
    }

    @Test func jsonBodiesCarryEveryCharacterOfAPrompt() async throws {
        let prompt = "Quotes \" and \\ backslash, a/slash, tab\t, newline\n, bell\u{07}, nul\u{00}, émoji 🎹 and 漢字"
        try await withSim { _, provider, baseURL in
            let created = try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: prompt), idempotencyKey: nil)
            let response = try await CurlTransport().execute(
                HTTPRequest(method: "GET", url: "\(baseURL)/videos/\(created.id)", headers: ["Authorization": "Bearer sk-test"])
            )
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(object["prompt"] as? String == prompt)
        }
    }

    @Test func azureStyleKeyHeaderAndBase() async throws {
        try await withSim { simulator, _, baseURL in
            let azureBase = baseURL.replacingOccurrences(of: "/v1", with: "/openai/v1/")
            let provider = OpenAIVideoProvider(
                configuration: .init(baseURL: azureBase, apiKey: "azure-key", authStyle: .apiKeyHeader),
                transport: CurlTransport()
            )
            let video = try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "azure"), idempotencyKey: nil)
            #expect(try await provider.retrieveVideo(id: video.id).id == video.id)
            #expect(simulator.stats.keys["azure-key"]?.total == 2)
        }
    }
}
