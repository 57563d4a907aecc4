import Foundation
import ReelHTTP

extension ProviderError {
    /// Classifies a non-2xx answer of a Google API: the HTTP status decides permanent or transient, as for every
    /// provider; the code is google.rpc's `status` (`RESOURCE_EXHAUSTED`, `INVALID_ARGUMENT`, `PERMISSION_DENIED`, …);
    /// the wait is the longer of `Retry-After` and a `google.rpc.RetryInfo` `retryDelay`.
    init(googleResponse response: HTTPResponse, now: Date = Date()) {
        let body = try? JSONDecoder().decode(GoogleErrorBody.self, from: Data(response.body))
        let headerWait = Self.retryAfter(from: response.headers, now: now)
        let wait = [headerWait, body?.retryDelay].compactMap { $0 }.max()
        let text = response.bodyText
        self.init(
            Self.kind(forHTTPStatus: response.status),
            httpStatus: response.status,
            retryAfter: wait,
            code: body?.status.map { String($0.prefix(64)) },
            message: body?.message.map { String($0.prefix(1000)) } ?? (text.isEmpty ? "HTTP \(response.status)" : String(text.prefix(1000)))
        )
    }

    /// Classifies a refused token request (`invalid_grant` and the like are permanent, 429 and 5xx transient).
    init(tokenResponse response: HTTPResponse) {
        let error = ProviderError(googleResponse: response)
        self.init(
            error.kind,
            httpStatus: error.httpStatus,
            retryAfter: error.retryAfter,
            code: error.code,
            message: "the token endpoint refused the service account's assertion: \(error.message)"
        )
    }
}
