import Foundation
import ReelAPICore
import ReelSim
import Testing

/// A key's `rpm_limit` holds on the passthrough routes as on the video routes.
struct PassthroughRateLimitTests {
    @Test func aKeysRequestsPerMinuteAreCappedOnResponses() async throws {
        try await PassthroughHarness.run { harness in
            let (key, _) = try await harness.keys.create(VirtualKeySpec(models: ["o4-mini"], rpmLimit: 2))
            let url = harness.frontURL + "/v1/responses"
            let before = harness.simulator.stats.total
            var statuses: [Int] = []
            // Five within a second: whichever minute they fall in, one minute holds at least three of them.
            for _ in 0..<5 {
                let (status, _) = try await harness.json("POST", url, key: key, body: ["model": "o4-mini", "input": "hi", "store": false])
                statuses.append(status)
            }
            #expect(statuses.contains(429), "\(statuses)")
            #expect(harness.simulator.stats.total - before == statuses.filter { $0 == 200 }.count)
        }
    }
}
