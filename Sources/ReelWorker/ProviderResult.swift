import ReelProviders

/// What a submit or poll call returned: a video or a character.
enum ProviderResult: Sendable {
    /// A video (generate, remix, edit, extend).
    case video(ProviderVideo)
    /// A character (create_character).
    case character(ProviderCharacter)
}
