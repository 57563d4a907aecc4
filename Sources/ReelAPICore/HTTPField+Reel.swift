package import HTTPTypes

extension HTTPField.Name {
    /// `Idempotency-Key` on POSTs.
    package static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `openai-poll-after-ms` on status reads: how long SDK pollers wait.
    package static let openAIPollAfter = HTTPField.Name("openai-poll-after-ms")!
    /// `x-request-id` on every response.
    package static let requestID = HTTPField.Name("x-request-id")!
    /// `x-should-retry`, read by the OpenAI SDK.
    package static let shouldRetry = HTTPField.Name("x-should-retry")!
}

extension HTTPField.Name {
    /// `api-key`, Azure's spelling of the key header.
    package static let apiKey = HTTPField.Name("api-key")!
}
