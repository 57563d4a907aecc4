import Foundation

/// The pause before the next connection attempt after failed ones: 50 ms, doubling up to one second.
struct ReconnectBackoff {
    private var failures = 0
    private var nextAttempt: ContinuousClock.Instant?

    /// Records a failed attempt.
    mutating func failed() {
        failures += 1
        nextAttempt = .now + .milliseconds(min(1000, 50 << min(failures - 1, 5)))
    }

    /// Records a successful connection.
    mutating func succeeded() {
        failures = 0
        nextAttempt = nil
    }

    /// When to wake up to try again, or `nil` when an attempt may start now.
    var wakeUpDate: Date? {
        guard let nextAttempt else { return nil }
        let (seconds, attoseconds) = ContinuousClock.now.duration(to: nextAttempt).components
        let remaining = Double(seconds) + Double(attoseconds) * 1e-18
        return remaining > 0 ? Date(timeIntervalSinceNow: remaining) : nil
    }
}
