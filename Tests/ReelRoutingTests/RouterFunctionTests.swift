import Foundation
import ReelRedis
import ReelTesting
import Testing

import ReelRoutingRedis

/// The Swift table of the router library's functions (`RouterFunction`) and the Lua library agree: the same functions,
/// the same version, and each function refuses a call with another argument count than the table states.
/// Serialized: one test deletes the library that the others call directly.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun), .serialized)
struct RouterFunctionTests {
    @Test func libraryRegistersExactlyTheTablesFunctions() async throws {
        try await RedisTestEnvironment.withClient { client in
            try await RouterLibrary.load(client)
            #expect(try await client.functionNames(library: "reel_router") == Set(RouterFunction.allCases.map(\.signature.name)))
            let version = try await client.fcall(RouterFunction.version.signature.name, keys: [], arguments: []).int
            #expect(version == RouterLibrary.version)
        }
    }

    @Test(arguments: RouterFunction.allCases.filter { $0 != .version })
    func luaRefusesAnotherArgumentCountThanTheTable(function: RouterFunction) async throws {
        try await RedisTestEnvironment.withClient { client in
            try await RouterLibrary.load(client)
            let signature = function.signature
            let prefix = RedisTestEnvironment.uniqueKeyPrefix()
            let keys = [prefix + "a", prefix + "b", prefix + "c"]
            let tooFew = Array(repeating: "0", count: signature.arguments.count - 1)
            let tooMany = Array(repeating: "0", count: signature.arguments.count + signature.repeated.count + 1)
            for arguments in [tooFew, tooMany] {
                do {
                    _ = try await client.fcall(signature.name, keys: keys, arguments: arguments)
                    Issue.record("\(signature.name) took \(arguments.count) arguments")
                } catch let error as RedisError {
                    #expect((error.message ?? "").contains("BADARG \(signature.name) takes"), "\(error)")
                }
            }
            do {
                _ = try await client.fcall(signature.name, keys: keys, arguments: Array(repeating: "", count: signature.arguments.count))
            } catch let error as RedisError {
                // The count is right: whatever the function says of empty values, it is not the argument check.
                #expect(!(error.message ?? "").contains("BADARG"))
            }
        }
    }

    @Test func swiftRefusesACallThatDoesNotFitTheTable() async throws {
        try await RedisTestEnvironment.withClient { client in
            await #expect(throws: RedisError.self) {
                _ = try await RouterLibrary.call(client, .acquire, keys: [], arguments: ["first", "1000", "token", "60"])
            }
        }
    }

    @Test func aCallLoadsTheLibraryAgainWhenRedisLostIt() async throws {
        try await RedisTestEnvironment.withClient { client in
            try await RouterLibrary.load(client)
            // What a restart without persistence leaves; only this library, so other suites' calls are not disturbed (a call
            // of theirs in between loads it again, as this one does).
            _ = try await client.send(["FUNCTION", "DELETE", "reel_router"])
            let version = try await RouterLibrary.call(client, .version, keys: [], arguments: []).int
            #expect(version == RouterLibrary.version)
            #expect(try await client.functionNames(library: "reel_router") == Set(RouterFunction.allCases.map(\.signature.name)))
        }
    }

    @Test func aCallThatDoesNotFitIsNotSent() async throws {
        try await RedisTestEnvironment.withClient { client in
            do {
                _ = try await RouterLibrary.call(client, .release, keys: [], arguments: ["token"])
                Issue.record("a call with 1 of 6 arguments was sent")
            } catch let error as RedisError {
                #expect(error.code == .invalidArgument, "\(error)")
            }
        }
    }
}
