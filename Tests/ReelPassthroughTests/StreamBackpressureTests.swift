import Foundation
import Testing

struct StreamBackpressureTests {
    /// 2048 events of 16 KiB: a body of 32 MiB and a bit, twice the bound below, so that a front that buffered it lets
    /// the upstream finish. (Larger bodies only make the test slower: relaying and parsing them in a debug build is
    /// most of its time.)
    static let eventCount = 2048
    static let deltaBytes = 16 << 10
    /// The most the upstream may get out while the client reads nothing: the front's 1 MiB and the kernel's buffers
    /// on the way, far below the body.
    static let heldBound = 16 << 20

    @Test func aClientThatDoesNotReadHoldsTheUpstreamBackInsteadOfTheFrontBufferingTheStream() async throws {
        try await FirehoseUpstream.serve(eventCount: Self.eventCount, deltaBytes: Self.deltaBytes) { upstream, upstreamPort in
            try await PassthroughHarness.run(upstreams: ["firehose": upstreamPort]) { harness in
                let request = try JSONSerialization.data(withJSONObject: ["model": "firehose", "input": "hi", "stream": true])
                let client = try await DeferredReadClient(
                    port: try #require(URL(string: harness.frontURL)?.port),
                    method: "POST",
                    path: "/v1/responses",
                    headers: [("Authorization", "Bearer \(PassthroughHarness.masterKey)"), ("Content-Type", "application/json")],
                    body: Array(request)
                )
                // A stall of the upstream that outlasts a round trip through the front (whose transfer thread serves
                // both) is the front holding it back; a front that buffers takes everything and the upstream finishes.
                var held: FirehoseUpstream.Progress?
                for await update in upstream.updates {
                    if update.isFinished { break }
                    let (status, body) = try await harness.json(
                        "POST",
                        harness.frontURL + "/v1/responses",
                        body: ["model": "o4-mini", "input": "probe"]
                    )
                    #expect(status == 200, "\(body)")
                    let now = upstream.progress
                    if now.isStalled, now.stalls == update.stalls {
                        held = now
                        break
                    }
                }
                let progress = try #require(held, "the upstream got the whole body out, or lost its connection, while the client read nothing")
                #expect(progress.sent < Self.heldBound, "the upstream got \(progress.sent) bytes out while the client read nothing")

                let answer = try await client.readResponse()
                #expect(answer.status == 200)
                let events = StreamingTests.events(String(decoding: answer.body, as: UTF8.self))
                #expect(events.count == Self.eventCount)
                let intact = events.enumerated().allSatisfy { index, event in
                    event["sequence_number"] as? Int == index
                        && (event["delta"] as? String).map { Array($0.utf8) == FirehoseUpstream.delta(index, bytes: Self.deltaBytes) } == true
                }
                #expect(intact, "every event arrives, in order and whole")
                #expect(upstream.progress.isFinished)
            }
        }
    }
}
