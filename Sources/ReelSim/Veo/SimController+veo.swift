import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension SimController {
    typealias VeoHandler = @Sendable (Request, Context, SimVeoCaller) async throws -> Response

    static let googleAPIKeyHeader = HTTPField.Name("x-goog-api-key")!

    /// Adds Google's Veo routes at the root: the Gemini API under `/v1beta`, Vertex AI under `/v1` and `/v1beta1`
    /// (the `google-genai` SDK's default version), and the OAuth token endpoint `POST /token`.
    ///
    /// Routes count in `/sim/stats` as `POST /v1beta/models/{model}:predictLongRunning`,
    /// `GET /v1beta/models/{model}/operations/{id}`, `GET /v1beta/files/{id}:download`,
    /// `POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:predictLongRunning` (and
    /// `…:fetchPredictOperation`), `POST /token`, and Cloud Storage's `GET /storage/v1/b/{bucket}/o/{object}`; under
    /// `keys`, the Gemini API key or the Vertex AI service account.
    func addVeoRoutes(to router: Router<Context>) {
        router.post("v1beta/models/{model}", use: veo("POST /v1beta/models/{model}:predictLongRunning", caller: geminiCaller, geminiCreate))
        router.get("v1beta/models/{model}/operations/{operation}", use: veo("GET /v1beta/models/{model}/operations/{id}", caller: geminiCaller, geminiPoll))
        router.get("v1beta/files/{action}", use: veo("GET /v1beta/files/{id}:download", caller: geminiCaller, geminiDownload))
        for version in ["v1", "v1beta1"] {
            let path = "\(version)/projects/{project}/locations/{location}/publishers/google/models/{action}"
            router.post(RouterPath(path)) { request, context in
                let action = context.parameters.get("action").flatMap { $0.split(separator: ":").last.map(String.init) } ?? ""
                let known = ["predictLongRunning", "fetchPredictOperation"].contains(action) ? action : "{action}"
                let route = "POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:\(known)"
                return try await veo(route, caller: vertexCaller, vertexAction)(request, context)
            }
        }
        router.post("token") { request, context in try await token(request, context) }
        router.get(
            "storage/v1/b/{bucket}/o/{object}",
            use: google("GET /storage/v1/b/{bucket}/o/{object}", caller: { request, _ in try googleAccount(request) }, credential: { $0 }, cloudStorageDownload)
        )
    }

    /// Wraps a Veo handler with authentication, counting and fault injection (in Google's error envelope).
    func veo(
        _ route: String,
        caller identify: @escaping @Sendable (Request, Context) throws -> SimVeoCaller,
        _ handler: @escaping VeoHandler
    ) -> @Sendable (Request, Context) async throws -> Response {
        google(route, caller: identify, credential: { $0.credential }, handler)
    }

    /// Wraps a handler of a Google route with authentication (`identify`), counting under the caller's `credential`
    /// and fault injection (in Google's error envelope).
    func google<Caller: Sendable>(
        _ route: String,
        caller identify: @escaping @Sendable (Request, Context) throws -> Caller,
        credential: @escaping @Sendable (Caller) -> String,
        _ handler: @escaping @Sendable (Request, Context, Caller) async throws -> Response
    ) -> @Sendable (Request, Context) async throws -> Response {
        { request, context in
            let caller: Caller
            do {
                caller = try identify(request, context)
            } catch {
                simulator.count(route: route, key: nil)
                throw error
            }
            simulator.count(route: route, key: credential(caller))
            try await injectGoogleFault(request, key: credential(caller))
            return try await handler(request, context, caller)
        }
    }

    func injectGoogleFault(_ request: Request, key: String) async throws {
        try await injectFault(
            request, key: key, rateLimited: { SimGoogleError.resourceExhausted(retryDelaySeconds: $0) }, serverError: SimGoogleError.internalError
        )
    }

    /// The Gemini API caller: the key in `x-goog-api-key` (or the `key` query parameter).
    @Sendable func geminiCaller(_ request: Request, _ context: Context) throws -> SimVeoCaller {
        let key = request.headers[Self.googleAPIKeyHeader] ?? request.uri.queryParameters["key"].map(String.init)
        guard let key, !key.isEmpty else {
            throw SimGoogleError.permissionDenied("Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")
        }
        return SimVeoCaller(dialect: .gemini, credential: key)
    }

    /// The Vertex AI caller: a bearer token `POST /token` issued, in the project and location of the URL.
    @Sendable func vertexCaller(_ request: Request, _ context: Context) throws -> SimVeoCaller {
        let account = try googleAccount(request)
        let project = try context.parameters.require("project")
        let location = try context.parameters.require("location")
        return SimVeoCaller(dialect: .vertex(project: project, location: location), credential: account)
    }

    /// The service account a request's bearer token was issued to (`POST /token`).
    func googleAccount(_ request: Request) throws -> String {
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.hasPrefix("Bearer "), let account = simulator.googleTokens.account(of: String(authorization.dropFirst(7)), at: simulator.now()) else {
            throw SimGoogleError.unauthenticated("Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.")
        }
        return account
    }

    /// `POST /v1beta/models/{model}:predictLongRunning`.
    @Sendable func geminiCreate(_ request: Request, _ context: Context, _ caller: SimVeoCaller) async throws -> Response {
        // The one segment `{model}:predictLongRunning` (Hummingbird names the segment as the poll route does).
        let action = try context.parameters.require("model")
        guard action.hasSuffix(":predictLongRunning") else { throw SimGoogleError.notFound("Method not found: \(action)") }
        return try await veoCreate(request, model: String(action.dropLast(":predictLongRunning".count)), caller: caller)
    }

    /// `GET /v1beta/models/{model}/operations/{id}`.
    @Sendable func geminiPoll(_ request: Request, _ context: Context, _ caller: SimVeoCaller) async throws -> Response {
        let model = try context.parameters.require("model")
        let id = try context.parameters.require("operation")
        let video = try veoVideo(id, model: model, caller: caller)
        return try googleJSON(veoOperation(video, caller: caller, host: host(of: request)))
    }

    /// `GET /v1beta/files/{id}:download?alt=media`: the video of a finished operation.
    @Sendable func geminiDownload(_ request: Request, _ context: Context, _ caller: SimVeoCaller) async throws -> Response {
        let action = try context.parameters.require("action")
        guard action.hasSuffix(":download"), request.uri.queryParameters["alt"] == "media" else {
            throw SimGoogleError.notFound("Method not found: \(action)")
        }
        let id = String(action.dropLast(":download".count))
        guard let video = simulator.withState({ $0.video(id, owner: caller.owner) }), video.isCompleted(at: simulator.now()) else {
            throw SimGoogleError.notFound("File files/\(id) not found.")
        }
        return videoResponse()
    }

    /// `POST …/models/{model}:predictLongRunning` and `…:fetchPredictOperation` on Vertex AI.
    @Sendable func vertexAction(_ request: Request, _ context: Context, _ caller: SimVeoCaller) async throws -> Response {
        let action = try context.parameters.require("action")
        let parts = action.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw SimGoogleError.notFound("Method not found: \(action)") }
        let model = parts[0]
        switch parts[1] {
        case "predictLongRunning":
            return try await veoCreate(request, model: model, caller: caller)
        case "fetchPredictOperation":
            let body = try await googleBody(request, maxBytes: 64 << 10)
            guard let name = body["operationName"] as? String else { throw SimGoogleError.invalidArgument("operationName is required.") }
            let segments = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard case .vertex(let project, let location) = caller.dialect, segments.count == 10, segments[0] == "projects",
                segments[1] == project, segments[2] == "locations", segments[3] == location, segments[6] == "models", segments[7] == model,
                segments[8] == "operations"
            else {
                throw SimGoogleError.invalidArgument("operationName '\(name.prefix(200))' is not an operation of this project, location and model.")
            }
            let video = try veoVideo(segments[9], model: model, caller: caller)
            return try googleJSON(veoOperation(video, caller: caller, host: host(of: request)))
        default:
            throw SimGoogleError.notFound("Method not found: \(action)")
        }
    }

    /// The caller's operation `id` of `model`, or 404.
    func veoVideo(_ id: String, model: String, caller: SimVeoCaller) throws -> SimVideo {
        guard let video = simulator.withState({ $0.video(id, owner: caller.owner) }), video.model == model else {
            throw SimGoogleError.notFound("Operation \(id.prefix(100)) not found.")
        }
        return video
    }

    /// The request's JSON object body, at most `maxBytes`.
    func googleBody(_ request: Request, maxBytes: Int) async throws -> [String: Any] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch {
            throw SimGoogleError(status: .contentTooLarge, rpcStatus: "INVALID_ARGUMENT", message: "Request payload size exceeds the limit: \(maxBytes) bytes.")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] else {
            throw SimGoogleError.invalidArgument("Invalid JSON payload received.")
        }
        return object
    }

    func googleJSON(_ object: [String: Any]) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func host(of request: Request) -> String {
        request.head.authority ?? "\(configuration.host):\(configuration.port)"
    }
}
