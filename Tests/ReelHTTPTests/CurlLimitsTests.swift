import Foundation
import ReelHTTP
import Testing

/// What a transfer may reach and how much it may write: http(s) only, and downloads bounded.
struct CurlLimitsTests {
    @Test(arguments: ["file:///etc/hostname", "dict://127.0.0.1:1/info", "gopher://127.0.0.1:1/x", "ftp://127.0.0.1:1/x"])
    func onlyHTTPAndHTTPSAreSpoken(_ url: String) async throws {
        let transport = CurlTransport()
        let error = await #expect(throws: HTTPTransportError.self, "\(url)") {
            try await transport.execute(ReelHTTP.HTTPRequest(url: url))
        }
        #expect(error?.code == .invalidRequest, "\(url): \(String(describing: error))")
    }
}
