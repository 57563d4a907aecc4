/// Parameters of a new character (`POST /videos/characters`).
public struct CreateCharacterRequest: Sendable, Hashable {
    /// Character name (1–80 characters at OpenAI).
    public var name: String
    /// The source video, uploaded as multipart.
    public var video: ProviderFile

    /// Creates a character request.
    /// - Parameters:
    ///   - name: Character name.
    ///   - video: The source video file.
    public init(name: String, video: ProviderFile) {
        self.name = name
        self.video = video
    }
}
