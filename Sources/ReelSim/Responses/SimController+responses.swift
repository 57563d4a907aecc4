import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension SimController {
    /// Adds the Responses API routes under `group` (mounted at `/`, `/v1` and `/openai/v1`).
    func addResponsesRoutes(to group: RouterGroup<Context>) {
        group.post("responses", use: api("POST /responses", createResponse))
        group.get("responses/{id}", use: api("GET /responses/{id}", retrieveResponse))
        group.delete("responses/{id}", use: api("DELETE /responses/{id}", deleteResponse))
        group.post("responses/{id}/cancel", use: api("POST /responses/{id}/cancel", cancelResponse))
    }

    /// Adds `GET /sim/responses` (counters) and `POST /sim/responses` (`{"event_delay_ms": n, "id_padding": n}`,
    /// either or both) under `group`.
    func addResponsesAdminRoutes(to group: RouterGroup<Context>) {
        group.get("responses") { _, _ in try json(simulator.responses.stats) }
        group.post("responses") { request, _ in
            let body = try await Self.readJSONObject(request)
            let delay = body["event_delay_ms"] as? Int
            let padding = body["id_padding"] as? Int
            guard delay != nil || padding != nil, (delay ?? 0) >= 0, (0...1_000_000).contains(padding ?? 0) else {
                throw SimError.invalidRequest(
                    "Send {\"event_delay_ms\": <milliseconds ≥ 0>} and/or {\"id_padding\": <characters, 0…1000000>}.", param: "event_delay_ms")
            }
            if let delay { simulator.responses.eventDelay = .milliseconds(delay) }
            if let padding { simulator.responses.idPadding = padding }
            return try json(simulator.responses.stats)
        }
    }

    func createResponse(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let store = simulator.responses
        store.update { $0.created += 1 }
        let body = try await Self.readJSONObject(request)
        guard let model = body["model"] as? String, !model.isEmpty else {
            throw SimError.invalidRequest("Missing required parameter: 'model'.", param: "model", code: "missing_required_parameter")
        }
        if let previous = body["previous_response_id"] as? String, store.response(previous, key: key) == nil {
            store.update { $0.previousResponseNotFound += 1 }
            throw SimError.invalidRequest(
                "Previous response with id '\(previous)' not found.", param: "previous_response_id", code: "previous_response_not_found"
            )
        }
        for item in body["input"] as? [Any] ?? [] {
            guard let item = item as? [String: Any], let content = item["encrypted_content"] as? String else { continue }
            let itemID = item["id"] as? String
            guard store.verify(content, itemID: itemID, key: key) else {
                store.update { $0.invalidEncryptedContent += 1 }
                throw SimError.invalidRequest(
                    "The encrypted content for item \(itemID ?? "(no id)") could not be verified. Reason: Encrypted content organization_id did not match the target organization.",
                    code: "invalid_encrypted_content"
                )
            }
        }
        let stored = body["store"] as? Bool ?? true
        let background = body["background"] as? Bool ?? false
        let response = makeResponse(body, model: model, key: key, status: background ? "queued" : "completed")
        let id = response["id"] as! String
        if stored || background { store.store(response, id: id, key: key) }
        guard body["stream"] as? Bool == true else { return try Self.jsonObject(response) }
        return stream(response)
    }

    func retrieveResponse(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let response = simulator.responses.response(id, key: key) else { throw Self.responseNotFound(id) }
        return try Self.jsonObject(response)
    }

    func deleteResponse(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let id = try context.parameters.require("id")
        guard simulator.responses.delete(id, key: key) else { throw Self.responseNotFound(id) }
        return try Self.jsonObject(["id": id, "object": "response", "deleted": true])
    }

    func cancelResponse(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let id = try context.parameters.require("id")
        guard var response = simulator.responses.response(id, key: key) else { throw Self.responseNotFound(id) }
        guard response["background"] as? Bool == true else {
            throw SimError.invalidRequest("Only responses created with background=true can be cancelled.", code: "invalid_request")
        }
        response["status"] = "cancelled"
        simulator.responses.store(response, id: id, key: key)
        return try Self.jsonObject(response)
    }

    /// The words of every answer; streamed one delta each.
    static let answerWords = ["Hello", " from", " the", " simulated", " Responses", " API", "."]

    private func makeResponse(_ body: [String: Any], model: String, key: String, status: String) -> [String: Any] {
        let reasoningID = simulator.makeID(prefix: "rs_")
        let reasoning: [String: Any] = [
            "type": "reasoning", "id": reasoningID, "summary": [],
            "encrypted_content": simulator.responses.encryptedContent(itemID: reasoningID, key: key),
        ]
        let message: [String: Any] = [
            "type": "message", "id": simulator.makeID(prefix: "msg_"), "status": "completed", "role": "assistant",
            "content": [["type": "output_text", "text": Self.answerWords.joined(), "annotations": [], "logprobs": []]],
        ]
        let now = Int(simulator.now())
        return [
            "id": simulator.makeID(prefix: "resp_") + String(repeating: "0", count: simulator.responses.idPadding), "object": "response", "created_at": now, "status": status,
            "completed_at": status == "completed" ? now : NSNull(), "background": body["background"] as? Bool ?? false,
            "error": NSNull(), "incomplete_details": NSNull(), "instructions": body["instructions"] ?? NSNull(),
            "max_output_tokens": NSNull(), "model": model, "output": status == "completed" ? [reasoning, message] : [],
            "parallel_tool_calls": true, "previous_response_id": body["previous_response_id"] ?? NSNull(),
            "reasoning": ["effort": "medium", "summary": NSNull()], "store": body["store"] as? Bool ?? true,
            "temperature": 1.0, "text": ["format": ["type": "text"]], "tool_choice": "auto", "tools": [], "top_p": 1.0,
            "truncation": "disabled", "metadata": [:],
            "usage": [
                "input_tokens": 20, "input_tokens_details": ["cached_tokens": 0], "output_tokens": 150,
                "output_tokens_details": ["reasoning_tokens": 128], "total_tokens": 170,
            ],
        ]
    }

    /// The events of `response` as Server-Sent Events, `eventDelay` apart.
    private func stream(_ response: [String: Any]) -> Response {
        let store = simulator.responses
        let events = Self.events(of: response).map { event -> ByteBuffer in
            let data = (try? JSONSerialization.data(withJSONObject: event)) ?? Data()
            return ByteBuffer(string: "event: \(event["type"] as! String)\ndata: \(String(decoding: data, as: UTF8.self))\n\n")
        }
        let delay = store.eventDelay
        store.update { $0.streamsStarted += 1 }
        let body = ResponseBody { writer in
            do {
                for (index, event) in events.enumerated() {
                    if index > 0, delay > .zero { try await Task.sleep(for: delay) }
                    try await writer.write(event)
                }
                try await writer.finish(nil)
                store.update { $0.streamsCompleted += 1 }
            } catch {
                store.update { $0.streamsAborted += 1 }
                throw error
            }
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    /// The event sequence OpenAI streams for a response with a reasoning item and a message.
    private static func events(of response: [String: Any]) -> [[String: Any]] {
        let output = response["output"] as? [[String: Any]] ?? []
        var pending = response
        pending["status"] = "in_progress"
        pending["output"] = []
        pending["completed_at"] = NSNull()
        var events: [[String: Any]] = [["type": "response.created", "response": pending], ["type": "response.in_progress", "response": pending]]
        for (index, item) in output.enumerated() {
            var added = item
            if item["type"] as? String == "reasoning" { added["encrypted_content"] = NSNull() }
            if item["type"] as? String == "message" {
                added["content"] = []
                added["status"] = "in_progress"
            }
            events.append(["type": "response.output_item.added", "output_index": index, "item": added])
            if item["type"] as? String == "message", let itemID = item["id"] as? String {
                let part: [String: Any] = ["type": "output_text", "text": "", "annotations": []]
                events.append(["type": "response.content_part.added", "item_id": itemID, "output_index": index, "content_index": 0, "part": part])
                for word in answerWords {
                    events.append([
                        "type": "response.output_text.delta", "item_id": itemID, "output_index": index, "content_index": 0, "delta": word,
                        "logprobs": [],
                    ])
                }
                let text = answerWords.joined()
                events.append([
                    "type": "response.output_text.done", "item_id": itemID, "output_index": index, "content_index": 0, "text": text, "logprobs": [],
                ])
                var done = part
                done["text"] = text
                events.append(["type": "response.content_part.done", "item_id": itemID, "output_index": index, "content_index": 0, "part": done])
            }
            events.append(["type": "response.output_item.done", "output_index": index, "item": item])
        }
        events.append(["type": "response.completed", "response": response])
        return events.enumerated().map { index, event in
            var event = event
            event["sequence_number"] = index
            return event
        }
    }

    static func responseNotFound(_ id: String) -> SimError {
        .notFound("Response with id '\(id)' not found.")
    }

    /// The request body as a JSON object (400 otherwise).
    static func readJSONObject(_ request: Request) async throws -> [String: Any] {
        let buffer = try await request.body.collect(upTo: SimForm.jsonLimit * 16)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] else {
            throw SimError.invalidRequest("We could not parse the JSON body of your request. Send a JSON object.")
        }
        return object
    }

    static func jsonObject(_ object: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
