import Foundation
import Hummingbird

extension SimController {
    static let veoAspectRatios = ["16:9": ("1280x720", "1920x1080", "3840x2160"), "9:16": ("720x1280", "1080x1920", "2160x3840")]
    static let veoResolutions = ["720p", "1080p", "4k"]
    static let veoInstanceMembers: Set<String> = ["prompt", "image", "video", "lastFrame", "referenceImages"]
    static let veoParameters: Set<String> = [
        "durationSeconds", "aspectRatio", "resolution", "sampleCount", "negativePrompt", "personGeneration", "seed",
        "generateAudio", "enhancePrompt", "storageUri", "compressionQuality", "resizeMode",
    ]
    /// Seconds an extension adds (Veo 3.1 extends by 7 seconds).
    static let veoExtensionSeconds = 7

    /// Starts an operation as Veo does: validates the instance and parameters, then answers `{"name": …}`.
    func veoCreate(_ request: Request, model: String, caller: SimVeoCaller) async throws -> Response {
        guard model.hasPrefix("veo-"), model.utf8.count <= 128 else {
            throw SimGoogleError.notFound("models/\(model.prefix(128)) is not found for API version v1beta, or is not supported for predictLongRunning.")
        }
        let body = try await googleBody(request, maxBytes: configuration.maxUploadBytes)
        if let unknown = Set(body.keys).subtracting(["instances", "parameters"]).sorted().first {
            throw SimGoogleError.invalidArgument("Invalid JSON payload received. Unknown name \"\(unknown)\": Cannot find field.")
        }
        guard let instances = body["instances"] as? [Any], instances.count == 1, let instance = instances[0] as? [String: Any] else {
            throw SimGoogleError.invalidArgument("instances must hold exactly one instance.")
        }
        if let unknown = Set(instance.keys).subtracting(Self.veoInstanceMembers).sorted().first {
            throw SimGoogleError.invalidArgument("Invalid JSON payload received. Unknown name \"\(unknown)\" at 'instances[0]': Cannot find field.")
        }
        let prompt = instance["prompt"] as? String ?? ""
        if let image = instance["image"] { try validateVeoMedia(image, field: "image", typePrefix: "image/", caller: caller) }
        let isExtension = instance["video"] != nil
        if let video = instance["video"] { try validateVeoSourceVideo(video, caller: caller) }
        guard !prompt.isEmpty || instance["image"] != nil || isExtension else {
            throw SimGoogleError.invalidArgument("A prompt, an image or a video is required.")
        }
        let parameters = body["parameters"].map { $0 as? [String: Any] } ?? [:]
        guard let parameters else { throw SimGoogleError.invalidArgument("parameters must be an object.") }
        let (seconds, size) = try veoShape(parameters, model: model, isExtension: isExtension)
        var storageURI: String?
        if case .vertex = caller.dialect, let value = parameters["storageUri"] {
            guard let uri = value as? String, Self.cloudStorageBucket(of: uri) != nil else {
                throw SimGoogleError.invalidArgument("storageUri must be a Cloud Storage URI, gs://bucket/prefix/.")
            }
            storageURI = uri
        }
        let id = simulator.makeID(prefix: "")
        let now = simulator.now()
        let outcome = simulator.jobOutcome(key: caller.credential)
        _ = simulator.withState { state in
            state.insertVideo(idempotencyKey: nil, owner: caller.owner) { sequence in
                var video = SimVideo(
                    id: id, owner: caller.owner, sequence: sequence, model: model, prompt: prompt, seconds: seconds, size: size,
                    remixedFromVideoID: nil, createdAt: now, renderSeconds: configuration.renderSeconds, outcome: outcome
                )
                video.storageURI = storageURI
                return video
            }
        }
        simulator.countCreated(video: true)
        return try googleJSON(["name": veoOperationName(id: id, model: model, caller: caller)])
    }

    /// `(seconds, size)` from `durationSeconds`, `aspectRatio` and `resolution`, checked as Veo checks them.
    private func veoShape(_ parameters: [String: Any], model: String, isExtension: Bool) throws -> (String, String) {
        if let unknown = Set(parameters.keys).subtracting(Self.veoParameters).sorted().first {
            throw SimGoogleError.invalidArgument("Invalid JSON payload received. Unknown name \"\(unknown)\" at 'parameters': Cannot find field.")
        }
        let allowed = isExtension ? [Self.veoExtensionSeconds] : model.hasPrefix("veo-2") ? [5, 6, 7, 8] : [4, 6, 8]
        var duration = allowed.last!
        if let value = parameters["durationSeconds"] {
            guard let number = (value as? NSNumber)?.doubleValue, number.isFinite, number.rounded() == number, allowed.contains(Int(number)) else {
                throw SimGoogleError.invalidArgument("durationSeconds must be one of \(allowed.map(String.init).joined(separator: ", ")).")
            }
            duration = Int(number)
        }
        let aspectRatio = parameters["aspectRatio"].map { $0 as? String } ?? "16:9"
        guard let aspectRatio, let sizes = Self.veoAspectRatios[aspectRatio] else {
            throw SimGoogleError.invalidArgument("aspectRatio must be 16:9 or 9:16.")
        }
        let resolution = parameters["resolution"].map { $0 as? String } ?? "720p"
        guard let resolution, Self.veoResolutions.contains(resolution) else {
            throw SimGoogleError.invalidArgument("resolution must be one of 720p, 1080p, 4k.")
        }
        if let count = parameters["sampleCount"] {
            guard let number = count as? Int, (1...4).contains(number) else { throw SimGoogleError.invalidArgument("sampleCount must be 1 to 4.") }
        }
        let size = resolution == "720p" ? sizes.0 : resolution == "1080p" ? sizes.1 : sizes.2
        return (String(duration), size)
    }

    /// An inline medium `{bytesBase64Encoded, mimeType}` (or, on Vertex AI, `{gcsUri, mimeType}`).
    private func validateVeoMedia(_ value: Any, field: String, typePrefix: String, caller: SimVeoCaller) throws {
        guard let media = value as? [String: Any] else { throw SimGoogleError.invalidArgument("\(field) must be an object.") }
        if case .vertex = caller.dialect, let uri = media["gcsUri"] as? String, uri.hasPrefix("gs://") { return }
        guard let base64 = media["bytesBase64Encoded"] as? String, let bytes = Data(base64Encoded: base64), !bytes.isEmpty else {
            throw SimGoogleError.invalidArgument("\(field).bytesBase64Encoded must be base64 data.")
        }
        guard let type = media["mimeType"] as? String, type.hasPrefix(typePrefix) else {
            throw SimGoogleError.invalidArgument("\(field).mimeType must be a \(typePrefix)* type.")
        }
    }

    /// The video of an extension: on the Gemini API, the URI of a video this key made; on Vertex AI, inline bytes or
    /// a `gs://` URI.
    private func validateVeoSourceVideo(_ value: Any, caller: SimVeoCaller) throws {
        guard case .gemini = caller.dialect else {
            try validateVeoMedia(value, field: "video", typePrefix: "video/", caller: caller)
            return
        }
        guard let media = value as? [String: Any], let uri = media["uri"] as? String, let range = uri.range(of: "/files/") else {
            throw SimGoogleError.invalidArgument("video.uri must name a video generated by Veo.")
        }
        let id = String(uri[range.upperBound...].prefix { $0.isLetter || $0.isNumber })
        guard let source = simulator.withState({ $0.video(id, owner: caller.owner) }), source.isCompleted(at: simulator.now()) else {
            throw SimGoogleError.invalidArgument("video.uri names no finished video of this API key.")
        }
    }
}
