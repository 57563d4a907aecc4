import ArgumentParser
import Foundation
import ReelAPI
import ReelAPICore
import ReelRouting
import ReelConfiguration

/// `reel keys`: virtual-key administration, on the same Redis store as `POST /key/generate`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Virtual-key administration.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    /// Where the keys live.
    struct StoreOptions: ParsableArguments {
        @Option(help: "The configuration file (its reel_settings.redis_url, or REDIS_URL).")
        var config: String

        func store() throws -> RedisVirtualKeyStore {
            let configuration: ReelConfiguration
            do {
                configuration = try ReelConfiguration.load(path: config, environment: ProcessInfo.processInfo.environment)
            } catch {
                throw ValidationError("\(error)")
            }
            return try RedisVirtualKeyStore(redisURL: configuration.reel.redisURL)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Creates a key and prints its secret once.")
        @OptionGroup var store: StoreOptions
        @Option(help: "A model pattern the key may use (repeatable): sora-2, openai/*, *. None: every model.")
        var model: [String] = []
        @Option(help: "Requests per minute.") var rpmLimit: Int?
        @Option(help: "Jobs in flight at once.") var maxInflightJobs: Int?
        @Option(help: "Lifetime in seconds.") var durationSeconds: Int64?
        @Option(help: "A label.") var alias: String?

        var spec: VirtualKeySpec {
            VirtualKeySpec(alias: alias, models: model, rpmLimit: rpmLimit, maxInflightJobs: maxInflightJobs, durationSeconds: durationSeconds)
        }

        func validate() throws {
            do { try spec.validate() } catch { throw ValidationError(error.message) }
        }

        func run() async throws {
            let (secret, key) = try await store.store().create(spec)
            print("key_id: \(key.id)")
            print("key: \(secret)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lists keys (never their secrets).")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            for key in try await store.store().list() {
                let models = key.models.isEmpty ? "*" : key.models.joined(separator: ",")
                let limits = "rpm=\(key.rpmLimit.map(String.init) ?? "-") inflight=\(key.maxInflightJobs.map(String.init) ?? "-")"
                print("\(key.id)\t\(key.alias ?? "-")\tmodels=\(models)\t\(limits)\texpires=\(key.expiresAt.map(String.init) ?? "never")")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revokes a key by id (key_…) or secret.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The key's id or secret.") var key: String

        func run() async throws {
            let store = try store.store()
            let id = key.hasPrefix("key_") ? key : try await store.key(secretHash: VirtualKey.hash(secret: key))?.id
            guard let id, try await store.revoke(id: id) else { throw ValidationError("No such key.") }
            print("revoked \(id)")
        }
    }
}
