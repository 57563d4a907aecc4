/// An asset of a completed video; raw values are the API's `variant` query values.
public enum VideoVariant: String, Sendable, Hashable, CaseIterable {
    /// The MP4 video.
    case video
    /// A WebP still image.
    case thumbnail
    /// A JPEG sprite sheet of frames.
    case spritesheet
}
