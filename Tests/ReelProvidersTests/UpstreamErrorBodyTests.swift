import Foundation
import ReelHTTP
import Testing

import ReelProviders

/// What a provider's error answer may put in front of a tenant: its `{code, message}`, bounded; never a raw body.
struct UpstreamErrorBodyTests {
    @Test func aBodyThatIsNoErrorEnvelopeNeverBecomesTheMessage() {
        let page = "<html><body>upstream 10.1.2.3:8443 stack trace: at Handler.swift:42</body></html>"
        let error = ProviderError(response: HTTPResponse(status: 502, body: Array(page.utf8)))
        #expect(!error.message.contains("10.1.2.3") && !error.message.contains("<html>"), "\(error.message)")
        #expect(error.message.contains("502"))
    }

    @Test func theEnvelopesMessageIsBoundedAndPrintable() {
        let long = String(repeating: "m", count: 5000) + "\u{1B}[31m\u{07}"
        let body = #"{"error": {"code": "moderation_blocked", "message": "\#(long)"}}"#
        let error = ProviderError(response: HTTPResponse(status: 400, body: Array(body.utf8)))
        #expect(error.code == "moderation_blocked")
        #expect(error.message.count <= 500)
        #expect(!error.message.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
}
