/// How OpenAI's `seconds` and `size` become Veo's `durationSeconds`, `aspectRatio` and `resolution`.
enum VeoParameters {
    /// OpenAI `size` → (Veo `aspectRatio`, Veo `resolution`).
    static let shapes: [String: (aspectRatio: String, resolution: String)] = [
        "1280x720": ("16:9", "720p"),
        "720x1280": ("9:16", "720p"),
        "1920x1080": ("16:9", "1080p"),
        "1080x1920": ("9:16", "1080p"),
        "3840x2160": ("16:9", "4k"),
        "2160x3840": ("9:16", "4k"),
    ]

    /// `durationSeconds` for an OpenAI `seconds` value: a whole number of seconds from 1 to 60.
    static func duration(_ seconds: String) -> Int? {
        guard let value = Int(seconds), (1...60).contains(value) else { return nil }
        return value
    }
}
