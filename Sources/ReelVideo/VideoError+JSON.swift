package import ReelJSON

extension VideoError: JSONWritable {
    /// Writes `{"code":…,"message":…}`, as the record stores it and the API shows it.
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.member("message", message)
        writer.endObject()
    }

    /// Reads what ``write(to:)`` writes; throws ``JSONScanner/Mismatch`` when a member is missing or of another type.
    static func scan(_ scanner: inout JSONScanner) throws -> VideoError {
        var code, message: String?
        try scanner.beginObject()
        while let member = try scanner.nextKey() {
            switch member {
            case "code": code = try scanner.string()
            case "message": message = try scanner.string()
            default: try scanner.skipValue()
            }
        }
        guard let code, let message else { throw JSONScanner.Mismatch() }
        return VideoError(code: code, message: message)
    }
}
