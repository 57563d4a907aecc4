import Foundation
import Logging
import ReelHTTP

extension VeoVideoProvider {
    /// Longest model name accepted in a URL, in bytes.
    static var maxModelSize: Int { 128 }

    /// Sends `predictLongRunning` and returns the new operation as a queued video.
    func start(
        model: String,
        instance: [(String, RequestForm.Value)],
        parameters: [(String, RequestForm.Value)],
        seconds: String?,
        size: String?
    ) async throws -> ProviderVideo {
        guard Self.isPlainName(model, allowingSlashes: false), model.utf8.count <= Self.maxModelSize else {
            throw ProviderError.invalidValue("'\(model.prefix(Self.maxModelSize))' is not a Veo model name")
        }
        var form = RequestForm()
        form["instances"] = .array([.object(instance)])
        form["parameters"] = .object(parameters)
        var headers = try await dialect.authenticationHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Accept", value: "application/json")
        let request = HTTPRequest(method: "POST", url: dialect.createURL(model: model), headers: headers, body: .bytes(form.jsonBody()), timeouts: timeouts)
        let response = try await perform(request) { try await transport.execute($0) }
        let started = try? JSONDecoder().decode(VeoOperation.self, from: Data(response.body))
        guard let name = started?.name, Self.isOperationName(name) else {
            throw ProviderError(.transient, httpStatus: response.status, message: "the answer to predictLongRunning names no operation")
        }
        _ = progress.progress(of: name)
        return ProviderVideo(id: name, status: "queued", progress: 0, model: model, seconds: seconds, size: size)
    }

    /// The operation `name`, read with the dialect's poll request.
    func fetchOperation(_ name: String) async throws -> VeoOperation {
        guard Self.isOperationName(name) else { throw ProviderError.invalidValue("'\(name.prefix(VeoOperation.maxNameSize))' is not a Veo operation name") }
        var request = try await dialect.pollRequest(operation: name)
        request.timeouts = request.timeouts ?? timeouts
        let response = try await perform(request) { try await transport.execute($0) }
        do {
            return try JSONDecoder().decode(VeoOperation.self, from: Data(response.body))
        } catch {
            throw ProviderError(.transient, httpStatus: response.status, message: "could not decode the operation \(name): \(error)", underlying: error)
        }
    }

    /// The first video of a finished, successful operation.
    func finishedVideo(_ name: String) async throws -> VeoResultVideo {
        let operation = try await fetchOperation(name)
        guard operation.done else { throw ProviderError(.transient, message: "the operation \(name) is not done yet") }
        guard let video = operation.videos.first else {
            throw ProviderError(.permanent, message: "the operation \(name) finished without a video")
        }
        return video
    }

    /// `parameters`: one sample, the duration, the shape, and the deployment's permitted extra members.
    func parameters(seconds: String?, size: String?, extraBody: String?) throws -> [(String, RequestForm.Value)] {
        var parameters: [(String, RequestForm.Value)] = [("sampleCount", .jsonLiteral("1"))]
        if let seconds {
            guard let duration = VeoParameters.duration(seconds) else { throw ProviderError.invalidValue("seconds '\(seconds.prefix(16))' is not a whole number of seconds") }
            parameters.append(("durationSeconds", .jsonLiteral(String(duration))))
        }
        if let size {
            guard let shape = VeoParameters.shapes[size] else {
                throw ProviderError.invalidValue("Veo takes no size '\(size.prefix(16))'; it takes \(VeoParameters.shapes.keys.sorted().joined(separator: ", "))")
            }
            parameters.append(("aspectRatio", .string(shape.aspectRatio)))
            parameters.append(("resolution", .string(shape.resolution)))
        }
        guard let extraBody else { return parameters }
        let parsed = try? JSONSerialization.jsonObject(with: Data(extraBody.utf8))
        guard let members = parsed as? [String: Any] else { throw ProviderError(.permanent, message: "extra body is not a JSON object") }
        for key in members.keys.sorted() {
            parameters.removeAll { $0.0 == key }
            parameters.append((key, RequestForm.Value(json: members[key]!)))
        }
        return parameters
    }

    /// The instance's `image`: a local file or a base64 data URL, inline as `{bytesBase64Encoded, mimeType}`.
    func imageInput(_ reference: ProviderInputReference) throws -> RequestForm.Value {
        switch reference {
        case .file(let file):
            guard file.contentType.hasPrefix("image/") else {
                throw ProviderError.invalidValue("Veo starts from an image, not from \(file.contentType)")
            }
            return .object([("bytesBase64Encoded", .string(try Self.inlineBase64(file))), ("mimeType", .string(file.contentType))])
        case .imageURL(let url):
            guard let (mimeType, base64) = Self.dataURL(url), mimeType.hasPrefix("image/") else {
                throw ProviderError.invalidValue("Veo takes an input image inline: a file or a base64 data URL, not a link")
            }
            return .object([("bytesBase64Encoded", .string(base64)), ("mimeType", .string(mimeType))])
        case .fileID:
            throw ProviderError.unsupportedOperation("input references by file id", family: dialect.family)
        }
    }

    /// The instance's `video` for an extension of a result: its URI (Gemini file, Cloud Storage) or its bytes.
    static func videoInput(_ video: VeoResultVideo) -> RequestForm.Value {
        switch video {
        case .uri(let uri, let mimeType):
            let key = uri.hasPrefix("gs://") ? "gcsUri" : "uri"
            return .object([(key, .string(uri))] + (mimeType.map { [("mimeType", .string($0))] } ?? []))
        case .inline(let base64, let mimeType):
            return .object([("bytesBase64Encoded", .string(base64)), ("mimeType", .string(mimeType ?? "video/mp4"))])
        }
    }

    /// The base64 text of a local file of at most ``maxInlineFileBytes``.
    static func inlineBase64(_ file: ProviderFile) throws -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        guard let size = attributes?[.size] as? NSNumber else { throw ProviderError(.permanent, message: "cannot read \(file.filename)") }
        guard size.intValue <= maxInlineFileBytes else {
            throw ProviderError.invalidValue("\(file.filename) is larger than the \(maxInlineFileBytes >> 20) MiB Veo takes inline")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw ProviderError(.permanent, message: "cannot read \(file.filename)") }
        return data.base64EncodedString()
    }

    /// `(mime type, base64 payload)` of a `data:<type>;base64,<payload>` URL.
    static func dataURL(_ url: String) -> (String, String)? {
        guard url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") else { return nil }
        let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
        guard header.hasSuffix(";base64") else { return nil }
        let payload = String(url[url.index(after: comma)...])
        guard payload.utf8.count <= (maxInlineFileBytes / 3 + 1) * 4, Data(base64Encoded: payload) != nil else { return nil }
        return (String(header.dropLast(7)), payload)
    }

    /// The model segment of an operation name (`…models/{model}/operations/{id}`).
    static func model(ofOperation name: String) -> String? {
        let parts = name.split(separator: "/")
        guard let index = parts.lastIndex(of: "operations"), index >= 2, parts[index - 2] == "models" else { return nil }
        return String(parts[index - 1])
    }

    /// Whether `name` looks like an operation name: bounded, letters, digits and `._-`, slash-separated.
    static func isOperationName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= VeoOperation.maxNameSize && isPlainName(name, allowingSlashes: true) && !name.contains("..")
    }

    static func isPlainName(_ name: String, allowingSlashes: Bool) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
                case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): true
                case UInt8(ascii: "/"): allowingSlashes
                default: false
                }
            }
    }

    /// Runs one transfer and turns transport failures and non-2xx answers into ``ProviderError``s; with
    /// `acceptingRedirects`, a 3xx answer with a `Location` is returned too.
    func perform(
        _ request: HTTPRequest,
        acceptingRedirects: Bool = false,
        _ run: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        try await ProviderCall.perform(request, acceptingRedirects: acceptingRedirects, logger: logger, classify: { ProviderError(googleResponse: $0) }, run)
    }
}
