import Foundation
import ReelHTTP
import ReelJSON

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

    func jsonBody() -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        for (key, value) in fields {
            writer.key(key)
            value.write(to: &writer)
        }
        writer.endObject()
        return writer.bytes
    }

    func multipartParts() -> [MultipartPart] {
        fields.flatMap { $0.1.parts(name: $0.0) }
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

    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let string): writer.string(string)
        case .jsonLiteral(let literal): writer.literal(literal)
        case .file(let file): writer.string(file.filename)
        case .object(let members):
            writer.beginObject()
            for (key, value) in members {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.endObject()
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(to: &writer) }
            writer.endArray()
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
