import Foundation
import ReelJSON

extension VideoJobPayload {
    /// The payload's JSON text, exactly as its `Codable` form reads (absent optionals left out), written without
    /// `JSONEncoder`: the front writes one per enqueue.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("kind", kind.rawValue)
        writer.member("deploymentID", deploymentID)
        writer.member("modelGroup", modelGroup)
        writer.member("prompt", ifPresent: prompt)
        writer.member("seconds", ifPresent: seconds)
        writer.member("size", ifPresent: size)
        if let inputReference {
            writer.key("inputReference")
            writer.beginObject()
            switch inputReference {
            case .upload(let blob):
                writer.key("upload")
                writer.beginObject()
                writer.key("_0")
                blob.write(to: &writer)
            case .imageURL(let url):
                writer.key("imageURL")
                writer.beginObject()
                writer.member("_0", url)
            case .fileID(let id):
                writer.key("fileID")
                writer.beginObject()
                writer.member("_0", id)
            }
            writer.endObject()
            writer.endObject()
        }
        writer.member("characterIDs", characterIDs)
        writer.member("sourceVideoID", ifPresent: sourceVideoID)
        writer.member("sourceUpload", ifPresent: sourceUpload)
        writer.member("characterName", ifPresent: characterName)
        writer.member("characterVideo", ifPresent: characterVideo)
        writer.member("extraBody", ifPresent: extraBody)
        writer.endObject()
        return writer.text
    }

    /// Reads a payload's JSON text, as any Reel version stored it: the same result as `JSONDecoder`. Payloads in the
    /// shape the front writes are read without `JSONDecoder` (workers read one per tick); any other valid form goes
    /// through it.
    /// - Throws: `JSONDecoder`'s error when the text is not a valid payload.
    public init(json: String) throws {
        if let payload = try? Self.scan(json) {
            self = payload
        } else {
            self = try JSONDecoder().decode(VideoJobPayload.self, from: Data(json.utf8))
        }
    }

    /// The payload read with ``JSONScanner``; throws where the text is not in the shape the front writes.
    package static func scan(_ json: String) throws -> VideoJobPayload {
        var scanner = JSONScanner(json)
        var kind: VideoJobKind?
        var deploymentID, modelGroup: String?
        var payload = VideoJobPayload(kind: .generate, deploymentID: "", modelGroup: "")
        var characterIDs: [String]?
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "kind": kind = VideoJobKind(rawValue: try scanner.string())
            case "deploymentID": deploymentID = try scanner.string()
            case "modelGroup": modelGroup = try scanner.string()
            case "prompt": payload.prompt = try scanner.optionalString()
            case "seconds": payload.seconds = try scanner.optionalString()
            case "size": payload.size = try scanner.optionalString()
            case "inputReference": payload.inputReference = scanner.skipNull() ? nil : try scanInputReference(&scanner)
            case "characterIDs": characterIDs = try scanner.strings()
            case "sourceVideoID": payload.sourceVideoID = try scanner.optionalString()
            case "sourceUpload": payload.sourceUpload = scanner.skipNull() ? nil : try BlobReference.scan(&scanner)
            case "characterName": payload.characterName = try scanner.optionalString()
            case "characterVideo": payload.characterVideo = scanner.skipNull() ? nil : try BlobReference.scan(&scanner)
            case "extraBody": payload.extraBody = try scanner.optionalString()
            default: try scanner.skipValue()
            }
        }
        try scanner.end()
        guard let kind, let deploymentID, let modelGroup, let characterIDs else { throw JSONScanner.Mismatch() }
        payload.kind = kind
        payload.deploymentID = deploymentID
        payload.modelGroup = modelGroup
        payload.characterIDs = characterIDs
        return payload
    }

    /// `{"upload":{"_0":{…}}}`, `{"imageURL":{"_0":"…"}}` or `{"fileID":{"_0":"…"}}`, as `Codable` writes the enum.
    private static func scanInputReference(_ scanner: inout JSONScanner) throws -> InputReference {
        try scanner.beginObject()
        guard let kind = try scanner.nextKey() else { throw JSONScanner.Mismatch() }
        try scanner.beginObject()
        guard try scanner.nextKey() == "_0" else { throw JSONScanner.Mismatch() }
        let reference: InputReference
        switch kind {
        case "upload": reference = .upload(try BlobReference.scan(&scanner))
        case "imageURL": reference = .imageURL(try scanner.string())
        case "fileID": reference = .fileID(try scanner.string())
        default: throw JSONScanner.Mismatch()
        }
        guard try scanner.nextKey() == nil, try scanner.nextKey() == nil else { throw JSONScanner.Mismatch() }
        return reference
    }
}
