import Foundation
import ReelJSON
import ReelQueue

extension VideoJobStep {
    /// The step state's JSON text: the keys of its `Codable` form (absent optionals left out), written without
    /// `JSONEncoder` (one per snooze).
    package var json: String {
        var writer = JSONWriter(capacity: 160)
        writer.beginObject()
        writer.member("phase", phase.rawValue)
        writer.member("deploymentID", ifPresent: deploymentID)
        writer.member("unconfirmedSubmitTo", ifPresent: unconfirmedSubmitTo)
        writer.member("providerObjectID", ifPresent: providerObjectID)
        writer.member("pollIntervalMs", ifPresent: pollIntervalMs)
        writer.member("consecutiveErrors", consecutiveErrors)
        writer.member("expiresAt", ifPresent: expiresAt)
        writer.endObject()
        return writer.text
    }

    /// Reads a step state's JSON text, as any Reel version stored it: the same result as `JSONDecoder`. The shape
    /// ``json`` writes is read without `JSONDecoder` (one per tick); any other valid form goes through it.
    /// - Throws: `JSONDecoder`'s error when the text is not a valid step state.
    package init(json: String) throws {
        if let step = try? Self.scan(json) {
            self = step
        } else {
            self = try JSONDecoder().decode(VideoJobStep.self, from: Data(json.utf8))
        }
    }

    /// The step state read with ``JSONScanner``; throws where the text is not in the shape ``json`` writes.
    private static func scan(_ json: String) throws -> VideoJobStep {
        var scanner = JSONScanner(json)
        var step = VideoJobStep()
        var phase: Phase?
        var consecutiveErrors: Int?
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "phase": phase = Phase(rawValue: try scanner.string())
            case "deploymentID": step.deploymentID = try scanner.optionalString()
            case "unconfirmedSubmitTo": step.unconfirmedSubmitTo = try scanner.optionalString()
            case "providerObjectID": step.providerObjectID = try scanner.optionalString()
            case "pollIntervalMs": step.pollIntervalMs = try scanner.optionalInt(Int64.self)
            case "consecutiveErrors": consecutiveErrors = try scanner.int()
            case "expiresAt": step.expiresAt = try scanner.optionalInt(Int64.self)
            default: try scanner.skipValue()
            }
        }
        try scanner.end()
        guard let phase, let consecutiveErrors else { throw JSONScanner.Mismatch() }
        step.phase = phase
        step.consecutiveErrors = consecutiveErrors
        return step
    }
}
