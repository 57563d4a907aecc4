import Foundation
import ReelHTTP

extension HTTPRequest {
    /// Redirects a download follows at most.
    static var maxRedirects: Int { 5 }

    /// The request a redirect answer leads to, or nil when `response` is no redirect. On another origin (scheme,
    /// host or port) only the `Accept` field goes along: credentials stay with the API's own origin.
    /// - Parameter allowingPrivateTargets: whether a location on loopback, a private or a link-local network may be
    ///   followed (a provider on this machine or network, such as the simulator); refused otherwise.
    /// - Throws: a permanent ``ProviderError`` for a location that is malformed, not http(s), or a refused address.
    func redirected(by response: HTTPResponse, allowingPrivateTargets: Bool) throws(ProviderError) -> HTTPRequest? {
        guard (300..<400).contains(response.status), let location = response.headers["location"] else { return nil }
        guard let current = URL(string: url), let target = URL(string: location, relativeTo: current)?.absoluteURL,
            let host = target.host, !host.isEmpty
        else {
            throw ProviderError(.permanent, message: "The provider redirected the download to a malformed location.")
        }
        guard let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw ProviderError(.permanent, message: "The provider redirected the download off HTTP; only http and https are followed.")
        }
        if !allowingPrivateTargets, PrivateAddress.contains(host) {
            throw ProviderError(.permanent, message: "The provider redirected the download to a loopback, private or link-local address; refused.")
        }
        var next = self
        next.url = target.absoluteString
        if target.scheme != current.scheme || target.host != current.host || target.port != current.port {
            next.headers = HTTPHeaders(headers.values(for: "Accept").map { ("Accept", $0) })
        }
        return next
    }
}
