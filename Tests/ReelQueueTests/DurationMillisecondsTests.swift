import Testing

import ReelTime

/// Durations that reach the queue (a provider's `Retry-After`, say) become milliseconds without trapping.
struct DurationMillisecondsTests {
    @Test func millisecondsSaturateInsteadOfOverflowing() {
        #expect(Duration.seconds(Int64.max).milliseconds == Int64.max)
        #expect(Duration.seconds(Int64.min).milliseconds == Int64.min)
        #expect(Duration.seconds(Int64.max / 999).milliseconds == Int64.max)
    }

    @Test func ordinaryDurationsAreExact() {
        #expect(Duration.milliseconds(1500).milliseconds == 1500)
        #expect(Duration.seconds(7 * 24 * 3600).milliseconds == 604_800_000)
        #expect(Duration.nanoseconds(999_999).milliseconds == 0)
        #expect(Duration.zero.milliseconds == 0)
    }
}
