import Foundation

/// An error document from a Google API or token endpoint, decoded leniently.
///
/// APIs answer `{"error": {"code": 429, "message": …, "status": "RESOURCE_EXHAUSTED", "details": [{"@type":
/// "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}]}}` (google.rpc.Status); the OAuth token
/// endpoint answers `{"error": "invalid_grant", "error_description": …}`.
struct GoogleErrorBody: Decodable {
    /// The longest wait a `retryDelay` may ask for; longer values are cut to it.
    static let maxRetryDelay = Duration.seconds(3600)

    /// `status` (`RESOURCE_EXHAUSTED`, …) or the OAuth `error` code.
    var status: String?
    /// The numeric google.rpc code, when given.
    var code: Int?
    var message: String?
    /// From a `google.rpc.RetryInfo` detail.
    var retryDelay: Duration?

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let oauthCode = try? container.decode(String.self, forKey: .error) {
            status = oauthCode
            message = try? container.decodeIfPresent(String.self, forKey: .errorDescription)
            return
        }
        let status = try container.decode(Status.self, forKey: .error)
        self.status = status.status
        code = status.code
        message = status.message
        retryDelay = status.retryDelay
    }

    /// `google.rpc.Status`, as found in error answers and in a finished operation's `error`.
    struct Status: Decodable {
        var code: Int?
        var message: String?
        var status: String?
        var retryDelay: Duration?

        enum CodingKeys: String, CodingKey { case code, message, status, details }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try? container.decodeIfPresent(Int.self, forKey: .code)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
            status = try? container.decodeIfPresent(String.self, forKey: .status)
            let details = (try? container.decodeIfPresent([Detail].self, forKey: .details)) ?? []
            retryDelay = details.lazy.compactMap(\.retryDelay).first
        }
    }

    struct Detail: Decodable {
        var retryDelay: Duration?

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case retryDelay
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let type = try? container.decodeIfPresent(String.self, forKey: .type)
            guard type?.hasSuffix("google.rpc.RetryInfo") == true, let text = try? container.decodeIfPresent(String.self, forKey: .retryDelay) else {
                return
            }
            retryDelay = GoogleErrorBody.duration(text)
        }
    }

    /// A protobuf `Duration` in JSON (`"30s"`, `"1.5s"`), nil when malformed or negative; at most ``maxRetryDelay``.
    static func duration(_ text: String) -> Duration? {
        guard text.hasSuffix("s"), text.utf8.count <= 32, let seconds = Double(text.dropLast()), seconds.isFinite, seconds >= 0 else {
            return nil
        }
        return min(.milliseconds(Int64(min(seconds, 86_400) * 1000)), maxRetryDelay)
    }
}
