import ReelCrypto
import Testing

struct SigV4PresignerTests {
    // The worked example of AWS's S3 API reference, "Authenticating Requests: Using Query Parameters (AWS
    // Signature Version 4)": GET examplebucket/test.txt, 24 May 2013 00:00:00 UTC, valid 86400 s, with the
    // documentation's example credentials. The page prints this URL and signature.
    static let example = SigV4Presigner(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1"
    )
    static let may24th2013: Int64 = 1_369_353_600

    @Test func reproducesThePublishedPresignedGETExample() throws {
        let url = try Self.example.presignedURL(
            method: "GET", scheme: "https", host: "examplebucket.s3.amazonaws.com", path: "/test.txt", expiresIn: 86400, at: Self.may24th2013
        )
        #expect(
            url == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        )
    }

    @Test func aSessionTokenIsSignedInTheQuery() throws {
        var presigner = Self.example
        presigner.sessionToken = "token/with+chars="
        let query = try presigner.presignedQuery(
            method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt", expiresIn: 86400, at: Self.may24th2013
        )
        #expect(query.contains("&X-Amz-Security-Token=token%2Fwith%2Bchars%3D&X-Amz-SignedHeaders=host&X-Amz-Signature="))
        #expect(!query.hasSuffix("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"))
    }

    @Test func refusesAnExpiryOutOfRange() {
        for expiry in [0, 604_801] {
            #expect(throws: CryptoError.self) {
                try Self.example.presignedURL(method: "GET", scheme: "https", host: "h", path: "/k", expiresIn: expiry, at: 0)
            }
        }
    }

    @Test func encodesAsSigV4Asks() {
        #expect(SigV4Presigner.uriEncoded("a b/c~d_e.f-g+h") == "a%20b%2Fc~d_e.f-g%2Bh")
        #expect(SigV4Presigner.uriEncoded("dir/é", keepingSlashes: true) == "dir/%C3%A9")
    }
}
