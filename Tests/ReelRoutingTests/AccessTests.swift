import ReelRouting
import Testing

struct AccessTests {
    static let catalog = try! ModelCatalog(json: """
        {"sora-2": {"litellm_provider": "openai"}, "sora.2": {"litellm_provider": "openai"},
         "sora-2-pro": {"litellm_provider": "openai"}, "gpt-5": {"litellm_provider": "openai"},
         "azure/sora-2": {"litellm_provider": "azure"}, "bedrock/nova-reel": {"litellm_provider": "bedrock"},
         "sample_spec": {"mode": "chat"}}
        """)
    static let snapshot = RoutingSnapshot(
        deployments: [
            Deployment(id: "a", modelGroup: "sora-2", provider: "openai", providerModel: "sora-2", apiKey: "k1", accessGroups: ["video"]),
            Deployment(id: "b", modelGroup: "sora-2", provider: "openai", providerModel: "sora-2", apiKey: "k2", accessGroups: ["video"]),
            Deployment(id: "c", modelGroup: "my-house-model", provider: "openai", providerModel: "gpt-5", apiKey: "k1"),
            Deployment(id: "w", modelGroup: "openai/*", provider: "openai", providerModel: "*", apiKey: "k1"),
            Deployment(id: "z", modelGroup: "azure/sora-*", provider: "azure", providerModel: "sora-*", apiKey: "k3", accessGroups: ["azure-video"]),
        ],
        catalog: catalog
    )

    struct Case: Sendable, CustomTestStringConvertible {
        let patterns: [String]
        let model: String
        let allowed: Bool
        var testDescription: String { "\(patterns) \(allowed ? "allows" : "denies") \(model)" }
    }

    static let table: [Case] = [
        // `*` and exact names
        Case(patterns: ["*"], model: "anything-at-all", allowed: true),
        Case(patterns: ["sora-2"], model: "sora-2", allowed: true),
        Case(patterns: ["sora-2"], model: "sora-2-pro", allowed: false),
        Case(patterns: ["sora-2"], model: "openai/sora-2", allowed: true),  // same model, qualified
        Case(patterns: ["openai/sora-2"], model: "sora-2", allowed: true),
        Case(patterns: [], model: "sora-2", allowed: false),
        // `.` is literal: no regex semantics
        Case(patterns: ["openai/sora.2"], model: "openai/sora.2", allowed: true),
        Case(patterns: ["openai/sora.2"], model: "openai/soraX2", allowed: false),
        Case(patterns: ["openai/sora.*"], model: "openai/sora.2", allowed: true),
        Case(patterns: ["openai/sora.*"], model: "openai/soraX2", allowed: false),
        Case(patterns: ["openai/sora.*"], model: "openai/sora-2", allowed: false),
        // provider wildcards and prefix globs
        Case(patterns: ["openai/*"], model: "openai/sora-2-pro", allowed: true),
        Case(patterns: ["openai/*"], model: "sora-2-pro", allowed: true),  // bare name, the catalog says OpenAI
        Case(patterns: ["openai/*"], model: "sora-2", allowed: true),  // a configured group that is OpenAI's
        Case(patterns: ["openai/*"], model: "openai/sora-3", allowed: false),  // not in the catalog
        Case(patterns: ["openai/*"], model: "sora-3", allowed: false),
        Case(patterns: ["openai/*"], model: "azure/sora-2", allowed: false),
        Case(patterns: ["openai/*"], model: "openaiz/sora-2", allowed: false),
        Case(patterns: ["openai/*"], model: "my-house-model", allowed: false),  // configured, but not known as OpenAI's
        Case(patterns: ["openai/sora-*"], model: "sora-2-pro", allowed: true),
        Case(patterns: ["openai/sora-*"], model: "gpt-5", allowed: false),
        Case(patterns: ["my-*"], model: "my-house-model", allowed: true),
        Case(patterns: ["*/sora-2"], model: "azure/sora-2", allowed: true),
        Case(patterns: ["bedrock/*"], model: "bedrock/nova-reel", allowed: true),
        Case(patterns: ["bedrock/*"], model: "nova-reel", allowed: false),  // prefixed keys are not bare names
        // access groups
        Case(patterns: ["video"], model: "sora-2", allowed: true),
        Case(patterns: ["video"], model: "sora-2-pro", allowed: false),
        Case(patterns: ["azure-video"], model: "azure/sora-2", allowed: true),  // through a wildcard deployment
        Case(patterns: ["azure-video"], model: "sora-2", allowed: false),
        Case(patterns: ["gpt-5", "video"], model: "sora-2", allowed: true),
    ]

    @Test(arguments: table)
    func accessTable(_ entry: Case) {
        #expect(Self.snapshot.isAllowed(patterns: entry.patterns, model: entry.model) == entry.allowed)
    }

    @Test func denialNamesThePatternsAndTheModel() {
        #expect {
            try Self.snapshot.checkAccess(patterns: ["openai/*", "video"], model: "sora-3")
        } throws: { error in
            let error = error as! RoutingError
            return error.code == .modelNotAllowed && error.message.contains("'openai/*', 'video'") && error.message.contains("`sora-3`")
        }
    }

    @Test func resolvesGroupsAndWildcards() throws {
        #expect(try Self.snapshot.resolve(model: "sora-2").map(\.id) == ["a", "b"])
        let pro = try Self.snapshot.resolve(model: "sora-2-pro")
        #expect(pro.map(\.id) == ["w"])
        #expect(pro.first?.providerModel == "sora-2-pro")
        let qualified = try Self.snapshot.resolve(model: "openai/gpt-5")
        #expect(qualified.first?.providerModel == "gpt-5")
        let azure = try Self.snapshot.resolve(model: "azure/sora-2")
        #expect(azure.map(\.id) == ["z"] && azure.first?.providerModel == "sora-2")
        #expect { try Self.snapshot.resolve(model: "openai/sora-3") } throws: { ($0 as? RoutingError)?.code == .modelNotFound }
        #expect(Self.snapshot.deployment(id: "b")?.apiKey == "k2")
    }

    @Test(arguments: [
        ("openai/*", "openai/sora-2", ["sora-2"]),
        ("openai/sora.*", "openai/sora.2", ["2"]),
        ("openai/sora.*", "openai/soraX2", nil),
        ("a*b*c", "aXbYbZc", ["X", "YbZ"]),
        ("*", "", [""]),
        ("abc", "abc", []),
        ("ab*ba", "aba", nil),
    ] as [(String, String, [String]?)])
    func patternCaptures(_ pattern: String, _ name: String, _ expected: [String]?) {
        #expect(ModelPattern(pattern).captures(in: name)?.map(String.init) == expected)
    }

    @Test func aReloadedCatalogChangesTheAnswerAtOnce() throws {
        let table = RoutingTable(Self.snapshot)
        #expect(!table.snapshot.isAllowed(patterns: ["openai/*"], model: "sora-3"))
        let newer = try ModelCatalog(json: #"{"sora-3": {"litellm_provider": "openai"}}"#)
        #expect(table.adopt(catalog: newer, version: 1))
        #expect(!table.adopt(catalog: Self.catalog, version: 1), "an equal version is not newer")
        #expect(table.snapshot.isAllowed(patterns: ["openai/*"], model: "sora-3"))
        #expect(try table.snapshot.resolve(model: "sora-3").first?.providerModel == "sora-3")
    }
}
