import Foundation
import ReelHTTP
import Testing

import ReelProviders

/// Numbers a provider sends can be anything; none of them may trap the process that reads them.
struct HostileNumbersTests {
    static func video(_ members: String) throws -> ProviderVideo {
        let json = "{\"id\": \"video_1\", \"status\": \"in_progress\", \(members)}"
        return try JSONDecoder().decode(OpenAIWire.Video.self, from: Data(json.utf8)).providerVideo
    }

    @Test(arguments: ["1e300", "-1e300", "9.3e18", "-9.3e18", "\"1e300\"", "\"99999999999999999999\""])
    func hugeProgressAndTimestampsAreClampedOrDropped(_ number: String) throws {
        let video = try Self.video("\"progress\": \(number), \"created_at\": \(number), \"completed_at\": \(number), \"expires_at\": \(number)")
        #expect((0...100).contains(video.progress))
        for timestamp in [video.createdAt, video.completedAt, video.expiresAt] {
            #expect(timestamp == nil || (0...Int(Int32.max) * 100).contains(timestamp!))
        }
    }

    @Test func ordinaryNumbersAreKept() throws {
        let video = try Self.video("\"progress\": 42.0, \"created_at\": 1712697600, \"completed_at\": \"1712697700\"")
        #expect(video.progress == 42)
        #expect(video.createdAt == 1_712_697_600)
        #expect(video.completedAt == 1_712_697_700)
        #expect(try Self.video("\"progress\": 250").progress == 100)
        #expect(try Self.video("\"progress\": -3").progress == 0)
    }

    @Test(arguments: [
        ["retry-after": "1e300"], ["retry-after": "inf"], ["retry-after": "infinity"], ["retry-after": "9223372036854775807"],
        ["retry-after-ms": "1e300"], ["retry-after-ms": "inf"], ["retry-after": "Fri, 31 Dec 9999 23:59:59 GMT"],
    ] as [HTTPHeaders])
    func hugeRetryAfterIsClamped(_ headers: HTTPHeaders) {
        let wait = ProviderError.retryAfter(from: headers, now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(wait == nil || wait! <= .seconds(86_400))
    }
}
