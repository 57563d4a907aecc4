extension Duration {
    /// How long a test waits for a state before it gives up: `eventually`,
    /// ``TestExpectation/wait(timeout:)`` and the test servers' launches.
    ///
    /// It bounds a failure only; a passing test never waits it out. It is long because Swift Testing runs every test at
    /// once: on two cores a test that needs a second alone can take as long as the whole run (about a minute).
    public static let testWaitLimit: Duration = .seconds(120)
}
