import Foundation
import ReelJSON

extension VideoRecord {
    /// The record's JSON text, as stored in the job: the keys of its `Codable` form (absent optionals left out),
    /// so every reader, `JSONDecoder` included, reads it. Written without `JSONEncoder`: the front writes one per
    /// enqueue.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("id", id)
        writer.member("object", object.rawValue)
        writer.member("owner", owner)
        writer.member("model", model)
        writer.member("status", status.rawValue)
        writer.member("progress", progress)
        writer.member("createdAt", createdAt)
        writer.member("completedAt", ifPresent: completedAt)
        writer.member("expiresAt", ifPresent: expiresAt)
        writer.member("prompt", ifPresent: prompt)
        writer.member("seconds", ifPresent: seconds)
        writer.member("size", ifPresent: size)
        writer.member("remixedFromVideoID", ifPresent: remixedFromVideoID)
        writer.member("error", ifPresent: error)
        writer.member("name", ifPresent: name)
        writer.member("deploymentID", deploymentID)
        writer.member("providerObjectID", ifPresent: providerObjectID)
        writer.member("variants", variants)
        writer.member("deleted", deleted)
        writer.endObject()
        return writer.text
    }

    /// Reads a record's JSON text, as any Reel version stored it: the same result as `JSONDecoder`, nil where
    /// that fails. Records in the shape Reel writes are read without `JSONDecoder` (one per status read); any
    /// other valid form (numbers such as `4.0`, say) goes through it.
    public init?(json: String) {
        if let record = try? Self.scan(json) {
            self = record
        } else if let record = try? JSONDecoder().decode(VideoRecord.self, from: Data(json.utf8)) {
            self = record
        } else {
            return nil
        }
    }

    /// The record read with ``JSONScanner``; throws where the text is not in the shape Reel writes.
    package static func scan(_ json: String) throws -> VideoRecord {
        var scanner = JSONScanner(json)
        var id, owner, model, deploymentID: String?
        var object: Object?
        var status: VideoStatus?
        var progress: Int?
        var createdAt: Int64?
        var completedAt, expiresAt: Int64?
        var prompt, seconds, size, remixedFromVideoID, name, providerObjectID: String?
        var error: VideoError?
        var variants: [String]?
        var deleted: Bool?
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "id": id = try scanner.string()
            case "object": object = Object(rawValue: try scanner.string())
            case "owner": owner = try scanner.string()
            case "model": model = try scanner.string()
            case "status": status = VideoStatus(rawValue: try scanner.string())
            case "progress": progress = try scanner.int()
            case "createdAt": createdAt = try scanner.int(Int64.self)
            case "completedAt": completedAt = try scanner.optionalInt(Int64.self)
            case "expiresAt": expiresAt = try scanner.optionalInt(Int64.self)
            case "prompt": prompt = try scanner.optionalString()
            case "seconds": seconds = try scanner.optionalString()
            case "size": size = try scanner.optionalString()
            case "remixedFromVideoID": remixedFromVideoID = try scanner.optionalString()
            case "name": name = try scanner.optionalString()
            case "deploymentID": deploymentID = try scanner.string()
            case "providerObjectID": providerObjectID = try scanner.optionalString()
            case "deleted": deleted = try scanner.bool()
            case "error": error = scanner.skipNull() ? nil : try VideoError.scan(&scanner)
            case "variants": variants = try scanner.strings()
            default:
                try scanner.skipValue()
            }
        }
        try scanner.end()
        guard let id, let object, let owner, let model, let status, let progress, let createdAt, let deploymentID, let variants,
            let deleted
        else { throw JSONScanner.Mismatch() }
        return VideoRecord(
            id: id, object: object, owner: owner, model: model, status: status, progress: progress, createdAt: createdAt,
            completedAt: completedAt, expiresAt: expiresAt, prompt: prompt, seconds: seconds, size: size,
            remixedFromVideoID: remixedFromVideoID, error: error, name: name, deploymentID: deploymentID,
            providerObjectID: providerObjectID, variants: variants, deleted: deleted
        )
    }
}
