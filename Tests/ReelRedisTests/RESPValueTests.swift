import ReelRedis
import Testing

struct RESPValueTests {
    @Test func accessorsReadTheMatchingKindsOnly() {
        let bulk = RESPValue.bulkString(Array("42".utf8))
        #expect(bulk.string == "42")
        #expect(bulk.int == 42)
        #expect(bulk.double == 42)
        #expect(bulk.bytes == Array("42".utf8))
        #expect(bulk.array == nil)
        #expect(!bulk.isNil)

        #expect(RESPValue.simpleString("OK").string == "OK")
        #expect(RESPValue.simpleString("OK").int == nil)
        #expect(RESPValue.integer(-7).int == -7)
        #expect(RESPValue.integer(-7).string == "-7")
        #expect(RESPValue.bulkString(Array("2.5".utf8)).double == 2.5)
        #expect(RESPValue.bulkString(Array("2.5".utf8)).int == nil)

        let error = RESPValue.error("ERR boom")
        #expect(error.errorMessage == "ERR boom")
        #expect(error.string == nil)
        #expect(error.int == nil)

        #expect(RESPValue.null.isNil)
        #expect(RESPValue.null.string == nil)
        #expect(RESPValue.null.array == nil)
        #expect(RESPValue.array([.integer(1), .null]).array == [.integer(1), .null])
        #expect(RESPValue.array([.integer(1), .null, .bulkString(Array("x".utf8))]).description == "[:1, nil, \"x\"]")
    }
}
