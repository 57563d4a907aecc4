import Foundation
import ReelAPICore
import ReelPassthrough
import ReelHTTP
import ReelRouting
import ReelRoutingRedis
import ReelSim
import ReelTesting
import Testing

struct StreamingTests {
    static func streamRequest(_ harness: PassthroughHarness, body: [String: Any]) throws -> ReelHTTP.HTTPRequest {
        ReelHTTP.HTTPRequest(
            method: "POST", url: harness.frontURL + "/v1/responses",
            headers: ["Authorization": "Bearer \(PassthroughHarness.masterKey)", "Content-Type": "application/json"],
            body: .bytes(Array(try JSONSerialization.data(withJSONObject: body)))
        )
    }

    /// The `data:` objects of a complete event stream.
    static func events(_ text: String) -> [[String: Any]] {
        text.components(separatedBy: "\n\n").compactMap { block in
            guard let line = block.split(separator: "\n").first(where: { $0.hasPrefix("data: ") }) else { return nil }
            return (try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8))) as? [String: Any]
        }
    }

    @Test func eventsArriveAsTheyAreMadeWithIDsWrapped() async throws {
        try await PassthroughHarness.run { harness in
            harness.simulator.responses.eventDelay = .milliseconds(100)
            let response = try await harness.transport.stream(
                try Self.streamRequest(harness, body: ["model": "o4-mini", "input": "hi", "stream": true, "store": false]))
            #expect(response.status == 200 && response.headers["content-type"] == "text/event-stream")
            var text = ""
            var sawFirstWhileUpstreamBusy = false
            for try await chunk in response.body {
                if text.isEmpty {
                    // The first event is here while the provider still has events to send.
                    sawFirstWhileUpstreamBusy = harness.simulator.responses.stats.streamsCompleted == 0
                }
                text += String(decoding: chunk, as: UTF8.self)
            }
            #expect(sawFirstWhileUpstreamBusy)
            let events = Self.events(text)
            #expect(events.first?["type"] as? String == "response.created")
            #expect(events.last?["type"] as? String == "response.completed")
            let completed = try #require(events.last?["response"] as? [String: Any])
            #expect(harness.passthrough.codec.decode(completed["id"] as! String, as: .response) != nil)
            let done = try #require(events.first { $0["type"] as? String == "response.output_item.done" }?["item"] as? [String: Any])
            #expect((done["id"] as? String)?.hasPrefix("encitem_") == true)
            #expect((done["encrypted_content"] as? String)?.hasPrefix("reelenc_") == true)
            // The item from the stream works in a follow-up (restored before going upstream, pinned).
            harness.simulator.responses.eventDelay = .zero
            for _ in 0..<6 {
                let (status, body) = try await harness.json(
                    "POST", harness.frontURL + "/v1/responses",
                    body: ["model": "o4-mini", "store": false, "input": [done, ["role": "user", "content": "more"]]])
                #expect(status == 200, "\(body)")
            }
        }
    }

    @Test func aClientThatGoesAwayAbortsTheUpstreamStream() async throws {
        try await PassthroughHarness.run { harness in
            harness.simulator.responses.eventDelay = .milliseconds(200)
            do {
                let response = try await harness.transport.stream(
                    try Self.streamRequest(harness, body: ["model": "o4-mini", "input": "hi", "stream": true]))
                var iterator = response.body.makeAsyncIterator()
                _ = try await iterator.next()
            }  // the client lets go of the stream: its connection to the front closes
            _ = try await eventually { harness.simulator.responses.stats.streamsAborted > 0 }
            let stats = harness.simulator.responses.stats
            #expect(stats.streamsStarted == 1)
            #expect(stats.streamsAborted == 1, "the front closed its upstream connection")
            #expect(stats.streamsCompleted == 0)
        }
    }
}
