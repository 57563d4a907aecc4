import ArgumentParser
import Foundation
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelConfiguration

/// `reel catalog`: model catalog administration.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Model catalog administration.",
        subcommands: [Reload.self, Check.self, Bench.self]
    )

    /// Where to find Redis: `--redis-url`, else the configuration (where `REDIS_URL` overrides), else `REDIS_URL`.
    struct RedisOptions: ParsableArguments {
        @Option(help: "The configuration file (for reel_settings.redis_url).")
        var config: String?

        @Option(help: "The Redis URL (overrides the configuration and REDIS_URL).")
        var redisURL: String?

        @Option(help: .hidden)
        var namespace: String = "router"

        func url() throws -> String {
            let environment = ProcessInfo.processInfo.environment
            if let redisURL { return redisURL }
            if let config { return try ReelConfiguration.load(path: config, environment: environment).reel.redisURL }
            return ReelSettings.redisURL(from: environment) ?? ReelSettings.defaultRedisURL
        }
    }

    /// `reel catalog reload --file PATH`: publishes a catalog to every front and worker.
    struct Reload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publishes a model catalog to every front (they switch within a second, no restart).",
            discussion: "A changed configuration file takes effect when each process restarts; restart them one at a time."
        )

        @Option(help: "A cost-map style catalog JSON file.")
        var file: String

        @OptionGroup var redis: RedisOptions

        func run() async throws {
            let client = try RedisClient(url: try redis.url())
            defer { client.close() }
            let keys = RouterKeys(namespace: redis.namespace)
            let catalog = try ModelCatalog.load(path: file)
            let version = try await CatalogSynchronizer.publish(catalog: catalog, client: client, keys: keys)
            print("published catalog version \(version): \(catalog.entries.count) models from \(file)")
        }
    }

    /// `reel catalog check --file PATH`: validates a catalog without publishing it.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validates a catalog JSON file and lists its providers.")

        @Option(help: "A cost-map style catalog JSON file (default: the built-in catalog).")
        var file: String?

        func run() async throws {
            let catalog = try file.map { path throws in try ModelCatalog.load(path: path) } ?? .default
            for provider in catalog.modelsByProvider.keys.sorted() {
                print("\(provider): \(catalog.modelsByProvider[provider, default: []].sorted().joined(separator: ", "))")
            }
        }
    }
}
