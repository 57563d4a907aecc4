import ReelHTTP
import ReelRouting

extension Deployment {
    /// `api_base` without a trailing slash, or OpenAI's.
    var upstreamBase: String {
        var base = apiBase ?? "https://api.openai.com/v1"
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The URL of `path` (such as `responses/resp_1`) on this deployment.
    func upstreamURL(_ path: String, query: String? = nil) -> String {
        upstreamBase + "/" + path + (query.map { $0.isEmpty ? "" : "?" + $0 } ?? "")
    }

    /// The credentials headers: `Authorization: Bearer` (`api-key` for Azure), and `OpenAI-Organization`.
    func upstreamHeaders(bearer token: String? = nil) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let key = token ?? apiKey {
            if provider == "azure" && token == nil {
                headers.add(name: "api-key", value: key)
            } else {
                headers.add(name: "Authorization", value: "Bearer " + key)
            }
        }
        if let organization { headers.add(name: "OpenAI-Organization", value: organization) }
        return headers
    }
}
