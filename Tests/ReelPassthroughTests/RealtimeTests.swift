import Foundation
import ReelAPICore
import ReelPassthrough
import ReelHTTP
import ReelRouting
import ReelRoutingRedis
import ReelSim
import Testing

struct RealtimeTests {
    static let offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"

    static func clientSecret(_ harness: PassthroughHarness, key: String = PassthroughHarness.masterKey) async throws -> String {
        let (status, body) = try await harness.json(
            "POST", harness.frontURL + "/v1/realtime/client_secrets", key: key,
            body: ["expires_after": ["anchor": "created_at", "seconds": 600], "session": ["type": "realtime", "model": "gpt-realtime"]]
        )
        #expect(status == 200, "\(body)")
        #expect((body["session"] as? [String: Any])?["model"] as? String == "gpt-realtime")
        return try #require(body["value"] as? String)
    }

    static func call(
        _ harness: PassthroughHarness, token: String, contentType: String = "application/sdp", body: [UInt8]? = nil
    ) async throws -> ReelHTTP.HTTPResponse {
        try await harness.transport.execute(
            ReelHTTP.HTTPRequest(
                method: "POST", url: harness.frontURL + "/v1/realtime/calls",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": contentType], body: .bytes(body ?? Array(offer.utf8))
            )
        )
    }

    @Test func aTokenOpensACallOnItsDeploymentInEveryBodyShape() async throws {
        try await PassthroughHarness.run { harness in
            let token = try await Self.clientSecret(harness)
            #expect(token.hasPrefix("rtk_") && !token.contains("ek_"))
            let session = #"{"type":"realtime","model":"gpt-realtime"}"#
            let json = try JSONSerialization.data(withJSONObject: ["sdp": Self.offer, "session": ["type": "realtime", "model": "gpt-realtime"]])
            let boundary = "b0undary"
            let multipart =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"sdp\"\r\nContent-Type: application/sdp\r\n\r\n\(Self.offer)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"session\"\r\nContent-Type: application/json\r\n\r\n\(session)\r\n--\(boundary)--\r\n"
            for (contentType, body) in [
                ("application/sdp", Array(Self.offer.utf8)), ("application/json", Array(json)),
                ("multipart/form-data; boundary=\(boundary)", Array(multipart.utf8)),
            ] {
                let response = try await Self.call(harness, token: token, contentType: contentType, body: body)
                #expect(response.status == 201, "\(contentType): \(response.bodyText)")
                #expect(response.headers["content-type"] == "application/sdp")
                #expect(response.bodyText.hasPrefix("v=0"))
                #expect(response.headers["location"]?.hasPrefix("/v1/realtime/calls/rtc_") == true)
                #expect(response.headers["access-control-expose-headers"] == "Location")
            }
            // Every call reached the account that issued the ephemeral key (rt-a holds sk-sim-a).
            #expect(harness.simulator.stats.keys["sk-sim-a"]?.routes["POST /realtime/calls"] == 3)
            #expect(harness.simulator.responses.stats.calls == 3)
        }
    }

    @Test func preflightAllowsBrowsers() async throws {
        try await PassthroughHarness.run { harness in
            let response = try await harness.transport.execute(
                ReelHTTP.HTTPRequest(
                    method: "OPTIONS", url: harness.frontURL + "/v1/realtime/calls",
                    headers: ["Origin": "https://app.example", "Access-Control-Request-Method": "POST"])
            )
            #expect(response.status == 204)
            #expect(response.headers["access-control-allow-origin"] == "*")
            #expect(response.headers["access-control-allow-methods"]?.contains("POST") == true)
            #expect(response.headers["access-control-allow-headers"]?.contains("Authorization") == true)
            #expect(response.headers["access-control-expose-headers"] == "Location")
        }
    }

    @Test func anExpiredTokenIs401() async throws {
        try await PassthroughHarness.run { harness in
            let codec = try #require(harness.passthrough.realtimeTokens)
            let token = try await Self.clientSecret(harness)
            var opened = try #require(codec.open(token))
            opened.expiresAt = Int64(Date().timeIntervalSince1970) - 1
            let response = try await Self.call(harness, token: try codec.seal(opened))
            #expect(response.status == 401 && response.bodyText.contains("expired"))
            #expect(harness.simulator.responses.stats.calls == 0)
        }
    }

    @Test func aBitFlippedTokenIs401() async throws {
        try await PassthroughHarness.run { harness in
            let token = try await Self.clientSecret(harness)
            for position in [6, token.count / 2, token.count - 2] {
                var characters = Array(token)
                characters[position] = characters[position] == "A" ? "B" : "A"
                let response = try await Self.call(harness, token: String(characters))
                #expect(response.status == 401)
            }
            #expect(try await Self.call(harness, token: String(token.dropLast(4))).status == 401)
            #expect(try await Self.call(harness, token: "ek_raw_provider_key").status == 401)
            #expect(harness.simulator.responses.stats.calls == 0)
        }
    }

    @Test func aTokenSealedUnderAnotherSecretIs401() async throws {
        try await PassthroughHarness.run { harness in
            let token = try await Self.clientSecret(harness)
            let real = try #require(harness.passthrough.realtimeTokens?.open(token))
            let foreign = try RealtimeTokenCodec(secret: "another-realtime-secret-0123456789").seal(real)
            let response = try await Self.call(harness, token: foreign)
            #expect(response.status == 401)
            #expect(harness.simulator.responses.stats.calls == 0)
        }
    }

    @Test func aTokenUsedForAModelItsKeyMayNotUseIs403() async throws {
        try await PassthroughHarness.run { harness in
            let (secret, key) = try await harness.keys.create(VirtualKeySpec(models: ["gpt-realtime"]))
            let token = try await Self.clientSecret(harness, key: secret)
            #expect(harness.passthrough.realtimeTokens?.open(token)?.keyID == key.id)
            let body = try JSONSerialization.data(withJSONObject: ["sdp": Self.offer, "session": ["type": "realtime", "model": "o4-mini"]])
            let response = try await Self.call(harness, token: token, contentType: "application/json", body: Array(body))
            #expect(response.status == 403, "\(response.bodyText)")
            // Its own model works; a revoked key's tokens stop working.
            #expect(try await Self.call(harness, token: token).status == 201)
            _ = try await harness.keys.revoke(id: key.id)
            #expect(try await Self.call(harness, token: token).status == 401)
            // A key that may not use the model gets no token at all.
            let (other, _) = try await harness.keys.create(VirtualKeySpec(models: ["o4-mini"]))
            let (status, _) = try await harness.json(
                "POST", harness.frontURL + "/v1/realtime/client_secrets", key: other,
                body: ["session": ["type": "realtime", "model": "gpt-realtime"]]
            )
            #expect(status == 403)
        }
    }
}
