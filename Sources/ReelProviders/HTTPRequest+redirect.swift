import Foundation
import ReelHTTP

extension HTTPRequest {
    /// Redirects a download follows at most.
    static var maxRedirects: Int { 5 }

    /// The request a redirect answer leads to, or nil when `response` is no redirect. On another origin (scheme,
    /// host or port) only the `Accept` field goes along: credentials stay with the API's own origin.
    func redirected(by response: HTTPResponse) -> HTTPRequest? {
        guard (300..<400).contains(response.status), let location = response.headers["location"],
            let current = URL(string: url), let target = URL(string: location, relativeTo: current)?.absoluteURL,
            target.scheme == "https" || target.scheme == "http"
        else { return nil }
        var next = self
        next.url = target.absoluteString
        if target.scheme != current.scheme || target.host != current.host || target.port != current.port {
            next.headers = HTTPHeaders(headers.values(for: "Accept").map { ("Accept", $0) })
        }
        return next
    }
}
