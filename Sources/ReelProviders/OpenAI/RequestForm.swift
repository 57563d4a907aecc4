import Foundation
import ReelHTTP

/// The fields of a request body, rendered as JSON or, when a file is among them, as `multipart/form-data`
/// with nested values in the bracket notation the OpenAI SDK uses (`video[id]`, `characters[][id]`).
struct RequestForm {
    indirect enum Value {
        case string(String)
        /// Raw JSON for numbers, booleans and null taken over from an extra body.
        case jsonLiteral(String)
        case file(ProviderFile)
        case object([(String, Value)])
        case array([Value])
    }

    private var fields: [(String, Value)] = []

    subscript(key: String) -> Value? {
        get { fields.first { $0.0 == key }?.1 }
        set {
            fields.removeAll { $0.0 == key }
            if let newValue { fields.append((key, newValue)) }
        }
    }

    var hasFile: Bool { fields.contains { $0.1.containsFile } }

    /// Merges the members of a JSON object into the form; they replace fields of the same name.
    mutating func merge(extraBody: String?) throws {
        guard let extraBody else { return }
        let parsed = try? JSONSerialization.jsonObject(with: Data(extraBody.utf8), options: [.fragmentsAllowed])
        guard let object = parsed as? [String: Any] else {
            throw ProviderError(.permanent, message: "extra body is not a JSON object")
        }
        for key in object.keys.sorted() {
            self[key] = Value(json: object[key]!)
        }
    }

    func jsonBody() throws -> [UInt8] {
        var text = "{"
        for (index, (key, value)) in fields.enumerated() {
            if index > 0 { text += "," }
            text += Self.jsonString(key) + ":" + value.json
        }
        return Array((text + "}").utf8)
    }

    func multipartParts() -> [MultipartPart] {
        fields.flatMap { $0.1.parts(name: $0.0) }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.
    static func jsonString(_ string: String) -> String {
        var text = "\""
        text.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}

extension RequestForm.Value {
    init(json: Any) {
        switch json {
        case let string as String:
            self = .string(string)
        case let object as [String: Any]:
            self = .object(object.keys.sorted().map { ($0, Self(json: object[$0]!)) })
        case let array as [Any]:
            self = .array(array.map(Self.init(json:)))
        default:
            let data = try? JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])
            self = .jsonLiteral(data.map { String(decoding: $0, as: UTF8.self) } ?? "null")
        }
    }

    var containsFile: Bool {
        switch self {
        case .file: true
        case .string, .jsonLiteral: false
        case .object(let members): members.contains { $0.1.containsFile }
        case .array(let elements): elements.contains { $0.containsFile }
        }
    }

    var json: String {
        switch self {
        case .string(let string): RequestForm.jsonString(string)
        case .jsonLiteral(let literal): literal
        case .file(let file): RequestForm.jsonString(file.filename)
        case .object(let members): "{" + members.map { RequestForm.jsonString($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
        case .array(let elements): "[" + elements.map(\.json).joined(separator: ",") + "]"
        }
    }

    func parts(name: String) -> [MultipartPart] {
        switch self {
        case .string(let string): [.text(name, string)]
        case .jsonLiteral("null"): []
        case .jsonLiteral(let literal): [.text(name, literal)]
        case .file(let file): [.file(name, path: file.path, filename: file.filename, contentType: file.contentType)]
        case .object(let members): members.flatMap { $0.1.parts(name: "\(name)[\($0.0)]") }
        case .array(let elements): elements.flatMap { $0.parts(name: "\(name)[]") }
        }
    }
}
