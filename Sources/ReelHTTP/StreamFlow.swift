package import Synchronization

/// Backpressure of a streamed body: the transfer thread pauses the transfer while the reader has more than
/// ``limit`` bytes waiting, and the reader resumes it once it has taken enough, so a slow reader (a client on a
/// slow link) holds at most about ``limit`` bytes in memory whatever the body's size.
package final class StreamFlow: Sendable {
    /// Bytes the reader may have waiting before the transfer pauses.
    package static let limit = 1 << 20

    private let buffered = Atomic<Int>(0)
    private let paused = Atomic<Bool>(false)
    /// The most bytes that were waiting at once (for tests).
    package let peak = Atomic<Int>(0)
    private let resume: @Sendable () -> Void

    /// - Parameter resume: asks the transfer thread to unpause the transfer.
    init(resume: @escaping @Sendable () -> Void) {
        self.resume = resume
    }

    /// On the transfer thread, before handing over `count` bytes: whether to pause instead (the bytes stay with
    /// libcurl, which offers them again after the resume).
    func shouldPause(beforeAdding count: Int) -> Bool {
        guard buffered.load(ordering: .acquiring) >= Self.limit else {
            let now = buffered.add(count, ordering: .acquiringAndReleasing).newValue
            peak.max(now, ordering: .relaxed)
            return false
        }
        paused.store(true, ordering: .releasing)
        // The reader may have drained everything between the check and the flag: then take the flag back and go on
        // (if the reader took it first, its resume finds the transfer running, which is harmless).
        if buffered.load(ordering: .acquiring) < Self.limit {
            _ = paused.exchange(false, ordering: .acquiringAndReleasing)
            let now = buffered.add(count, ordering: .acquiringAndReleasing).newValue
            peak.max(now, ordering: .relaxed)
            return false
        }
        return true
    }

    /// On the reader's side, after taking `count` bytes: resumes a paused transfer once below the limit.
    func taken(_ count: Int) {
        let now = buffered.subtract(count, ordering: .acquiringAndReleasing).newValue
        if now < Self.limit, paused.load(ordering: .acquiring), paused.exchange(false, ordering: .acquiringAndReleasing) {
            resume()
        }
    }
}
