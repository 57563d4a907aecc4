import Foundation

/// Reads the few values Reel needs from S3's XML answers: the text of elements with a given name.
enum S3XML {
    /// The text of every `<name>…</name>` in `document`, entities decoded, in order.
    static func values(of name: String, in document: [UInt8]) -> [String] {
        let text = String(decoding: document, as: UTF8.self)
        var values: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "<\(name)>"), let close = rest[open.upperBound...].range(of: "</\(name)>") {
            values.append(decodeEntities(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return values
    }

    /// The text of the first `<name>…</name>`, nil when there is none.
    static func value(of name: String, in document: [UInt8]) -> String? {
        values(of: name, in: document).first
    }

    /// `text` with `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&apos;` put back (for writing, the same in reverse).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `text` with `&`, `<`, `>` and `"` escaped, for an element's text.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
