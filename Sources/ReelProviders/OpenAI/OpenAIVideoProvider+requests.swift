import Foundation
import Logging
import ReelHTTP

extension OpenAIVideoProvider {
    /// Header fields every call carries: authentication, organization and project, extra headers.
    func baseHeaders() -> HTTPHeaders {
        var headers = HTTPHeaders()
        if configuration.authStyle == .apiKeyHeader {
            headers.add(name: "api-key", value: configuration.apiKey)
        } else {
            headers.add(name: "Authorization", value: "Bearer \(configuration.apiKey)")
        }
        if let organization = configuration.organization { headers.add(name: "OpenAI-Organization", value: organization) }
        if let project = configuration.project { headers.add(name: "OpenAI-Project", value: project) }
        for field in configuration.extraHeaders { headers.replaceOrAdd(name: field.name, value: field.value) }
        return headers
    }

    /// Sends a call whose answer is a JSON document and decodes it.
    func send<Answer: Decodable>(
        _ method: String,
        _ path: String,
        form: RequestForm? = nil,
        idempotencyKey: String? = nil,
        decoding: Answer.Type
    ) async throws -> Answer {
        var headers = baseHeaders()
        headers.add(name: "Accept", value: "application/json")
        if let idempotencyKey { headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        var body = HTTPRequestBody.empty
        var timeouts = configuration.timeouts
        if let form {
            if form.hasFile {
                body = .multipart(form.multipartParts())
                timeouts = configuration.fileTransferTimeouts
            } else {
                headers.add(name: "Content-Type", value: "application/json")
                body = .bytes(form.jsonBody())
            }
        }
        let request = HTTPRequest(method: method, url: configuration.baseURL + path, headers: headers, body: body, timeouts: timeouts)
        let response = try await perform(request) { try await transport.execute($0) }
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(response.body))
        } catch {
            throw ProviderError(
                .transient,
                httpStatus: response.status,
                message: "could not decode the provider's answer to \(method) \(path): \(error)",
                underlying: error
            )
        }
    }

    /// Runs one transfer and turns transport failures and non-2xx answers into ``ProviderError``s; with
    /// `acceptingRedirects`, a 3xx answer with a `Location` is returned too.
    func perform(
        _ request: HTTPRequest,
        acceptingRedirects: Bool = false,
        _ run: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        try await ProviderCall.perform(request, acceptingRedirects: acceptingRedirects, logger: logger, classify: { ProviderError(response: $0) }, run)
    }
}

extension String {
    /// The string percent-encoded for use as one URL path segment.
    var pathSegment: String {
        // Provider ids are letters, digits, `_` and `-`: nothing to encode.
        let plain = utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            case UInt8(ascii: "_"), UInt8(ascii: "-"): true
            default: false
            }
        }
        if plain { return self }
        return addingPercentEncoding(withAllowedCharacters: Self.pathSegmentAllowed) ?? self
    }

    private static let pathSegmentAllowed: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return allowed
    }()
}
