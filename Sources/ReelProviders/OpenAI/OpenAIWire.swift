/// JSON shapes of the OpenAI video API, decoded leniently (numbers sent as strings and vice versa are accepted).
package enum OpenAIWire {
    package struct Video: Decodable {
        var id: String
        var status: String
        var progress: Int?
        var model: String?
        var seconds: String?
        var size: String?
        var createdAt: Int?
        var completedAt: Int?
        var expiresAt: Int?
        var remixedFromVideoID: String?
        var error: ErrorBody?

        enum CodingKeys: String, CodingKey {
            case id, status, progress, model, seconds, size, error
            case createdAt = "created_at", completedAt = "completed_at", expiresAt = "expires_at"
            case remixedFromVideoID = "remixed_from_video_id"
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            status = try container.decode(String.self, forKey: .status)
            progress = container.lenientInt(.progress).map { Swift.min(Swift.max($0, 0), 100) }
            model = try container.decodeIfPresent(String.self, forKey: .model)
            seconds = container.lenientString(.seconds)
            size = try container.decodeIfPresent(String.self, forKey: .size)
            createdAt = container.lenientTimestamp(.createdAt)
            completedAt = container.lenientTimestamp(.completedAt)
            expiresAt = container.lenientTimestamp(.expiresAt)
            remixedFromVideoID = try container.decodeIfPresent(String.self, forKey: .remixedFromVideoID)
            error = try container.decodeIfPresent(ErrorBody.self, forKey: .error)
        }

        package var providerVideo: ProviderVideo {
            ProviderVideo(
                id: id,
                status: status,
                progress: progress ?? 0,
                model: model,
                seconds: seconds,
                size: size,
                createdAt: createdAt,
                completedAt: completedAt,
                expiresAt: expiresAt,
                remixedFromVideoID: remixedFromVideoID,
                error: error.map { ProviderErrorBody(code: $0.code, message: $0.message ?? "") }
            )
        }
    }

    struct Character: Decodable {
        var id: String
        var name: String?
        var createdAt: Int?
        var status: String?

        enum CodingKeys: String, CodingKey {
            case id, name, status
            case createdAt = "created_at"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            createdAt = container.lenientTimestamp(.createdAt)
            status = try container.decodeIfPresent(String.self, forKey: .status)
        }

        var providerCharacter: ProviderCharacter {
            ProviderCharacter(id: id, name: name, createdAt: createdAt ?? 0, status: status)
        }
    }

    /// `{code, message}` as found in a failed video's `error` and in the error envelope.
    struct ErrorBody: Decodable {
        var code: String?
        var message: String?

        enum CodingKeys: String, CodingKey { case code, message }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = container.lenientString(.code)
            message = container.lenientString(.message)
        }
    }

    /// `{"error": {"message", "type", "param", "code"}}`.
    struct ErrorEnvelope: Decodable {
        var error: ErrorBody
    }
}

extension KeyedDecodingContainer {
    /// An integer sent as a number or a string; nil when it is none or cannot be an `Int` (NaN, ±inf, 1e300).
    fileprivate func lenientInt(_ key: Key) -> Int? {
        if let value = try? decodeIfPresent(Int.self, forKey: key) { return value }
        if let value = try? decodeIfPresent(Double.self, forKey: key) { return Int(exactly: value.rounded(.down)) }
        if let value = try? decodeIfPresent(String.self, forKey: key) { return Int(value) }
        return nil
    }

    /// Unix seconds between 1970 and the year 9999; nil otherwise.
    fileprivate func lenientTimestamp(_ key: Key) -> Int? {
        lenientInt(key).flatMap { (0...253_402_300_799).contains($0) ? $0 : nil }
    }

    fileprivate func lenientString(_ key: Key) -> String? {
        if let value = try? decodeIfPresent(String.self, forKey: key) { return value }
        if let value = try? decodeIfPresent(Int.self, forKey: key) { return String(value) }
        return nil
    }
}
