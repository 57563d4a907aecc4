/// A model name or glob from a key's model list or a wildcard deployment's `model_name`.
///
/// `*` matches any run of characters (including none and including `/`); every other character, `.` included,
/// matches only itself. LiteLLM turns patterns into unescaped regular expressions, so there `openai/sora.2`
/// also matches `openai/soraX2`; here it does not.
public struct ModelPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    /// The literal pieces between the stars (`openai/sora-*` → `["openai/sora-", ""]`).
    private let pieces: [String]

    /// Parses a pattern.
    public init(_ text: String) {
        self.text = text
        self.pieces = text.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether the pattern contains a `*`.
    public var isGlob: Bool { pieces.count > 1 }

    /// Whether `name` matches the pattern.
    public func matches(_ name: String) -> Bool {
        captures(in: name) != nil
    }

    /// The text each `*` matched in `name`, left to right (empty for a literal pattern that equals `name`),
    /// or nil when `name` does not match. The first star matches as little as possible.
    public func captures(in name: String) -> [Substring]? {
        guard let first = pieces.first, name.hasPrefix(first) else { return nil }
        guard isGlob else { return name == first ? [] : nil }
        var rest = name.dropFirst(first.count)
        var captured: [Substring] = []
        for (index, piece) in pieces.enumerated().dropFirst() {
            let isLast = index == pieces.count - 1
            if isLast {
                guard rest.hasSuffix(piece) else { return nil }
                captured.append(rest.dropLast(piece.count))
                return captured
            }
            guard let range = rest.firstRange(of: piece) else { return nil }
            captured.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        return captured
    }

    /// `template` with its stars replaced by `captures`, in order (how a wildcard deployment's
    /// `litellm_params.model` becomes the concrete provider model).
    public static func substitute(_ captures: [Substring], into template: String) -> String {
        var result = ""
        var remaining = captures[...]
        for character in template {
            if character == "*", let capture = remaining.popFirst() {
                result += capture
            } else {
                result.append(character)
            }
        }
        return result
    }

    public var description: String { text }
}
