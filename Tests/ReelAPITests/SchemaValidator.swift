import Foundation

/// Checks a decoded JSON value against the part of JSON Schema (2020-12) the front's OpenAPI document uses:
/// `type` (one or several), `const`, `enum`, `required`, `properties`, `additionalProperties`, `items`, `minimum`,
/// `maximum`, `minLength`, `maxLength`, `$ref`, `allOf`, `oneOf`. Any other keyword fails the check, so the document
/// cannot grow a keyword this test would silently skip.
struct SchemaValidator {
    let document: [String: Any]

    /// The problems of `value` against `schema`, each with its JSON path; empty when it conforms.
    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        var found: [String] = []
        for (keyword, rule) in schema {
            switch keyword {
            case "$ref":
                guard let target = resolve(rule as? String) else { found.append("\(path): unresolvable $ref \(rule)"); continue }
                found += problems(value, target, at: path)
            case "type":
                let types = (rule as? [String]) ?? [rule as? String ?? ""]
                if !types.contains(where: { Self.matches(value, type: $0) }) { found.append("\(path): \(Self.describe(value)) is not \(types)") }
            case "const":
                if !Self.equal(value, rule) { found.append("\(path): \(Self.describe(value)) is not the constant \(rule)") }
            case "enum":
                if !((rule as? [Any]) ?? []).contains(where: { Self.equal(value, $0) }) { found.append("\(path): \(Self.describe(value)) not in \(rule)") }
            case "required":
                guard let object = value as? [String: Any] else { continue }
                for name in (rule as? [String]) ?? [] where object[name] == nil { found.append("\(path): missing '\(name)'") }
            case "properties":
                guard let object = value as? [String: Any], let properties = rule as? [String: [String: Any]] else { continue }
                for (name, property) in properties { if let member = object[name] { found += problems(member, property, at: "\(path).\(name)") } }
            case "additionalProperties":
                guard let object = value as? [String: Any] else { continue }
                let known = Set(((schema["properties"] as? [String: Any]) ?? [:]).keys)
                if let allowed = rule as? Bool {
                    if !allowed { for name in object.keys where !known.contains(name) { found.append("\(path): unexpected '\(name)'") } }
                } else if let extra = rule as? [String: Any] {
                    for (name, member) in object where !known.contains(name) { found += problems(member, extra, at: "\(path).\(name)") }
                }
            case "items":
                guard let array = value as? [Any], let items = rule as? [String: Any] else { continue }
                for (index, element) in array.enumerated() { found += problems(element, items, at: "\(path)[\(index)]") }
            case "minimum", "maximum":
                guard let number = value as? NSNumber, !Self.isBool(value), let bound = (rule as? NSNumber)?.doubleValue else { continue }
                if keyword == "minimum" ? number.doubleValue < bound : number.doubleValue > bound { found.append("\(path): \(number) out of \(keyword) \(bound)") }
            case "minLength", "maxLength":
                guard let text = value as? String, let bound = rule as? Int else { continue }
                if keyword == "minLength" ? text.count < bound : text.count > bound { found.append("\(path): length \(text.count) out of \(keyword) \(bound)") }
            case "allOf":
                for part in (rule as? [[String: Any]]) ?? [] { found += problems(value, part, at: path) }
            case "oneOf":
                let matching = ((rule as? [[String: Any]]) ?? []).filter { problems(value, $0, at: path).isEmpty }.count
                if matching != 1 { found.append("\(path): \(Self.describe(value)) matches \(matching) of oneOf") }
            case "pattern", "format", "description", "maxItems":
                continue  // Not checked on answers: request-side keywords.
            default:
                found.append("\(path): keyword '\(keyword)' is not supported by this validator")
            }
        }
        return found
    }

    /// The schema a `#/components/schemas/…` reference names.
    func resolve(_ reference: String?) -> [String: Any]? {
        guard let reference, reference.hasPrefix("#/") else { return nil }
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        // JSONSerialization gives booleans as NSNumber of Objective-C type `c` (char), numbers as `q` or `d`.
        return String(cString: number.objCType) == "c"
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return value is NSNumber && !isBool(value)
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func equal(_ value: Any, _ other: Any) -> Bool {
        if let value = value as? String, let other = other as? String { return value == other }
        if isBool(value) != isBool(other) { return false }
        if let value = value as? NSNumber, let other = other as? NSNumber { return value == other }
        return false
    }

    static func describe(_ value: Any) -> String {
        let text = "\(value)"
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
