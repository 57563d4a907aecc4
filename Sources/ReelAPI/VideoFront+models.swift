extension VideoFront {
    /// Checks that the caller may use `model` (403) and that it exists (400); returns a deployment of it.
    func deployment(for model: String, caller: Caller) throws -> String {
        try routing.deployment(for: model, patterns: caller.modelPatterns)
    }
}
