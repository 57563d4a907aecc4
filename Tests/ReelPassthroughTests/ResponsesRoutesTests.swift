import Foundation
import ReelAPICore
import ReelPassthrough
import ReelHTTP
import ReelRouting
import ReelRoutingRedis
import ReelSim
import ReelTesting
import Testing

struct ResponsesRoutesTests {
    @Test func idsAndItemsLeaveManagedAndComeBackRestored() async throws {
        try await PassthroughHarness.run { harness in
            let url = harness.frontURL + "/v1/responses"
            let (status, response) = try await harness.json("POST", url, body: ["model": "o4-mini", "input": "hi", "store": false])
            #expect(status == 200)
            let id = try #require(response["id"] as? String)
            #expect(harness.passthrough.codec.decode(id, as: .response) != nil)
            let reasoning = try #require((response["output"] as? [[String: Any]])?.first)
            #expect((reasoning["id"] as? String)?.hasPrefix("encitem_") == true)
            #expect((reasoning["encrypted_content"] as? String)?.hasPrefix("reelenc_") == true)
            // A forged item: an encitem_ id that does not verify is passed on as is and the provider refuses it.
            var forged = reasoning
            forged["encrypted_content"] = "reelenc_AAAA:gAAAABforged"
            let (forgedStatus, forgedBody) = try await harness.json("POST", url, body: ["model": "o4-mini", "input": [forged], "store": false])
            #expect(forgedStatus == 400 && PassthroughHarness.errorCode(forgedBody) == "invalid_encrypted_content")
        }
    }

    @Test func retrieveDeleteAndCancelGoToTheOwner() async throws {
        try await PassthroughHarness.run { harness in
            let url = harness.frontURL + "/v1/responses"
            let (_, stored) = try await harness.json("POST", url, body: ["model": "o4-mini", "input": "hi"])
            let id = try #require(stored["id"] as? String)
            for _ in 0..<10 {  // without pinning, 2 in 3 of these would miss
                let (status, retrieved) = try await harness.json("GET", harness.frontURL + "/responses/" + id)
                #expect(status == 200 && retrieved["id"] as? String == id)
            }
            let (_, followUp) = try await harness.json("POST", url, body: ["model": "o4-mini", "input": "more", "previous_response_id": id])
            #expect(followUp["previous_response_id"] as? String == id, "the echo is the managed id the client sent")
            let (cancelStatus, cancelBody) = try await harness.json("POST", url + "/" + id + "/cancel")
            #expect(cancelStatus == 400, "\(cancelBody)")  // only background responses can be cancelled, as upstream says
            let (_, background) = try await harness.json("POST", url, body: ["model": "o4-mini", "input": "hi", "background": true])
            let (cancelled, cancelledBody) = try await harness.json("POST", url + "/" + (background["id"] as! String) + "/cancel")
            #expect(cancelled == 200 && cancelledBody["status"] as? String == "cancelled")
            let (deleted, deletedBody) = try await harness.json("DELETE", url + "/" + id)
            #expect(deleted == 200 && deletedBody["deleted"] as? Bool == true && deletedBody["id"] as? String == id)
            let (gone, _) = try await harness.json("GET", url + "/" + id)
            #expect(gone == 404)
            // Tampered, truncated and foreign ids are unknown, and never reach a provider.
            let before = harness.simulator.stats.total
            var tampered = Array(id)
            tampered[tampered.count / 2] = tampered[tampered.count / 2] == "A" ? "B" : "A"
            for bad in [String(tampered), String(id.dropLast(3)), "resp_0123456789abcdef"] {
                let (status, body) = try await harness.json("GET", url + "/" + bad)
                #expect(status == 404 && PassthroughHarness.errorCode(body) == "not_found")
            }
            #expect(harness.simulator.stats.total == before)
        }
    }

    @Test func aResponseBelongsToTheKeyThatCreatedIt() async throws {
        try await PassthroughHarness.run { harness in
            let (owner, _) = try await harness.keys.create(VirtualKeySpec(models: ["o4-mini"]))
            let (other, _) = try await harness.keys.create(VirtualKeySpec(models: ["o4-mini"]))
            let url = harness.frontURL + "/v1/responses"
            let (_, created) = try await harness.json("POST", url, key: owner, body: ["model": "o4-mini", "input": "hi", "background": true])
            let id = try #require(created["id"] as? String)
            let unknown = "resp_" + String(id.dropFirst(5).reversed())
            let before = harness.simulator.stats.total
            // To another key the id is unknown: the same answer as for an id that never existed, and no upstream call.
            for (method, suffix) in [("GET", ""), ("DELETE", ""), ("POST", "/cancel")] {
                let (status, body) = try await harness.json(method, url + "/" + id + suffix, key: other)
                let (unknownStatus, unknownBody) = try await harness.json(method, url + "/" + unknown + suffix, key: other)
                #expect(status == 404 && unknownStatus == 404, "\(method) \(suffix): \(body)")
                let error = try #require(body["error"] as? [String: Any])
                var expected = try #require(unknownBody["error"] as? [String: Any])
                expected["message"] = (expected["message"] as? String)?.replacingOccurrences(of: unknown, with: id)
                #expect(NSDictionary(dictionary: error) == NSDictionary(dictionary: expected))
            }
            for previous in [id, unknown] {
                let (status, body) = try await harness.json(
                    "POST", url, key: other, body: ["model": "o4-mini", "input": "more", "previous_response_id": previous])
                #expect(status == 404 && PassthroughHarness.errorCode(body) == "not_found")
                #expect((body["error"] as? [String: Any])?["message"] as? String == "Previous response with id '\(previous)' not found.")
            }
            #expect(harness.simulator.stats.total == before)
            // The owner still has it all.
            let (retrieved, _) = try await harness.json("GET", url + "/" + id, key: owner)
            #expect(retrieved == 200)
            let (followUp, _) = try await harness.json("POST", url, key: owner, body: ["model": "o4-mini", "input": "more", "previous_response_id": id])
            #expect(followUp == 200)
            let (cancelled, _) = try await harness.json("POST", url + "/" + id + "/cancel", key: owner)
            #expect(cancelled == 200)
        }
    }

    @Test func anUpstreamIDTooLongToCarryIsA502NotACrash() async throws {
        try await PassthroughHarness.run { harness in
            let url = harness.frontURL + "/v1/responses"
            let padding = ManagedIDCodec.maxFieldSize + 100
            let (set, _) = try await harness.json("POST", harness.simURL + "/sim/responses", body: ["id_padding": padding])
            #expect(set == 200)
            let (status, body) = try await harness.json("POST", url, body: ["model": "o4-mini", "input": "hi"])
            #expect(status == 502 && PassthroughHarness.errorCode(body) == "bad_gateway", "\(body)")
            let message = try #require((body["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("object id") && message.contains("1024"), "\(message)")
            // Streamed: the status has gone out, so an `error` event ends the stream, and no unwrapped id leaks.
            let stream = try await harness.transport.execute(
                ReelHTTP.HTTPRequest(
                    method: "POST", url: url,
                    headers: ["Authorization": "Bearer \(PassthroughHarness.masterKey)", "Content-Type": "application/json"],
                    body: .bytes(Array(#"{"model": "o4-mini", "input": "hi", "stream": true}"#.utf8))
                )
            )
            let text = String(decoding: stream.body, as: UTF8.self)
            #expect(stream.status == 200)
            #expect(text.hasSuffix("\n\n") && text.contains("event: error\ndata: ") && text.contains(#""code":"bad_gateway""#), "\(text)")
            #expect(!text.contains(String(repeating: "0", count: padding)))
            // The front is still up and serves ordinary ids.
            _ = try await harness.json("POST", harness.simURL + "/sim/responses", body: ["id_padding": 0])
            let (after, _) = try await harness.json("POST", url, body: ["model": "o4-mini", "input": "hi"])
            #expect(after == 200)
        }
    }

    @Test func modelAccessIsChecked() async throws {
        try await PassthroughHarness.run { harness in
            let (secret, _) = try await harness.keys.create(VirtualKeySpec(models: ["solo"]))
            let url = harness.frontURL + "/v1/responses"
            let (status, body) = try await harness.json("POST", url, key: secret, body: ["model": "o4-mini", "input": "hi"])
            #expect(status == 403 && PassthroughHarness.errorCode(body) == "model_not_allowed")
            // A response of a model the key may not use is unknown to it.
            let (_, response) = try await harness.json("POST", url, body: ["model": "o4-mini", "input": "hi"])
            let (hidden, _) = try await harness.json("GET", url + "/" + (response["id"] as! String), key: secret)
            #expect(hidden == 404)
            let (unknown, _) = try await harness.json("POST", url, body: ["model": "nope", "input": "hi"])
            #expect(unknown == 400)
            let (missing, _) = try await harness.json("POST", url, body: ["input": "hi"])
            #expect(missing == 400)
        }
    }

    @Test(.enabled(if: RedisTestEnvironment.shouldRun))
    func aPinnedDeploymentCoolingDownGoesToTheSameAccountOr429() async throws {
        try await RedisTestEnvironment.withClient { redis in
            try await PassthroughHarness.run(redis: redis) { harness in
                let url = harness.frontURL + "/v1/responses"
                let state = try #require(harness.passthrough.routerState)
                var soloID = ""
                for model in ["pair", "solo"] {
                    let (_, first) = try await harness.json("POST", url, body: ["model": model, "input": "hi", "store": false])
                    let id = try #require(first["id"] as? String)
                    soloID = id
                    let owner = try #require(harness.passthrough.codec.decode(id, as: .response)).deploymentID
                    try await state.recordFailure(deploymentID: owner)  // allowed_fails 0: cooling down for 30 s
                    let before = harness.simulator.stats.keys
                    let followUp: [String: Any] = [
                        "model": model, "store": false, "input": (first["output"] as! [Any]) + [["role": "user", "content": "more"]],
                    ]
                    let (status, body) = try await harness.json("POST", url, body: followUp)
                    let after = harness.simulator.stats.keys
                    let changed = after.filter { before[$0.key]?.total != $0.value.total }.map(\.key)
                    if model == "pair" {
                        // The other deployment of the same account serves it.
                        #expect(status == 200, "\(body)")
                        #expect(changed == ["sk-sim-p"])
                    } else {
                        #expect(status == 429 && PassthroughHarness.errorCode(body) == "rate_limit_exceeded")
                        #expect(changed.isEmpty, "no other account is ever tried")
                    }
                }
                // The retry-after header is there.
                let response = try await harness.transport.execute(
                    ReelHTTP.HTTPRequest(method: "GET", url: url + "/" + soloID, headers: ["Authorization": "Bearer \(PassthroughHarness.masterKey)"])
                )
                #expect(response.status == 429)
                let retryAfter = try #require(response.headers["retry-after"].flatMap(Int.init))
                #expect((1...30).contains(retryAfter))
            }
        }
    }
}
