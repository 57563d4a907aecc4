import Foundation
import Testing

@testable import ReelWorker

struct WorkerConfigurationTests {
    @Test func settingsOverrideDefaults() throws {
        let json = #"{"concurrency": 8, "lease_seconds": 12, "poll": {"initial_seconds": 0.5, "max_seconds": 4, "jitter": 0}, "deadlines": {"generate": 60}}"#
        let settings = try JSONDecoder().decode(WorkerConfiguration.Settings.self, from: Data(json.utf8))
        let configuration = try WorkerConfiguration(settings: settings, workerID: "w")
        #expect(configuration.concurrency == 8)
        #expect(configuration.leaseDuration == .seconds(12))
        #expect(configuration.heartbeatInterval == .seconds(4))
        #expect(configuration.polling.initialInterval == .milliseconds(500))
        #expect(configuration.polling.maxInterval == .seconds(4))
        #expect(configuration.polling.jitter == 0)
        #expect(configuration.polling.multiplier == WorkerConfiguration.Polling().multiplier)
        #expect(configuration.deadlines == ["generate": .seconds(60)])
    }

    @Test(arguments: [
        (#"{"concurrency": 0}"#, "concurrency"),
        (#"{"lease_seconds": 5, "heartbeat_seconds": 6}"#, "heartbeat_seconds"),
        (#"{"poll": {"initial_seconds": 5, "max_seconds": 1}}"#, "max_seconds"),
        (#"{"poll": {"jitter": 1.5}}"#, "jitter"),
        (#"{"deadlines": {"render": 10}}"#, "render"),
        (#"{"claim_wait_seconds": -1}"#, "claim_wait_seconds"),
    ])
    func invalidSettingsAreRejectedNamingTheKey(json: String, key: String) throws {
        let settings = try JSONDecoder().decode(WorkerConfiguration.Settings.self, from: Data(json.utf8))
        let error = try #require(throws: WorkerError.self) { try WorkerConfiguration(settings: settings) }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message?.contains(key) == true)
    }
}
