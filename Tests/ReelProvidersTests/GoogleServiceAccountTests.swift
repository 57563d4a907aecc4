import Foundation
import ReelProviders
import Testing

struct GoogleServiceAccountTests {
    @Test func readsTheFieldsReelNeeds() throws {
        let account = try GoogleServiceAccount(json: GoogleTestAccount.text("Tests/fixtures/google/test-service-account.json"))
        #expect(account.clientEmail == "reel-test@reel-test-project.iam.gserviceaccount.com")
        #expect(account.tokenURI == "https://oauth2.googleapis.com/token")
        #expect(account.projectID == "reel-test-project")
        #expect(account.privateKeyID == "reel-test-key-1")
    }

    @Test(arguments: [
        ("client_email", nil, "missingField"),
        ("private_key", nil, "missingField"),
        ("token_uri", nil, "missingField"),
        ("private_key", "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n", "invalidField"),
        ("token_uri", "not a url", "invalidField"),
        ("token_uri", "ftp://example.com/token", "invalidField"),
        ("project_id", "", "invalidField"),
        ("type", "authorized_user", "invalidField"),
    ] as [(String, String?, String)])
    func namesTheFieldAtFault(field: String, value: String?, code: String) throws {
        try expectRefusal(GoogleTestAccount.json([field: value]), field: field, code: code)
    }

    @Test func aFieldOfTheWrongTypeIsNamed() throws {
        try expectRefusal(GoogleTestAccount.json(["client_email": 42]), field: "client_email", code: "invalidField")
    }

    private func expectRefusal(_ json: String, field: String, code: String) {
        do {
            _ = try GoogleServiceAccount(json: json)
            Issue.record("accepted a broken \(field)")
        } catch {
            #expect(error.field == field)
            #expect(error.code.description == code)
            #expect(error.message.contains(field))
        }
    }

    @Test(arguments: ["", "[]", "{", "null", String(repeating: " ", count: GoogleServiceAccount.maxFileSize + 1)])
    func refusesTextThatIsNoObject(text: String) {
        do {
            _ = try GoogleServiceAccount(json: text)
            Issue.record("accepted \(text.prefix(10))")
        } catch {
            #expect(error.code == .invalidJSON)
            #expect(error.field == nil)
        }
    }
}
