/// The kinds of video job; the queue's job `type` is the raw value.
public enum VideoJobKind: String, Sendable, Codable, CaseIterable {
    /// `POST /v1/videos`.
    case generate
    /// `POST /v1/videos/{id}/remix`.
    case remix
    /// `POST /v1/videos/edits`.
    case edit
    /// `POST /v1/videos/extensions`.
    case extend
    /// `POST /v1/videos/characters`.
    case createCharacter = "create_character"
    /// Deletes a finished video at the provider and its stored content (`DELETE /v1/videos/{id}`).
    case delete
}
