import ReelAPICore
/// OpenAI's rules for video request fields that do not depend on the deployment (`seconds` and `size` do: see
/// ``VideoRouting/capable(_:of:)``).
enum VideoValidation {
    /// Default model group.
    static let defaultModel = "sora-2"

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
