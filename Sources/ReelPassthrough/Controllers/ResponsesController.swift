import Foundation
import Hummingbird
import Logging
import NIOCore
import ReelHTTP
import ReelLogging
import ReelRouting
import ReelAPICore

/// The Responses API passthrough: `POST /responses` (JSON, or Server-Sent Events relayed as they arrive),
/// `GET /responses/{id}`, `DELETE /responses/{id}` and `POST /responses/{id}/cancel`.
///
/// Follow-ups stay on the account that holds their state, without any cache: response ids leave as
/// `resp_…` and reasoning items as `encitem_…` / `reelenc_…` (``ResponseAffinity``), all naming the deployment
/// that made them; a request that carries them goes to that deployment, or to one with the same credentials,
/// never elsewhere (a pinned deployment cooling down answers 429 with `retry-after`). The provider only ever
/// sees its own ids and encrypted content. A `resp_…` id belongs to the key that created it: to any other key
/// it is unknown (404), exactly like a forged one.
struct ResponsesController: Sendable {
    typealias Context = APIRequestContext
    let front: PassthroughFront

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("responses", use: create)
        group.get("responses/{id}", use: retrieve)
        group.delete("responses/{id}", use: delete)
        group.post("responses/{id}/cancel", use: cancel)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireCaller()
        let bytes = Array(buffer: try await request.body.collect(upTo: front.maxBodyBytes))
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            throw APIError(.invalidJSON, "We could not parse the JSON body of your request. The body must be a JSON object.")
        }
        guard let model = object["model"] as? String, !model.isEmpty else {
            throw APIError(.missingParameter, "Missing required parameter: 'model'.", param: "model")
        }
        // The model travels in every id this response gets.
        guard model.utf8.count <= ManagedIDCodec.maxFieldSize else {
            throw APIError(.invalidParameter, "Invalid 'model': at most \(ManagedIDCodec.maxFieldSize) bytes.", param: "model")
        }
        let snapshot = front.table.snapshot
        let candidates = try PassthroughFront.candidates(model: model, patterns: caller.modelPatterns, snapshot: snapshot)
        let affinity = ResponseAffinity(codec: front.codec)
        let restored: ResponseAffinity.RestoredRequest
        do {
            restored = try affinity.restoreRequest(bytes, keyID: caller.id)
        } catch {
            throw APIError(routing: error)
        }
        let lease: UpstreamLease
        if restored.pinnedDeploymentIDs.isEmpty {
            lease = try await front.select(model: model, patterns: caller.modelPatterns, snapshot: snapshot)
        } else {
            let owner: Deployment?
            do {
                owner = try AffinityResolver(snapshot: snapshot, codec: front.codec).owner(
                    ofAll: restored.pinnedDeploymentIDs, objects: "referenced responses and items")
            } catch {
                throw APIError(routing: error)
            }
            guard let owner else { throw APIError(.internalError, "The conversation's deployment could not be determined.") }
            lease = try await front.pinned(to: owner, allowed: candidates, snapshot: snapshot)
        }
        let body: [UInt8]
        do {
            body = try Self.replacingModel(in: restored.body, with: lease.deployment.providerModel)
        } catch {
            await lease.abandon()
            throw error
        }
        var headers = lease.deployment.upstreamHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        let upstream = ReelHTTP.HTTPRequest(
            method: "POST", url: lease.deployment.upstreamURL("responses"), headers: headers, body: .bytes(body), timeouts: front.upstreamTimeouts
        )
        return try await relay(upstream, lease: lease, modelGroup: model, keyID: caller.id, context: context)
    }

    @Sendable func retrieve(_ request: Request, context: Context) async throws -> Response {
        try await forward(request, context: context, method: "GET", suffix: "")
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        try await forward(request, context: context, method: "DELETE", suffix: "")
    }

    @Sendable func cancel(_ request: Request, context: Context) async throws -> Response {
        try await forward(request, context: context, method: "POST", suffix: "/cancel")
    }

    /// GET, DELETE or cancel of a managed response id, on the deployment that holds it.
    private func forward(_ request: Request, context: Context, method: String, suffix: String) async throws -> Response {
        let caller = try context.requireCaller()
        let text = try context.parameters.require("id")
        let snapshot = front.table.snapshot
        // Forged, foreign or stale ids, other keys' ids and ids of models the key may not use are all simply unknown.
        guard let id = front.codec.decode(text, as: .response), front.codec.isOwned(id, by: caller.id),
            let owner = snapshot.deployment(id: id.deploymentID), snapshot.isAllowed(patterns: caller.modelPatterns, model: id.modelGroup)
        else {
            throw APIError(.notFound, "Response with id '\(text)' not found.", param: "response_id")
        }
        let lease = try await front.pinned(to: owner, allowed: nil, snapshot: snapshot)
        let path = "responses/" + (id.objectID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id.objectID) + suffix
        var headers = lease.deployment.upstreamHeaders()
        if method == "POST" { headers.add(name: "Content-Type", value: "application/json") }
        let upstream = ReelHTTP.HTTPRequest(
            method: method, url: lease.deployment.upstreamURL(path, query: request.uri.query), headers: headers,
            body: method == "POST" ? .bytes(Array("{}".utf8)) : .empty, timeouts: front.upstreamTimeouts
        )
        return try await relay(upstream, lease: lease, modelGroup: id.modelGroup, keyID: caller.id, context: context)
    }

    /// Sends `upstream` and answers with the provider's response: JSON with its ids wrapped, an event stream
    /// relayed event by event with its ids wrapped, or the provider's error as it is. A success Reel cannot wrap
    /// (not JSON, or an id too long to carry) answers 502; in a stream, an `error` event ends it.
    private func relay(
        _ upstream: ReelHTTP.HTTPRequest, lease: UpstreamLease, modelGroup: String, keyID: String, context: Context
    ) async throws -> Response {
        let response: HTTPStreamingResponse
        do {
            response = try await front.transport.stream(upstream)
        } catch {
            await lease.release(status: nil)
            context.logger.warning("Upstream unreachable", metadata: [LogKey.deploymentID: "\(lease.deployment.id)", LogKey.error: "\(error)"])
            throw APIError(.serviceUnavailable, "The provider could not be reached. Please retry shortly.", retryAfter: .seconds(1))
        }
        let affinity = ResponseAffinity(codec: front.codec)
        let contentType = response.headers["content-type"] ?? "application/json"
        if response.isSuccess, contentType.lowercased().hasPrefix("text/event-stream") {
            return Response(
                status: .init(code: response.status),
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: ResponseBody { writer in
                    do {
                        var splitter = SSEEventSplitter(maxEventBytes: front.maxBodyBytes)
                        do {
                            for try await chunk in response.body {
                                for event in try splitter.append(chunk) {
                                    try await writer.write(
                                        ByteBuffer(
                                            bytes: try Self.wrap(
                                                event, affinity: affinity, deployment: lease.deployment, modelGroup: modelGroup, keyID: keyID)))
                                }
                            }
                            // A last event without its blank line still reaches the client.
                            if !splitter.remainder.isEmpty { try await writer.write(ByteBuffer(bytes: splitter.remainder)) }
                        } catch let error as RoutingError {
                            context.logger.warning(
                                "Upstream stream event not wrappable", metadata: [LogKey.deploymentID: "\(lease.deployment.id)", LogKey.error: "\(error)"])
                            try await writer.write(ByteBuffer(bytes: Self.errorEvent(APIError(routing: error))))
                        } catch let error as APIError {
                            context.logger.warning("Upstream stream event too long", metadata: [LogKey.deploymentID: "\(lease.deployment.id)"])
                            try await writer.write(ByteBuffer(bytes: Self.errorEvent(error)))
                        }
                        try await writer.finish(nil)
                        await lease.release(status: response.status)
                    } catch {
                        // The client went away or the provider's stream broke: leaving the loop drops the
                        // upstream body, which aborts the transfer.
                        await lease.abandon()
                        throw error
                    }
                }
            )
        }
        let bytes: [UInt8]
        do {
            bytes = try await response.collect(upTo: front.maxBodyBytes)
        } catch {
            await lease.release(status: nil)
            throw APIError(.serviceUnavailable, "The provider's answer was cut off. Please retry shortly.", retryAfter: .seconds(1))
        }
        await lease.release(status: response.status)
        var headers: HTTPFields = [.contentType: contentType]
        if let retryAfter = response.headers["retry-after"] { headers[.retryAfter] = retryAfter }
        var answer = bytes
        if response.isSuccess {
            do throws(RoutingError) {
                answer = try affinity.wrapResponse(bytes, deployment: lease.deployment, modelGroup: modelGroup, keyID: keyID)
            } catch {
                context.logger.warning("Upstream answer not wrappable", metadata: [LogKey.deploymentID: "\(lease.deployment.id)", LogKey.error: "\(error)"])
                throw error.code == .idTooLong
                    ? APIError(routing: error) : APIError(.badGateway, "The provider's answer is not a JSON object.")
            }
            headers[.contentType] = "application/json"
        }
        return Response(status: .init(code: response.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }

    /// One event rebuilt with the JSON of its `data:` lines wrapped; other lines (`event:`, `id:`, comments) and
    /// data that is not a JSON object kept.
    /// - Throws: `RoutingError.idTooLong` when an id in the event is too long to wrap.
    static func wrap(
        _ lines: [Substring], affinity: ResponseAffinity, deployment: Deployment, modelGroup: String, keyID: String
    ) throws(RoutingError) -> [UInt8] {
        let data = lines.filter { $0.hasPrefix("data:") }.map { $0.dropFirst(5).drop { $0 == " " } }.joined(separator: "\n")
        var out = ""
        var dataWritten = false
        for line in lines {
            if line.hasPrefix("data:") {
                guard !dataWritten else { continue }
                dataWritten = true
                var wrapped = data
                do throws(RoutingError) {
                    let bytes = try affinity.wrapStreamEvent(Array(data.utf8), deployment: deployment, modelGroup: modelGroup, keyID: keyID)
                    wrapped = String(decoding: bytes, as: UTF8.self)
                } catch where error.code == .invalidBody {
                    // Not a JSON object: nothing to wrap.
                }
                out += "data: " + wrapped + "\n"
            } else {
                out += line + "\n"
            }
        }
        return Array((out + "\n").utf8)
    }

    /// A stream's `error` event, as OpenAI sends one, for `error`.
    static func errorEvent(_ error: APIError) -> [UInt8] {
        let event: [String: Any] = ["type": "error", "code": error.code.wireCode ?? NSNull(), "message": error.message, "param": NSNull()]
        let data = (try? JSONSerialization.data(withJSONObject: event, options: [.withoutEscapingSlashes])) ?? Data()
        return Array(("event: error\ndata: " + String(decoding: data, as: UTF8.self) + "\n\n").utf8)
    }

    /// `body` with `model` set to the deployment's provider model.
    static func replacingModel(in body: [UInt8], with model: String) throws -> [UInt8] {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw APIError(.invalidJSON, "The body must be a JSON object.")
        }
        object["model"] = model
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]))
    }
}
