/// One part of a `multipart/form-data` request body.
public struct MultipartPart: Sendable, Hashable {
    /// What a part carries.
    public enum Content: Sendable, Hashable {
        /// A text field.
        case text(String)
        /// A file streamed from disk, never read whole into memory.
        case file(path: String, filename: String, contentType: String)
    }

    /// Form field name.
    public var name: String
    /// The part's content.
    public var content: Content

    /// Creates a part.
    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }

    /// A text field.
    public static func text(_ name: String, _ value: String) -> Self {
        .init(name: name, content: .text(value))
    }

    /// A file field streamed from `path`.
    public static func file(_ name: String, path: String, filename: String, contentType: String) -> Self {
        .init(name: name, content: .file(path: path, filename: filename, contentType: contentType))
    }
}
