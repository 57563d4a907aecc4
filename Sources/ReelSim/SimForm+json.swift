import Foundation
import Hummingbird
import NIOCore

extension SimForm {
    /// Reads a JSON object body, flattening nested objects and arrays of objects into bracket names.
    static func readJSON(_ body: RequestBody, maxBytes: Int) async throws -> SimForm {
        var buffer = ByteBuffer()
        for try await chunk in body {
            guard buffer.readableBytes + chunk.readableBytes <= maxBytes else { throw SimError.payloadTooLarge }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: Data(buffer.readableBytesView))
        } catch {
            throw SimError.invalidRequest(
                "We could not parse the JSON body of your request. The OpenAI API expects a JSON object body."
            )
        }
        var form = SimForm()
        for (key, value) in object {
            switch value {
            case .null:
                continue
            case .scalar(let text):
                form.append(text, to: key)
            case .object(let members):
                for (member, inner) in members {
                    guard case .scalar(let text) = inner else { throw nestedTooDeep(key) }
                    form.append(text, to: "\(key)[\(member)]")
                }
            case .array(let elements):
                for element in elements {
                    switch element {
                    case .scalar(let text):
                        form.append(text, to: "\(key)[]")
                    case .object(let members):
                        for (member, inner) in members {
                            guard case .scalar(let text) = inner else { throw nestedTooDeep(key) }
                            form.append(text, to: "\(key)[][\(member)]")
                        }
                    case .null, .array:
                        throw nestedTooDeep(key)
                    }
                }
            }
        }
        return form
    }

    private static func nestedTooDeep(_ key: String) -> SimError {
        .invalidRequest("Invalid type for '\(key)'.", param: key, code: "invalid_type")
    }

    /// A JSON value with scalars kept as their text (`8` and `"8"` both read as `8`).
    private enum JSONValue: Decodable {
        case null
        case scalar(String)
        case array([JSONValue])
        case object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let bool = try? container.decode(Bool.self) {
                self = .scalar(String(bool))
            } else if let integer = try? container.decode(Int.self) {
                self = .scalar(String(integer))
            } else if let number = try? container.decode(Double.self) {
                self = .scalar(String(number))
            } else if let text = try? container.decode(String.self) {
                self = .scalar(text)
            } else if let array = try? container.decode([JSONValue].self) {
                self = .array(array)
            } else {
                self = .object(try container.decode([String: JSONValue].self))
            }
        }
    }
}
