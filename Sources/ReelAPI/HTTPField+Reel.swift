import HTTPTypes

extension HTTPField.Name {
    /// `Idempotency-Key` on POSTs.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `openai-poll-after-ms` on status reads: how long SDK pollers wait.
    static let openAIPollAfter = HTTPField.Name("openai-poll-after-ms")!
    /// `x-request-id` on every response.
    static let requestID = HTTPField.Name("x-request-id")!
    /// `x-should-retry`, read by the OpenAI SDK.
    static let shouldRetry = HTTPField.Name("x-should-retry")!
}

extension HTTPField.Name {
    /// `api-key`, Azure's spelling of the key header.
    static let apiKey = HTTPField.Name("api-key")!
}
