extension Duration {
    /// Whole milliseconds, rounded toward zero, saturating at `Int64.min`/`Int64.max` instead of trapping.
    ///
    /// Every conversion of a `Duration` to a millisecond count (Redis arguments, curl options, HTTP headers) goes
    /// through this one property, so a huge value from a provider or a client can never overflow a process.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, sumOverflow) = whole.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        guard !sumOverflow else { return whole < 0 ? .min : .max }
        return sum
    }
}
