import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import ReelHTTP
import ReelRouting
import ReelAPICore

/// Realtime over WebRTC: `POST /realtime/client_secrets` (key auth) obtains the provider's ephemeral key from a
/// deployment and hands the client a sealed ``RealtimeToken`` in its place; `POST /realtime/calls` takes that
/// token as `Authorization: Bearer …`, checks it (401 when expired, altered or foreign; 403 when the key that
/// made it may not use the model) and forwards the SDP offer to the token's deployment with the real ephemeral
/// key. Browsers may call `calls` directly: it answers CORS preflights and exposes `Location`.
struct RealtimeController: Sendable {
    typealias Context = APIRequestContext
    let front: PassthroughFront
    /// The model patterns of a key id, nil when the key no longer exists or has expired.
    let keyPatterns: @Sendable (String) async throws -> [String]?

    /// Adds `client_secrets` (behind key authentication).
    func addAuthenticatedRoutes(to group: RouterGroup<Context>) {
        group.post("realtime/client_secrets", use: createClientSecret)
    }

    /// Adds `calls` and its preflight (the token is the credential).
    func addTokenRoutes(to group: RouterGroup<Context>) {
        group.post("realtime/calls", use: createCall)
        group.on("realtime/calls", method: .options) { _, _ in
            var headers = Self.cors
            headers[.accessControlAllowMethods] = "POST, OPTIONS"
            headers[.accessControlAllowHeaders] = "Authorization, Content-Type, Accept"
            headers[.accessControlMaxAge] = "600"
            return Response(status: .noContent, headers: headers)
        }
    }

    static let cors: HTTPFields = [.accessControlAllowOrigin: "*", .accessControlExposeHeaders: "Location"]

    private var codec: RealtimeTokenCodec {
        get throws {
            guard let codec = front.realtimeTokens else {
                throw APIError(.notFound, "Realtime is not enabled on this server (reel_settings.secrets.realtime_secret is not set).")
            }
            return codec
        }
    }

    @Sendable func createClientSecret(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireCaller()
        let codec = try self.codec
        let bytes = try await request.body.collect(upTo: 1 << 20)
        guard var object = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] else {
            throw APIError(.invalidJSON, "We could not parse the JSON body of your request. The body must be a JSON object.")
        }
        var session = object["session"] as? [String: Any] ?? ["type": "realtime"]
        guard let model = session["model"] as? String ?? object["model"] as? String, !model.isEmpty else {
            throw APIError(.missingParameter, "Missing required parameter: 'session.model'.", param: "session.model")
        }
        let lease = try await front.select(model: model, patterns: caller.modelPatterns, snapshot: front.table.snapshot)
        session["model"] = lease.deployment.providerModel
        object["session"] = session
        object["model"] = nil
        var headers = lease.deployment.upstreamHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        let upstream = ReelHTTP.HTTPRequest(
            method: "POST", url: lease.deployment.upstreamURL("realtime/client_secrets"), headers: headers,
            body: .bytes(Array(try JSONSerialization.data(withJSONObject: object))), timeouts: front.upstreamTimeouts
        )
        let response: ReelHTTP.HTTPResponse
        do {
            response = try await front.transport.execute(upstream)
        } catch {
            await lease.release(status: nil)
            throw APIError(.serviceUnavailable, "The provider could not be reached. Please retry shortly.", retryAfter: .seconds(1))
        }
        await lease.release(status: response.status)
        guard response.isSuccess, var answer = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any],
            let ephemeralKey = answer["value"] as? String ?? ((answer["session"] as? [String: Any])?["client_secret"] as? [String: Any])?["value"]
                as? String
        else {
            return Self.passThrough(response)
        }
        let expiresAt = (answer["expires_at"] as? NSNumber)?.int64Value ?? front.wallClock.seconds + 600
        let token = try codec.seal(
            RealtimeToken(deploymentID: lease.deployment.id, model: model, keyID: caller.id, expiresAt: expiresAt, ephemeralKey: ephemeralKey)
        )
        answer["value"] = token
        if var answerSession = answer["session"] as? [String: Any] {
            answerSession["model"] = model
            if var secret = answerSession["client_secret"] as? [String: Any] {
                secret["value"] = token
                answerSession["client_secret"] = secret
            }
            answer["session"] = answerSession
        }
        let data = try JSONSerialization.data(withJSONObject: answer, options: [.withoutEscapingSlashes])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func createCall(_ request: Request, context: Context) async throws -> Response {
        do {
            var response = try await call(request, context: context)
            response.headers[.accessControlAllowOrigin] = "*"
            response.headers[.accessControlExposeHeaders] = "Location"
            return response
        } catch let error as APIError {
            var response = try error.response(from: request, context: context)
            response.headers[.accessControlAllowOrigin] = "*"
            return response
        }
    }

    private func call(_ request: Request, context: Context) async throws -> Response {
        let codec = try self.codec
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.lowercased().hasPrefix("bearer "),
            let token = codec.open(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        else {
            throw APIError(.invalidAPIKey, "Missing or invalid realtime token: send the client secret from /v1/realtime/client_secrets as Bearer.")
        }
        guard token.expiresAt > front.wallClock.seconds else {
            throw APIError(.invalidAPIKey, "The realtime token has expired; request a new client secret.")
        }
        guard let patterns = try await keyPatterns(token.keyID) else {
            throw APIError(.invalidAPIKey, "The key that requested this realtime token is no longer valid.")
        }
        let offer = try await Self.readOffer(request)
        let snapshot = front.table.snapshot
        let model = offer.session?["model"] as? String ?? token.model
        guard snapshot.isAllowed(patterns: patterns, model: model), snapshot.isAllowed(patterns: patterns, model: token.model) else {
            throw APIError(.permissionDenied, "The key that requested this realtime token is not allowed to access model `\(model)`.", param: "model")
        }
        guard model == token.model else {
            throw APIError(.invalidParameter, "This realtime token was issued for model `\(token.model)`, not `\(model)`.", param: "session.model")
        }
        guard let deployment = snapshot.deployment(id: token.deploymentID) else {
            throw APIError(.notFound, "The deployment that issued this realtime token is no longer configured; request a new client secret.")
        }
        var session = offer.session ?? ["type": "realtime"]
        session["model"] = deployment.providerModel
        var headers = deployment.upstreamHeaders(bearer: token.ephemeralKey)
        headers.add(name: "Accept", value: "application/sdp")
        let sessionJSON = String(decoding: try JSONSerialization.data(withJSONObject: session), as: UTF8.self)
        let upstream = ReelHTTP.HTTPRequest(
            method: "POST", url: deployment.upstreamURL("realtime/calls"), headers: headers,
            body: .multipart([.text("sdp", offer.sdp), .text("session", sessionJSON)]), timeouts: front.upstreamTimeouts
        )
        let response: ReelHTTP.HTTPResponse
        do {
            response = try await front.transport.execute(upstream)
        } catch {
            throw APIError(.serviceUnavailable, "The provider could not be reached. Please retry shortly.", retryAfter: .seconds(1))
        }
        return Self.passThrough(response)
    }

    /// An SDP offer and the optional session configuration that came with it.
    private struct Offer {
        var sdp: String
        var session: [String: Any]?
    }

    private struct MultipartOffer: Decodable {
        var sdp: String
        var session: String?
    }

    /// Reads raw `application/sdp`, JSON `{sdp, session}` or multipart `sdp` + `session`.
    private static func readOffer(_ request: Request) async throws -> Offer {
        let contentType = request.headers[.contentType] ?? "application/sdp"
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let body = try await request.body.collect(upTo: 1 << 20)
        let offer: Offer
        switch media {
        case "application/json":
            guard let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any],
                let sdp = object["sdp"] as? String
            else {
                throw APIError(.invalidJSON, "The JSON body must be an object with a string 'sdp' and an optional object 'session'.")
            }
            offer = Offer(sdp: sdp, session: object["session"] as? [String: Any])
        case "multipart/form-data":
            guard
                let boundary = contentType.split(separator: ";").dropFirst().lazy
                    .map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { $0.lowercased().hasPrefix("boundary=") })
                    .map({ String($0.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
            else {
                throw APIError(.invalidRequest, "The multipart body has no boundary.")
            }
            guard let parts = try? FormDataDecoder().decode(MultipartOffer.self, from: body, boundary: boundary) else {
                throw APIError(.invalidRequest, "The multipart body must have an 'sdp' part and an optional 'session' part.", param: "sdp")
            }
            var session: [String: Any]?
            if let text = parts.session {
                guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
                    throw APIError(.invalidParameter, "The 'session' part must be a JSON object.", param: "session")
                }
                session = object
            }
            offer = Offer(sdp: parts.sdp, session: session)
        default:
            offer = Offer(sdp: String(buffer: body), session: nil)
        }
        guard offer.sdp.hasPrefix("v=0") else {
            throw APIError(.invalidParameter, "The SDP offer is not valid: it must start with 'v=0'.", param: "sdp")
        }
        return offer
    }

    /// The provider's answer with its status, content type, `Location` and `retry-after`.
    private static func passThrough(_ response: ReelHTTP.HTTPResponse) -> Response {
        var headers: HTTPFields = [.contentType: response.headers["content-type"] ?? "application/json"]
        if let location = response.headers["location"] { headers[.location] = location }
        if let retryAfter = response.headers["retry-after"] { headers[.retryAfter] = retryAfter }
        return Response(status: .init(code: response.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}
