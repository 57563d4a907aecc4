/// Waits until `probe` returns a value, checking it again every few milliseconds, and gives up after `timeout`.
///
/// Tests use it to wait for a state that another task, process or Redis reaches on its own (a lease that expires,
/// a server that comes back, a message that arrives) instead of sleeping for a fixed time and then asserting.
/// The timeout only bounds a failure: on a loaded machine the state may come late, and the test still passes.
///
/// ```swift
/// let value = try await eventually { try? await client.send(["GET", key]).string }
/// #expect(value == "1")
/// ```
/// - Parameters:
///   - timeout: How long to keep checking before giving up; generous, since it never delays a passing test.
///   - interval: The pause between two checks.
///   - probe: Returns the awaited value, or `nil` while the state is not reached yet.
/// - Returns: The first value `probe` returned, or `nil` when `timeout` passed first.
/// - Throws: What `probe` throws, or `CancellationError`.
public func eventually<Value>(
    timeout: Duration = .testWaitLimit,
    interval: Duration = .milliseconds(10),
    isolation: isolated (any Actor)? = #isolation,
    _ probe: () async throws -> Value?
) async throws -> Value? {
    let clock = ContinuousClock()
    let giveUp = clock.now.advanced(by: timeout)
    while true {
        if let value = try await probe() { return value }
        if clock.now >= giveUp { return nil }
        try await clock.sleep(for: interval)
    }
}

/// Waits until `condition` holds, checking it again every few milliseconds, and gives up after `timeout`.
///
/// ```swift
/// #expect(try await eventually { try await queue.stats().counts[.active] == 0 })
/// ```
/// - Parameters:
///   - timeout: How long to keep checking before giving up; generous, since it never delays a passing test.
///   - interval: The pause between two checks.
///   - condition: The state the test waits for.
/// - Returns: `true` once `condition` held, `false` when `timeout` passed first.
/// - Throws: What `condition` throws, or `CancellationError`.
public func eventually(
    timeout: Duration = .testWaitLimit,
    interval: Duration = .milliseconds(10),
    isolation: isolated (any Actor)? = #isolation,
    _ condition: () async throws -> Bool
) async throws -> Bool {
    try await eventually(timeout: timeout, interval: interval, isolation: isolation) { try await condition() ? true : nil } ?? false
}
