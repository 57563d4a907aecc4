package import ReelJSON

extension BlobReference: JSONWritable {
    /// Writes `{"key":…,"contentType":…,"filename":…,"size":…}`, the keys of its `Codable` form.
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("key", key)
        writer.member("contentType", contentType)
        writer.member("filename", filename)
        writer.member("size", size)
        writer.endObject()
    }

    /// Reads what ``write(to:)`` writes; throws ``JSONScanner/Mismatch`` when a member is missing or of another type.
    static func scan(_ scanner: inout JSONScanner) throws -> BlobReference {
        var key, contentType, filename: String?
        var size: Int64?
        try scanner.beginObject()
        while let member = try scanner.nextKey() {
            switch member {
            case "key": key = try scanner.string()
            case "contentType": contentType = try scanner.string()
            case "filename": filename = try scanner.string()
            case "size": size = try scanner.int(Int64.self)
            default: try scanner.skipValue()
            }
        }
        guard let key, let contentType, let filename, let size else { throw JSONScanner.Mismatch() }
        return BlobReference(key: key, contentType: contentType, filename: filename, size: size)
    }
}
