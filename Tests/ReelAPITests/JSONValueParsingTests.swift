import Foundation
import Testing

import ReelAPI

/// Request bodies are parsed without `JSONDecoder`, with the same verdicts.
struct JSONValueParsingTests {
    @Test func parsesEveryKindOfValue() throws {
        let text = #" {"s":"a\"b\\c\/d\u00e9\ud83d\ude00\n","n":-1.5e2,"i":42,"t":true,"f":false,"z":null,"a":[1,[],{}],"o":{"k":"v"},"d":1,"d":2} "#
        let value = try JSONValue(parsing: Array(text.utf8))
        #expect(
            value
                == .object([
                    "s": .string("a\"b\\c/dé😀\n"), "n": .number(-150), "i": .number(42), "t": .bool(true), "f": .bool(false), "z": .null,
                    "a": .array([.number(1), .array([]), .object([:])]), "o": .object(["k": .string("v")]), "d": .number(2),
                ])
        )
        #expect(try JSONValue(parsing: Array(#""top""#.utf8)) == .string("top"))
    }

    @Test(arguments: [
        "", " ", "{", "}", #"{"a":1,}"#, "[1,]", "[,1]", #"{"a" 1}"#, #"{'a':1}"#, "{a:1}", #"{"a":1}{"#, "tru", "nul", "01", "1.", ".5",
        "-", "1e", "+1", "1e400", #""\x""#, #""\u12""#, #""\udc00""#, "\"tab\tinside\"", #"{"a":NaN}"#, #"[1] 2"#,
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(throws: (any Error).self) { try JSONValue(parsing: Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: (any Error).self) { try JSONValue(parsing: Array(#"{"a":""#.utf8) + [0xFF] + Array(#""}"#.utf8)) }
        #expect(throws: (any Error).self) { try JSONValue(parsing: Array(repeating: UInt8(ascii: "["), count: 100_000)) }
        let deepButAllowed = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try JSONValue(parsing: Array(deepButAllowed.utf8)) }
    }
}
