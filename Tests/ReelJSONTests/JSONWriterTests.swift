import Foundation
import ReelJSON
import Testing

struct JSONWriterTests {
    @Test func writesObjectsArraysAndScalarsWithCommasInPlace() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.int(-12)
        writer.key("b")
        writer.beginArray()
        writer.beginArray()
        writer.endArray()
        writer.string("x")
        writer.beginObject()
        writer.endObject()
        writer.bool(true)
        writer.null()
        writer.endArray()
        writer.key("c")
        writer.string(nil as String?)
        writer.key("d")
        writer.int(Int64.min)
        writer.key("e")
        writer.literal("1.5e3")
        writer.endObject()
        #expect(writer.text == #"{"a":-12,"b":[[],"x",{},true,null],"c":null,"d":-9223372036854775808,"e":1.5e3}"#)
    }

    @Test func membersWriteNullForNilOrAreLeftOutIfPresentOnly() {
        struct Pair: JSONWritable {
            func write(to writer: inout JSONWriter) {
                writer.beginObject()
                writer.member("x", 1)
                writer.endObject()
            }
        }
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("s", "v")
        writer.member("n", nil as String?)
        writer.member("i", 7)
        writer.member("j", nil as Int64?)
        writer.member("b", false)
        writer.member("o", Pair())
        writer.member("p", nil as Pair?)
        writer.member("l", ["a", "b"])
        writer.member("e", [String]())
        writer.member("gone", ifPresent: nil as String?)
        writer.member("gone", ifPresent: nil as Int?)
        writer.member("gone", ifPresent: nil as Pair?)
        writer.member("kept", ifPresent: Pair())
        writer.endObject()
        #expect(writer.text == #"{"s":"v","n":null,"i":7,"j":null,"b":false,"o":{"x":1},"p":null,"l":["a","b"],"e":[],"kept":{"x":1}}"#)

        var scanner = JSONScanner(#"{"l":["a","b"],"e":[ ]}"#)
        var lists: [[String]] = []
        #expect(throws: Never.self) {
            try scanner.beginObject()
            while try scanner.nextKey() != nil { lists.append(try scanner.strings()) }
            try scanner.end()
        }
        #expect(lists == [["a", "b"], []])
    }

    @Test func escapesEveryStringJSONRequires() throws {
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self) + "é猫🐈‍⬛"
        var writer = JSONWriter()
        writer.beginArray()
        writer.string(every)
        writer.endArray()
        #expect(try JSONDecoder().decode([String].self, from: Data(writer.bytes)) == [every])
        #expect(writer.text.contains(#"\u0001"#) && writer.text.contains(#"\n"#) && writer.text.contains(#"\""#))
    }
}
