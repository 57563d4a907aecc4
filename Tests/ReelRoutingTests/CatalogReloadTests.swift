import Foundation
import Logging
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelTesting
import ServiceLifecycle
import Testing
import ReelConfiguration

/// The wildcard incident, replayed: a catalog reload published by another process reaches this one at once.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun))
struct CatalogReloadTests {
    /// Runs a process to completion without blocking a thread of the cooperative pool.
    static func run(_ executable: String, _ arguments: [String]) async throws -> (termination: ChildProcess.Termination, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("reel-catalog-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let process = try ChildProcess(executable, arguments, standardOutput: .file(log), standardError: .file(log))
        let termination = try await process.waitForExit()
        return (termination, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    @Test func aKeyLimitedToOpenAIGetsANewModelWithoutRestartAfterAReloadInAnotherProcess() async throws {
        guard let url = try RedisTestEnvironment.url(), let reel = try ReelExecutable.path() else { return }
        let configuration = try ReelConfiguration.load(path: RepositoryFiles.path("worker-config/sim.yaml"), environment: ["REEL_MASTER_KEY": "m"])
        let table = RoutingTable(RoutingSnapshot(configuration: configuration, catalog: .default))
        let namespace = "test-\(UUID().uuidString)"
        let client = try RedisClient(url: url)
        defer { client.close() }
        // Polling is slowed to a minute, so only the pub/sub announcement can make this test pass in time.
        let keys = RouterKeys(namespace: namespace)
        let synchronizer = CatalogSynchronizer(client: client, table: table, keys: keys, pollInterval: .seconds(60))
        let following = Task { try await synchronizer.run() }  // the first process following reloads
        defer { following.cancel() }

        let key = ["openai/*"]
        #expect { try table.snapshot.checkAccess(patterns: key, model: "openai/sora-3") } throws: { error in
            let error = error as! RoutingError
            return error.code == .modelNotAllowed && error.message.contains("'openai/*'") && error.message.contains("openai/sora-3")
        }
        #expect(!table.snapshot.isAllowed(patterns: key, model: "sora-3"))
        #expect(table.snapshot.deployments(for: "sora-3").isEmpty)
        let subscribed = try await eventually { try await client.send(["PUBSUB", "NUMSUB", keys.reloadChannel]).array?.last?.int == 1 }
        try #require(subscribed, "the synchronizer never subscribed")

        // Another process publishes a catalog that adds the model.
        var entries = try JSONSerialization.jsonObject(with: Data(ModelCatalog.defaultJSON.utf8)) as! [String: Any]
        entries["sora-3"] = ["litellm_provider": "openai", "mode": "video_generation"]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: entries).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Self.run(reel, ["catalog", "reload", "--file", file.path, "--redis-url", url, "--namespace", namespace])
        #expect(result.termination == .exited(0), "\(result.output)")
        #expect(result.output.contains("published catalog version 1"))

        // The first process, never restarted, allows it long before its next poll.
        let adopted = try await eventually { table.snapshot.isAllowed(patterns: key, model: "openai/sora-3") }
        #expect(adopted, "the announcement was not followed")
        try table.snapshot.checkAccess(patterns: key, model: "openai/sora-3")
        try table.snapshot.checkAccess(patterns: key, model: "sora-3")
        #expect(table.snapshot.catalogVersion == 1)
        let served = try table.snapshot.resolve(model: "sora-3")
        #expect(served.map(\.id) == ["sim-openai"] && served.first?.providerModel == "sora-3")
        #expect(!table.snapshot.isAllowed(patterns: key, model: "openai/sora-4"), "still only what the catalog knows")
    }

    @Test func aBadCatalogIsRefusedBeforePublishing() async throws {
        guard let url = try RedisTestEnvironment.url(), let reel = try ReelExecutable.path() else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try Data("[\"not a catalog\"]".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let arguments = ["catalog", "reload", "--file", file.path, "--redis-url", url, "--namespace", "test-\(UUID().uuidString)"]
        let result = try await Self.run(reel, arguments)
        #expect(result.termination != .exited(0))
        #expect(result.output.contains("catalog"))
    }

    @Test func aProcessStartingLaterAdoptsThePublishedCatalog() async throws {
        guard let url = try RedisTestEnvironment.url() else { return }
        let client = try RedisClient(url: url)
        defer { client.close() }
        let keys = RouterKeys(namespace: "test-\(UUID().uuidString)")
        let catalog = try ModelCatalog(json: #"{"sora-9": {"litellm_provider": "openai"}}"#)
        #expect(try await CatalogSynchronizer.publish(catalog: catalog, client: client, keys: keys) == 1)
        #expect(try await CatalogSynchronizer.publish(catalog: catalog, client: client, keys: keys) == 2)

        let table = RoutingTable(RoutingSnapshot(deployments: [], catalog: .default))
        try await CatalogSynchronizer(client: client, table: table, keys: keys).refresh()
        #expect(table.snapshot.catalogVersion == 2)
        #expect(table.snapshot.isAllowed(patterns: ["openai/*"], model: "sora-9"))
        #expect(!table.snapshot.isAllowed(patterns: ["openai/*"], model: "sora-2"), "the published catalog replaces the local one")
    }

    @Test func pollingCatchesAnAnnouncementThatWasLost() async throws {
        guard let url = try RedisTestEnvironment.url() else { return }
        let client = try RedisClient(url: url)
        defer { client.close() }
        let keys = RouterKeys(namespace: "test-\(UUID().uuidString)")
        let table = RoutingTable(RoutingSnapshot(deployments: [], catalog: .default))
        let synchronizer = CatalogSynchronizer(client: client, table: table, keys: keys, pollInterval: .milliseconds(100))
        let following = Task { try await synchronizer.run() }  // follows reloads until the test ends
        defer { following.cancel() }

        // First an announced reload, so the synchronizer is past its start-up read.
        try await CatalogSynchronizer.publish(catalog: .default, client: client, keys: keys)
        try #require(try await eventually { table.snapshot.catalogVersion == 1 })
        // Then a newer catalog stored without an announcement, as if the pub/sub message had been lost.
        _ = try await client.send(["HSET", keys.published, "catalog", #"{"sora-9": {"litellm_provider": "openai"}}"#, "catalog_version", "5"])
        #expect(try await eventually { table.snapshot.catalogVersion == 5 })
        #expect(table.snapshot.isAllowed(patterns: ["openai/*"], model: "sora-9"))
    }

    @Test func gracefulShutdownEndsTheServiceWithoutAnError() async throws {
        guard let url = try RedisTestEnvironment.url() else { return }
        let client = try RedisClient(url: url)
        defer { client.close() }
        let keys = RouterKeys(namespace: "test-\(UUID().uuidString)")
        let table = RoutingTable(RoutingSnapshot(deployments: [], catalog: .default))
        let synchronizer = CatalogSynchronizer(client: client, table: table, keys: keys, pollInterval: .milliseconds(50))
        let group = ServiceGroup(services: [synchronizer], logger: Logger(label: "test"))
        let running = Task { try await group.run() }

        // Following reloads (subscription and polling both running) when the shutdown comes.
        try await CatalogSynchronizer.publish(catalog: .default, client: client, keys: keys)
        try #require(try await eventually { table.snapshot.catalogVersion == 1 })
        await group.triggerGracefulShutdown()
        try await running.value  // a service that throws on shutdown makes the group (and the process) fail
    }
}
