import Foundation
import ReelRedis
import ReelTesting
import Testing

import ReelQueue

/// The Swift table of the library's functions (`QueueFunction`) and the Lua library agree: the same functions, the
/// same version, and each function refuses a call with another argument count than the table states.
struct QueueFunctionTests {
    @Test func libraryRegistersExactlyTheTablesFunctions() async throws {
        try await RedisTestEnvironment.withClient { client in
            let queue = RedisJobQueue.redis(client, name: "functions-\(UUID().uuidString)")
            try await queue.bootstrap()
            #expect(try await client.functionNames(library: "reel_queue") == Set(QueueFunction.allCases.map(\.name)))
            let version = try await client.fcall(QueueFunction.version.name, keys: [queue.keyPrefix], arguments: []).int
            #expect(version == RedisJobQueue.libraryVersion)
        }
    }

    @Test(arguments: QueueFunction.allCases.filter { $0 != .version })
    func luaRefusesAnotherArgumentCountThanTheTable(function: QueueFunction) async throws {
        try await RedisTestEnvironment.withClient { client in
            let queue = RedisJobQueue.redis(client, name: "functions-\(UUID().uuidString)")
            try await queue.bootstrap()
            let common = ["1000", "10"]
            let tooMany = common + Array(repeating: "0", count: function.arguments.count + max(function.repeated.count, 1) + (function.repeated.isEmpty ? 0 : 1))
            for arguments in [Array(common.dropLast()), tooMany] {
                await #expect(throws: RedisError.self) {
                    _ = try await client.fcall(function.name, keys: [queue.keyPrefix], arguments: arguments)
                }
            }
            do {
                _ = try await client.fcall(function.name, keys: [queue.keyPrefix], arguments: common + Array(repeating: "", count: function.arguments.count))
            } catch let error as RedisError {
                // The count is right: whatever the function says of empty values, it is not the argument check.
                #expect(!(error.message ?? "").contains("BADARG \(function.name) takes"))
            }
        }
    }

    @Test func swiftRefusesACallThatDoesNotFitTheTable() async throws {
        try await RedisTestEnvironment.withClient { client in
            let queue = RedisJobQueue.redis(client, name: "functions-\(UUID().uuidString)")
            await #expect(throws: QueueError.self) { _ = try await queue.call(.claim, ["w1", "1"]) }
        }
    }
}
