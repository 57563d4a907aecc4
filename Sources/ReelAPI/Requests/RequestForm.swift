import ReelAPICore
import Foundation

/// A request body read as JSON or multipart, with typed accessors that throw OpenAI-style 400s.
///
/// Multipart text parts use the SDK's bracket keys for nested values: `video[id]`, `input_reference[image_url]`,
/// repeated `characters[][id]`; JSON carries the same as objects and arrays.
package struct RequestForm: Sendable {
    /// Top-level JSON members (JSON bodies).
    var json: [String: JSONValue] = [:]
    /// Text parts in order (multipart bodies).
    package var fields: [(name: String, value: String)] = []
    /// File parts (multipart bodies).
    var files: [UploadedFile] = []
    /// Whether the body was JSON.
    var isJSON = false
    /// Hash of what the client sent, for idempotency.
    var fingerprint = ""

    /// A string field; nil when absent. A JSON value of another type is a 400.
    func string(_ name: String) throws(APIError) -> String? {
        if isJSON {
            switch json[name] {
            case nil, .null: return nil
            case .string(let value): return value
            case let other?: throw Self.wrongType(name, expected: "a string", got: other)
            }
        }
        if files.contains(where: { $0.field == name }) {
            throw APIError(.invalidParameter, "Invalid type for '\(name)': expected a string, but got a file.", param: name)
        }
        return fields.last(where: { $0.name == name })?.value
    }

    /// A required, non-empty string field.
    func requiredString(_ name: String) throws(APIError) -> String {
        guard let value = try string(name) else {
            throw APIError(.missingParameter, "Missing required parameter: '\(name)'.", param: name)
        }
        guard !value.isEmpty else {
            throw APIError(.invalidParameter, "Invalid '\(name)': string too short. Expected a string with minimum length 1, but got an empty string instead.", param: name)
        }
        return value
    }

    /// The file part named `name`, if any.
    func file(_ name: String) -> UploadedFile? {
        files.last { $0.field == name }
    }

    /// A member of a nested object: JSON `{"name": {"key": …}}` or multipart `name[key]`.
    func nestedString(_ name: String, _ key: String) throws(APIError) -> String? {
        let param = "\(name).\(key)"
        if isJSON {
            switch json[name] {
            case nil, .null: return nil
            case .object(let members):
                switch members[key] {
                case nil, .null: return nil
                case .string(let value): return value
                case let other?: throw Self.wrongType(param, expected: "a string", got: other)
                }
            case let other?: throw Self.wrongType(name, expected: "an object", got: other)
            }
        }
        return fields.last(where: { $0.name == "\(name)[\(key)]" })?.value
    }

    /// Whether the JSON body has `name` as an object (so a missing member is reported, not a missing field).
    func hasObject(_ name: String) -> Bool {
        if case .object = json[name] { return true }
        return fields.contains { $0.name.hasPrefix("\(name)[") }
    }

    /// The `id`s of an array of objects: JSON `[{"id": …}]` or multipart repeated `name[][id]` (also `name[0][id]`).
    func objectIDs(_ name: String) throws(APIError) -> [String] {
        if isJSON {
            switch json[name] {
            case nil, .null: return []
            case .array(let items):
                var ids: [String] = []
                for (index, item) in items.enumerated() {
                    guard case .object(let members) = item else {
                        throw Self.wrongType("\(name)[\(index)]", expected: "an object", got: item)
                    }
                    guard case .string(let id)? = members["id"] else {
                        throw APIError(.invalidParameter, "Invalid '\(name)[\(index)].id': expected a string.", param: "\(name)[\(index)].id")
                    }
                    ids.append(id)
                }
                return ids
            case let other?: throw Self.wrongType(name, expected: "an array", got: other)
            }
        }
        return fields.filter { field in
            guard field.name.hasPrefix("\(name)["), field.name.hasSuffix("][id]") else { return false }
            let index = field.name.dropFirst(name.count + 1).dropLast(5)
            return index.isEmpty || index.allSatisfy(\.isNumber)
        }.map(\.value)
    }

    /// The fields a route does not know, as a JSON object for the provider (`nil` when there are none): JSON
    /// members as sent; multipart text parts as strings, `name[key]` parts as objects (other bracket forms are dropped).
    /// Which of them reach a provider is the deployment's choice (`allowed_openai_params`).
    func extraBody(known: Set<String>) -> String? {
        var extra: [String: JSONValue] = [:]
        if isJSON {
            extra = json.filter { !known.contains($0.key) }
        } else {
            for (name, value) in fields {
                guard let open = name.firstIndex(of: "[") else {
                    if !known.contains(name) { extra[name] = .string(value) }
                    continue
                }
                let base = String(name[..<open])
                let key = name[name.index(after: open)...].dropLast()
                guard !known.contains(base), name.hasSuffix("]"), !key.isEmpty, !key.contains("["), !key.contains("]") else { continue }
                var members: [String: JSONValue] = [:]
                if case .object(let existing)? = extra[base] { members = existing }
                members[String(key)] = .string(value)
                extra[base] = .object(members)
            }
        }
        guard !extra.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(extra)).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func wrongType(_ name: String, expected: String, got: JSONValue) -> APIError {
        APIError(.invalidParameter, "Invalid type for '\(name)': expected \(expected), but got \(got.typeName) instead.", param: name)
    }
}
