/// A long-running operation of Veo, decoded leniently from either dialect:
///
/// - Gemini API: `{"name", "done", "error": {code, message}, "response": {"generateVideoResponse":
///   {"generatedSamples": [{"video": {"uri"}}], "raiMediaFilteredCount", "raiMediaFilteredReasons"}}}`
/// - Vertex AI: `{"name", "done", "error", "response": {"videos": [{"gcsUri" | "bytesBase64Encoded", "mimeType"}],
///   "raiMediaFilteredCount", "raiMediaFilteredReasons"}}`
struct VeoOperation: Decodable {
    /// Longest operation name accepted, in bytes.
    static let maxNameSize = 512

    var name: String?
    var done: Bool
    var error: GoogleErrorBody.Status?
    var videos: [VeoResultVideo]
    var filteredCount: Int
    var filteredReasons: [String]

    enum CodingKeys: String, CodingKey { case name, done, error, response }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try? container.decodeIfPresent(String.self, forKey: .name)
        done = (try? container.decodeIfPresent(Bool.self, forKey: .done)) == true
        error = try? container.decodeIfPresent(GoogleErrorBody.Status.self, forKey: .error)
        let response = try? container.decodeIfPresent(Response.self, forKey: .response)
        let results = response?.generateVideoResponse ?? response?.results
        videos = results?.videos ?? []
        filteredCount = results?.filteredCount ?? 0
        filteredReasons = results?.filteredReasons ?? []
    }

    /// `response` of a Vertex AI operation, or the `generateVideoResponse` inside a Gemini API one.
    private struct Response: Decodable {
        var generateVideoResponse: Results?
        var results: Results

        enum CodingKeys: String, CodingKey { case generateVideoResponse }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            generateVideoResponse = try? container.decodeIfPresent(Results.self, forKey: .generateVideoResponse)
            results = try Results(from: decoder)
        }
    }

    private struct Results: Decodable {
        var videos: [VeoResultVideo]
        var filteredCount: Int?
        var filteredReasons: [String]?

        enum CodingKeys: String, CodingKey { case generatedSamples, videos, raiMediaFilteredCount, raiMediaFilteredReasons }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let samples = (try? container.decodeIfPresent([Sample].self, forKey: .generatedSamples)) ?? []
            let videos = (try? container.decodeIfPresent([Video].self, forKey: .videos)) ?? []
            self.videos = (samples.compactMap(\.video) + videos).compactMap(\.result)
            filteredCount = try? container.decodeIfPresent(Int.self, forKey: .raiMediaFilteredCount)
            filteredReasons = (try? container.decodeIfPresent([String].self, forKey: .raiMediaFilteredReasons))?.prefix(16).map { String($0.prefix(500)) }
        }
    }

    private struct Sample: Decodable {
        var video: Video?
    }

    private struct Video: Decodable {
        var uri: String?
        var gcsUri: String?
        var bytesBase64Encoded: String?
        var encodedVideo: String?
        var mimeType: String?
        var encoding: String?

        var result: VeoResultVideo? {
            let type = mimeType ?? encoding
            if let bytes = bytesBase64Encoded ?? encodedVideo { return .inline(base64: bytes, mimeType: type) }
            if let uri = uri ?? gcsUri { return .uri(uri, mimeType: type) }
            return nil
        }
    }

    /// The operation as a video in OpenAI's terms: `in_progress` while not done, `completed` with a video, `failed`
    /// with the provider's error, `failed` with `moderation_blocked` when safety filters withheld every result.
    func providerVideo(id: String, progress: Int) -> ProviderVideo {
        guard done else { return ProviderVideo(id: id, status: "in_progress", progress: progress) }
        if let error {
            let message = error.message.map { String($0.prefix(1000)) } ?? "Video generation failed."
            return ProviderVideo(id: id, status: "failed", progress: progress, error: ProviderErrorBody(code: "video_generation_failed", message: message))
        }
        if !videos.isEmpty { return ProviderVideo(id: id, status: "completed", progress: 100) }
        if filteredCount > 0 || !filteredReasons.isEmpty {
            let reasons = filteredReasons.isEmpty ? "" : ": " + filteredReasons.joined(separator: " ")
            return ProviderVideo(
                id: id, status: "failed", progress: progress,
                error: ProviderErrorBody(code: "moderation_blocked", message: "The provider's safety filters withheld the video\(reasons)")
            )
        }
        return ProviderVideo(
            id: id, status: "failed", progress: progress,
            error: ProviderErrorBody(code: "video_generation_failed", message: "The operation finished without a video.")
        )
    }
}
