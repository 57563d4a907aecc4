import Foundation

extension StringProtocol {
    /// The `name=value` parameters after the first `;` of a header such as `Content-Type` or `Content-Disposition`,
    /// in order: names lowercased, quoted values unquoted (a `\` escapes the next character). Parsing stops at a
    /// parameter without `=`.
    package var headerParameters: [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = []
        var rest = self[...]
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = rest[rest.index(after: equals)...]
            if value.first == "\"" {
                value = value.dropFirst()
                var text = ""
                var escaped = false
                var end = value.endIndex
                for index in value.indices {
                    let character = value[index]
                    if escaped {
                        text.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        end = index
                        break
                    } else {
                        text.append(character)
                    }
                }
                parameters.append((name, text))
                rest = end < value.endIndex ? value[value.index(after: end)...] : value[value.endIndex...]
            } else {
                let end = value.firstIndex(of: ";") ?? value.endIndex
                parameters.append((name, value[..<end].trimmingCharacters(in: .whitespaces)))
                rest = value[end...]
            }
        }
        return parameters
    }
}
