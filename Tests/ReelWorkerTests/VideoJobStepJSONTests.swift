import Foundation
import Testing

import ReelWorker

/// The step state's own JSON writer and reader agree with `JSONEncoder`/`JSONDecoder` in both directions, so step
/// states checkpointed by any Reel version stay readable.
struct VideoJobStepJSONTests {
    static var steps: [VideoJobStep] {
        [
            VideoJobStep(),
            VideoJobStep(
                phase: .poll, deploymentID: "sim-a", unconfirmedSubmitTo: "sim \"b\"\n", providerObjectID: "video_é🐈",
                pollIntervalMs: 1_500, consecutiveErrors: 3, expiresAt: -1_700_000_000
            ),
            VideoJobStep(phase: .fetch, providerObjectID: "video_1", expiresAt: Int64.max),
        ]
    }

    @Test func writtenStepsReadBackWithJSONDecoderAndTheOwnReader() throws {
        for step in Self.steps {
            #expect(try JSONDecoder().decode(VideoJobStep.self, from: Data(step.json.utf8)) == step)
            #expect(try VideoJobStep(json: step.json) == step)
        }
    }

    @Test func stepsWrittenByJSONEncoderReadBack() throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys]
        for step in Self.steps {
            #expect(try VideoJobStep(json: String(decoding: try JSONEncoder().encode(step), as: UTF8.self)) == step)
            #expect(try VideoJobStep(json: String(decoding: try pretty.encode(step), as: UTF8.self)) == step)
        }
    }

    @Test func everyStoredPropertyIsWritten() throws {
        let full = Self.steps[1]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(full.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(Mirror(reflecting: full).children.compactMap(\.label)))
    }

    @Test(arguments: [
        #"{"phase":"poll","consecutiveErrors":0,"pollIntervalMs":250.0}"#,
        #"{"phase":"submit","consecutiveErrors":1,"deploymentID":null,"future":{"x":[true]}}"#,
    ])
    func otherValidFormsReadAsJSONDecoderReadsThem(_ json: String) throws {
        #expect(try VideoJobStep(json: json) == JSONDecoder().decode(VideoJobStep.self, from: Data(json.utf8)))
    }

    @Test(arguments: ["", "{}", #"{"phase":"poll"}"#, #"{"phase":"teleport","consecutiveErrors":0}"#])
    func invalidStepsThrow(_ json: String) {
        #expect(throws: (any Error).self) { try VideoJobStep(json: json) }
    }
}
