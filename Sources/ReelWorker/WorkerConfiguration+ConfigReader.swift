import ReelRouting
public import ReelConfiguration

extension WorkerConfiguration {
    /// Creates a configuration from `reel_settings.worker` of the YAML configuration (already validated by
    /// `ReelConfiguration`): `concurrency`, `lease` (heartbeats come at a third of it), `poll_interval_min` (the first
    /// poll, and the wait between checks of inputs still in flight) and `poll_interval_max` (the ceiling polls grow to).
    /// Budgets (`budgets.*`) are the job's, set when it is enqueued.
    /// - Parameters:
    ///   - settings: The worker settings.
    ///   - workerID: This process's worker id.
    public init(settings: ReelSettings.Worker, workerID: String = WorkerConfiguration.makeWorkerID()) {
        let initial = settings.pollIntervalMin
        self.init(
            workerID: workerID,
            concurrency: settings.concurrency,
            leaseDuration: settings.lease,
            heartbeatInterval: settings.lease / 3,
            polling: .init(initialInterval: initial, maxInterval: settings.pollIntervalMax, inputInterval: initial)
        )
    }
}
