import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ReelJSON

/// The routes of the simulated OpenAI video API, and what every API request goes through first:
/// authentication, counting, then fault injection.
struct SimController: Sendable {
    typealias Context = BasicRequestContext
    typealias Handler = @Sendable (Request, Context, String) async throws -> Response

    let simulator: Simulator

    var configuration: SimConfiguration { simulator.configuration }

    static let idempotencyKeyHeader = HTTPField.Name("Idempotency-Key")!
    static let azureKeyHeader = HTTPField.Name("api-key")!
    static let pollAfterHeader = HTTPField.Name("openai-poll-after-ms")!

    /// Adds the video routes under `group` (mounted at `/`, `/v1` and `/openai/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.post("videos", use: api("POST /videos", createVideo))
        group.get("videos", use: api("GET /videos", listVideos))
        group.post("videos/characters", use: api("POST /videos/characters", createCharacter))
        group.get("videos/characters/{id}", use: api("GET /videos/characters/{id}", getCharacter))
        group.post("videos/edits", use: api("POST /videos/edits", editVideo))
        group.post("videos/extensions", use: api("POST /videos/extensions", extendVideo))
        group.get("videos/{id}", use: api("GET /videos/{id}", retrieveVideo))
        group.delete("videos/{id}", use: api("DELETE /videos/{id}", deleteVideo))
        group.get("videos/{id}/content", use: api("GET /videos/{id}/content", downloadContent))
        group.post("videos/{id}/remix", use: api("POST /videos/{id}/remix", remixVideo))
    }

    /// Wraps a handler with authentication, counting and fault injection; the handler receives the API key.
    func api(_ route: String, _ handler: @escaping Handler) -> @Sendable (Request, Context) async throws -> Response {
        { request, context in
            let key: String
            do {
                key = try apiKey(request)
            } catch {
                simulator.count(route: route, key: nil)
                throw error
            }
            simulator.count(route: route, key: key)
            if request.method == .post, let idempotencyKey = request.headers[Self.idempotencyKeyHeader] {
                simulator.count(idempotencyKey: idempotencyKey)
            }
            try await injectFault(request, key: key)
            return try await handler(request, context, key)
        }
    }

    /// The caller's API key: any `Authorization: Bearer sk-…`, or an Azure-style `api-key` header.
    private func apiKey(_ request: Request) throws -> String {
        if let authorization = request.headers[.authorization] {
            let scheme = authorization.prefix { $0 != " " }
            let credentials = authorization[scheme.endIndex...].dropFirst()
            guard !credentials.isEmpty, scheme.lowercased() == "bearer" else { throw SimError.invalidKey }
            let key = Self.trimmingWhitespace(credentials)
            guard !key.isEmpty else { throw SimError.missingKey }
            guard key.hasPrefix("sk-") else { throw SimError.invalidKey }
            return key
        }
        if let key = request.headers[Self.azureKeyHeader], !key.isEmpty { return key }
        throw SimError.missingKey
    }

    /// The text without leading and trailing whitespace.
    private static func trimmingWhitespace(_ text: Substring) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }

    /// Injects the next request fault, if any; `rateLimited` and `serverError` are the errors in the dialect's envelope.
    func injectFault(
        _ request: Request,
        key: String,
        rateLimited: (Int) -> any Error = { SimError.rateLimited(retryAfterSeconds: $0) },
        serverError: any Error = SimError.serverError
    ) async throws {
        guard let fault = simulator.requestFault(key: key) else { return }
        switch fault.base {
        case .rateLimit:
            throw rateLimited(configuration.retryAfterSeconds)
        case .serverError:
            throw serverError
        case .slow:
            try await Task.sleep(for: .seconds(configuration.slowSeconds))
        case .hang:
            // Held until the client closes the connection (which cancels the sleep) or the bound passes.
            let seconds = configuration.hangSeconds
            try await request.body.consumeWithCancellationOnInboundClose { _ in
                try await Task.sleep(for: .seconds(seconds))
            }
            throw serverError
        case .moderation, .failure:
            break
        }
    }

    /// A JSON response.
    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, pollAfter: Bool = false) throws -> Response {
        json(bytes: try JSONEncoder().encode(value), status: status, pollAfter: pollAfter)
    }

    /// A JSON response of a video object or list, the answers of the busiest routes, written without `JSONEncoder`.
    func json(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, pollAfter: Bool = false) -> Response {
        var writer = JSONWriter()
        value.write(to: &writer)
        return json(bytes: writer.bytes, status: status, pollAfter: pollAfter)
    }

    private func json(bytes: some Sequence<UInt8>, status: HTTPResponse.Status, pollAfter: Bool) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if pollAfter { headers[Self.pollAfterHeader] = String(configuration.pollAfterMilliseconds) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Rejects names the route does not know, as the real API does.
    func rejectUnknown(_ form: SimForm, allowed: Set<String>) throws {
        if let unknown = form.names.subtracting(allowed).sorted().first {
            throw SimError.invalidRequest("Unknown parameter: '\(unknown)'.", param: unknown, code: "unknown_parameter")
        }
    }

    /// A required, non-empty text field.
    func required(_ form: SimForm, _ name: String) throws -> String {
        if form.upload(name) != nil {
            throw SimError.invalidRequest("Invalid type for '\(name)': expected a string, but got a file.", param: name, code: "invalid_type")
        }
        guard let value = form.string(name), !value.isEmpty else {
            throw SimError.invalidRequest("Missing required parameter: '\(name)'.", param: name, code: "missing_required_parameter")
        }
        return value
    }

    /// An optional text field that must be one of `allowed`.
    func choice(_ form: SimForm, _ name: String, in allowed: [String], default fallback: String?) throws -> String? {
        guard let value = form.string(name) else {
            if form.upload(name) != nil {
                throw SimError.invalidRequest("Invalid type for '\(name)': expected a string, but got a file.", param: name, code: "invalid_type")
            }
            return fallback
        }
        guard allowed.contains(value) else {
            let list = allowed.map { "'\($0)'" }
            let supported = list.dropLast().joined(separator: ", ") + ", and " + list.last!
            throw SimError.invalidRequest(
                "Invalid value: '\(value)'. Supported values are: \(supported).", param: name, code: "invalid_value"
            )
        }
        return value
    }
}
