/// A monotonic clock for intervals (cache lifetimes, re-read periods, due times of the memory queue, rate windows),
/// made from any `some Clock<Duration>` so tests pass a manual clock and production the continuous one. It reads time
/// since it was made and sleeps on the clock it was made from.
///
/// ```swift
/// let clock = IntervalClock(ContinuousClock())
/// let start = clock.elapsed
/// try await clock.sleep(for: .seconds(1))
/// ```
public struct IntervalClock: Sendable {
    private let read: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// A clock reading `clock`.
    public init<C: Clock<Duration>>(_ clock: C) {
        let start = clock.now
        self.read = { start.duration(to: clock.now) }
        self.sleeper = { try await clock.sleep(for: $0) }
    }

    /// The continuous clock.
    public static var continuous: Self { .init(ContinuousClock()) }

    /// Time since this value was made.
    public var elapsed: Duration { read() }

    /// Sleeps for `duration` on the clock; throws `CancellationError` when cancelled.
    public func sleep(for duration: Duration) async throws { try await sleeper(duration) }
}
