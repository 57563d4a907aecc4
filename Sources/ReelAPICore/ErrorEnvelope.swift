/// OpenAI's error envelope, `{"error":{"message","type","param","code"}}`, with `param` and `code` written as
/// `null` when absent (as OpenAI writes them).
package struct ErrorEnvelope: Encodable {
    /// The object under `error`.
    package struct Body: Encodable {
        let message: String
        let type: String
        let param: String?
        let code: String?

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(message, forKey: .message)
            try container.encode(type, forKey: .type)
            try container.encode(param, forKey: .param)
            try container.encode(code, forKey: .code)
        }

        enum CodingKeys: String, CodingKey { case message, type, param, code }
    }

    /// The error.
    package let error: Body

    /// Creates an envelope.
    package init(message: String, type: String, param: String?, code: String?) {
        error = Body(message: message, type: type, param: param, code: code)
    }
}
