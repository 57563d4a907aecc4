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
        (["client_email": nil] as [String: Any?], "client_email", "missingField"),
        (["private_key": nil], "private_key", "missingField"),
        (["token_uri": nil], "token_uri", "missingField"),
        (["private_key": "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n"], "private_key", "invalidField"),
        (["token_uri": "not a url"], "token_uri", "invalidField"),
        (["token_uri": "ftp://example.com/token"], "token_uri", "invalidField"),
        (["client_email": 42], "client_email", "invalidField"),
        (["project_id": ""], "project_id", "invalidField"),
        (["type": "authorized_user"], "type", "invalidField"),
    ])
    func namesTheFieldAtFault(changes: [String: Any?], field: String, code: String) throws {
        let json = try GoogleTestAccount.json(changes)
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
