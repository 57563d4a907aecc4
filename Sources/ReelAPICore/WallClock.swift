import Foundation

/// The wall clock of the front, for values that leave the process or are compared with stored Unix times:
/// record timestamps, key expiry, realtime-token expiry, the minute of a rate limit. Injected so tests fix it.
///
/// ```swift
/// let clock = WallClock.system
/// let expired = key.isExpired(now: clock.seconds)
/// ```
public struct WallClock: Sendable {
    private let read: @Sendable () -> Int64

    /// A clock that reads `millisecondsSinceEpoch`.
    public init(millisecondsSinceEpoch: @escaping @Sendable () -> Int64) {
        self.read = millisecondsSinceEpoch
    }

    /// The system's wall clock.
    public static var system: Self { .init { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) } }

    /// Unix time now, in milliseconds.
    public var milliseconds: Int64 { read() }

    /// Unix time now, in whole seconds.
    public var seconds: Int64 { milliseconds.floorDivided(by: 1000) }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
