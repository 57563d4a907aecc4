import Foundation
import ReelHTTP

extension ProviderError {
    /// Classifies a non-2xx answer and carries the provider's `{code, message}` and requested wait.
    ///
    /// `x-should-retry: true|false`, which OpenAI-compatible servers send to override the status rule, wins.
    init(response: HTTPResponse, now: Date = Date()) {
        let body = try? JSONDecoder().decode(OpenAIWire.ErrorEnvelope.self, from: Data(response.body)).error
        var kind = Self.kind(forHTTPStatus: response.status)
        switch response.headers["x-should-retry"]?.lowercased() {
        case "true": kind = .transient
        case "false": kind = .permanent
        default: break
        }
        let text = response.bodyText
        self.init(
            kind,
            httpStatus: response.status,
            retryAfter: Self.retryAfter(from: response.headers, now: now),
            code: body?.code,
            message: body?.message ?? (text.isEmpty ? "HTTP \(response.status)" : String(text.prefix(1000)))
        )
    }

    /// Whether the provider may have acted on the request although no success came back: a server error or a
    /// conflict (409: the same idempotency key in progress), or a transfer that timed out or broke off. Refusals
    /// (429, 408, other 4xx) and failures to reach the server at all (DNS, refused connection, TLS) are not.
    public var mayHaveTakenEffect: Bool {
        if let status = httpStatus { return status >= 500 || status == 409 }
        guard let transport = underlyingError as? HTTPTransportError else { return true }
        let neverSent: Set<HTTPTransportError.Code> = [.couldNotResolveHost, .connectionRefused, .tlsFailure, .invalidRequest, .fileError]
        return !neverSent.contains(transport.code)
    }

    /// Network failures and timeouts are transient; a request that cannot be built or a local file problem is permanent.
    init(transportError error: HTTPTransportError) {
        let permanent: Set<HTTPTransportError.Code> = [.invalidRequest, .fileError, .responseTooLarge]
        self.init(permanent.contains(error.code) ? .permanent : .transient, message: error.description, underlying: error)
    }

    /// The wait a response asks for: `retry-after-ms` (milliseconds) first, then `Retry-After` in seconds or as an HTTP date.
    static func retryAfter(from headers: HTTPHeaders, now: Date) -> Duration? {
        if let value = headers["retry-after-ms"], let milliseconds = Double(value), milliseconds >= 0 {
            return .milliseconds(milliseconds)
        }
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0 {
            return .milliseconds(seconds * 1000)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(max(0, date.timeIntervalSince(now)) * 1000)
    }
}
