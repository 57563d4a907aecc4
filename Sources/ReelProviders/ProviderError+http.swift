package import Foundation
package import ReelHTTP

extension ProviderError {
    /// Classifies a non-2xx answer and carries the provider's `{code, message}` and requested wait.
    ///
    /// `x-should-retry: true|false`, which OpenAI-compatible servers send to override the status rule, wins.
    package init(response: HTTPResponse, now: Date = Date()) {
        let body = try? JSONDecoder().decode(OpenAIWire.ErrorEnvelope.self, from: Data(response.body)).error
        var kind = Self.kind(forHTTPStatus: response.status)
        switch response.headers["x-should-retry"]?.lowercased() {
        case "true": kind = .transient
        case "false": kind = .permanent
        default: break
        }
        // The message reaches tenants: only the envelope's, bounded and printable, never a raw body (an HTML page
        // of a proxy, a stack trace, a fetched file).
        let message = body?.message.map(Self.tenantSafe).flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            kind,
            httpStatus: response.status,
            retryAfter: Self.retryAfter(from: response.headers, now: now),
            code: body?.code.map(Self.tenantSafe),
            message: message ?? "HTTP \(response.status)"
        )
    }

    /// Longest provider message passed on.
    static var maxMessageLength: Int { 500 }

    /// `text` without control characters, cut to ``maxMessageLength`` characters.
    static func tenantSafe(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { $0.properties.generalCategory != .control }.prefix(maxMessageLength))
        return String(scalars)
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

    /// Network failures, timeouts and a response that could not be stored (a full disk) are transient; a request that
    /// cannot be built or read is permanent. The message leaves out the URL: it may reach a client in a job's error.
    package init(transportError error: HTTPTransportError) {
        let permanent: Set<HTTPTransportError.Code> = [.invalidRequest, .fileError, .responseTooLarge]
        self.init(permanent.contains(error.code) ? .permanent : .transient, message: "\(error.code): \(error.message)", underlying: error)
    }

    /// The longest wait a provider can ask for; longer requests are cut to it (a day).
    static var maxRetryAfter: Duration { .seconds(86_400) }

    /// The wait a response asks for: `retry-after-ms` (milliseconds) first, then `Retry-After` in seconds or as an HTTP
    /// date; at most ``maxRetryAfter``, and NaN or negative values are ignored.
    package static func retryAfter(from headers: HTTPHeaders, now: Date) -> Duration? {
        if let value = headers["retry-after-ms"], let milliseconds = Double(value), milliseconds >= 0 {
            return clampedWait(milliseconds: milliseconds)
        }
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0 {
            return clampedWait(milliseconds: seconds * 1000)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return clampedWait(milliseconds: max(0, date.timeIntervalSince(now)) * 1000)
    }

    /// `milliseconds` as a duration of at most ``maxRetryAfter`` (`+inf` included); the caller has ruled out NaN and
    /// negatives.
    private static func clampedWait(milliseconds: Double) -> Duration {
        let limit = Double(maxRetryAfter.components.seconds) * 1000
        return milliseconds >= limit ? maxRetryAfter : .milliseconds(milliseconds)
    }
}
