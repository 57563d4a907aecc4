import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension SimController {
    /// Adds `POST /realtime/client_secrets` and `POST /realtime/calls` under `group`.
    func addRealtimeRoutes(to group: RouterGroup<Context>) {
        group.post("realtime/client_secrets", use: api("POST /realtime/client_secrets", createClientSecret))
        group.post("realtime/calls", use: createCall)
    }

    func createClientSecret(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let body = try await Self.readJSONObject(request)
        var session = body["session"] as? [String: Any] ?? ["type": "realtime"]
        guard let model = session["model"] as? String ?? body["model"] as? String, !model.isEmpty else {
            throw SimError.invalidRequest("Missing required parameter: 'session.model'.", param: "session.model", code: "missing_required_parameter")
        }
        let seconds = (body["expires_after"] as? [String: Any])?["seconds"] as? Int ?? 600
        guard (10...7200).contains(seconds) else {
            throw SimError.invalidRequest(
                "Invalid 'expires_after.seconds': must be between 10 and 7200.", param: "expires_after.seconds", code: "invalid_value"
            )
        }
        let value = simulator.makeID(prefix: "ek_")
        let expiresAt = Int(simulator.now()) + seconds
        simulator.responses.issueEphemeralKey(value, key: key, expiresAt: expiresAt)
        simulator.responses.update { $0.clientSecrets += 1 }
        session["model"] = model
        session["type"] = session["type"] ?? "realtime"
        session["object"] = "realtime.session"
        session["id"] = simulator.makeID(prefix: "sess_")
        session["expires_at"] = 0
        return try Self.jsonObject(["value": value, "expires_at": expiresAt, "session": session])
    }

    /// The SDP exchange: `Authorization: Bearer ek_…` (issued here, not expired); the offer as raw
    /// `application/sdp`, JSON `{sdp, session}` or multipart `sdp` + `session`; 201 with the answer and `Location`.
    @Sendable func createCall(_ request: Request, _ context: Context) async throws -> Response {
        let route = "POST /realtime/calls"
        let token = request.headers[.authorization].flatMap { value -> String? in
            let parts = value.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0].lowercased() == "bearer" ? String(parts[1]) : nil
        }
        guard let token, let key = simulator.responses.owner(ofEphemeralKey: token, now: Int(simulator.now())) else {
            simulator.count(route: route, key: nil)
            throw SimError.invalidKey
        }
        simulator.count(route: route, key: key)
        let offer = try await Self.readOffer(request)
        guard offer.hasPrefix("v=0") else {
            throw SimError.invalidRequest("The SDP offer is not valid: it must start with 'v=0'.", param: "sdp", code: "invalid_offer")
        }
        simulator.responses.update { $0.calls += 1 }
        let answer =
            "v=0\r\no=- \(Int(simulator.now())) 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\na=rtpmap:111 opus/48000/2\r\n"
        let headers: HTTPFields = [.contentType: "application/sdp", .location: "/v1/realtime/calls/\(simulator.makeID(prefix: "rtc_"))"]
        return Response(status: .created, headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer)))
    }

    private static func readOffer(_ request: Request) async throws -> String {
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        if contentType.hasPrefix("multipart/form-data") {
            let form = try await SimForm.read(request, maxBytes: SimForm.jsonLimit)
            guard let sdp = form.string("sdp") else {
                throw SimError.invalidRequest("Missing required parameter: 'sdp'.", param: "sdp", code: "missing_required_parameter")
            }
            return sdp
        }
        if contentType.hasPrefix("application/json") {
            guard let sdp = try await readJSONObject(request)["sdp"] as? String else {
                throw SimError.invalidRequest("Missing required parameter: 'sdp'.", param: "sdp", code: "missing_required_parameter")
            }
            return sdp
        }
        let buffer = try await request.body.collect(upTo: SimForm.jsonLimit)
        return String(buffer: buffer)
    }
}
