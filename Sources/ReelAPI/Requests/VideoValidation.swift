import ReelAPICore
/// OpenAI's rules for video request fields.
enum VideoValidation {
    /// `seconds` of a generation.
    static let seconds = ["4", "8", "12"]
    /// `seconds` of an extension.
    static let extensionSeconds = ["4", "8", "12", "16", "20"]
    /// `size`.
    static let sizes = ["720x1280", "1280x720", "1024x1792", "1792x1024"]
    /// Default model group.
    static let defaultModel = "sora-2"

    /// `value` if it is one of `allowed`, else a 400 naming them.
    static func oneOf(_ value: String, _ allowed: [String], param: String) throws(APIError) -> String {
        guard allowed.contains(value) else {
            let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
            throw APIError(
                .invalidParameter,
                "Invalid value: '\(value.prefix(100))'. Supported values for '\(param)' are: \(list).",
                param: param
            )
        }
        return value
    }

    /// A character name of 1–80 characters.
    static func characterName(_ name: String) throws(APIError) -> String {
        guard (1...80).contains(name.count) else {
            throw APIError(
                .invalidParameter,
                "Invalid 'name': the character name must be 1 to 80 characters long, but got \(name.count).",
                param: "name"
            )
        }
        return name
    }
}
