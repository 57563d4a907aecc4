import ReelRouting
import Testing

import ReelWorker
import ReelConfiguration

struct WorkerConfigurationTests {
    @Test func readsTheWorkerSettings() {
        let settings = ReelSettings.Worker(concurrency: 8, pollIntervalMin: .milliseconds(500), pollIntervalMax: .seconds(4), lease: .seconds(12))
        let configuration = WorkerConfiguration(settings: settings, workerID: "w")
        #expect(configuration.workerID == "w")
        #expect(configuration.concurrency == 8)
        #expect(configuration.leaseDuration == .seconds(12))
        #expect(configuration.heartbeatInterval == .seconds(4))
        #expect(configuration.polling.initialInterval == .milliseconds(500))
        #expect(configuration.polling.inputInterval == .milliseconds(500))
        #expect(configuration.polling.maxInterval == .seconds(4))
    }

    @Test func workerIDsAreUnique() {
        #expect(WorkerConfiguration.makeWorkerID() != WorkerConfiguration.makeWorkerID())
    }
}
