extension ProviderError {
    /// A permanent error for an operation the provider family does not offer (code `unsupported_operation`).
    static func unsupportedOperation(_ operation: String, family: String) -> ProviderError {
        ProviderError(.permanent, code: "unsupported_operation", message: "\(family) deployments do not support \(operation).")
    }

    /// A permanent error for a value the provider family does not take (code `invalid_value`).
    static func invalidValue(_ message: String) -> ProviderError {
        ProviderError(.permanent, code: "invalid_value", message: message)
    }
}
