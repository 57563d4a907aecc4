import Foundation
import ReelRouting
import Testing
import ReelTesting
import ReelConfiguration

struct ConfigurationTests {
    let environment = ["REEL_MASTER_KEY": "sk-master"]

    @Test func loadsTheSimulatorConfiguration() throws {
        let configuration = try ReelConfiguration.load(path: RepositoryFiles.path("worker-config/sim.yaml"), environment: environment)
        let sora = configuration.deployments.filter { $0.modelGroup == "sora-2" }
        #expect(sora.map(\.id) == ["sim-a", "sim-b", "sim-c"])
        #expect(Set(sora.compactMap(\.apiKey)) == ["sk-sim-a", "sk-sim-b", "sk-sim-c"])
        #expect(Set(sora.map(\.credentialsFingerprint)).count == 3, "different keys are different credentials")
        #expect(sora.allSatisfy { $0.provider == "openai" && $0.providerModel == "sora-2" && $0.apiBase == "http://127.0.0.1:8100/v1" })
        let wildcard = try #require(configuration.deployments.first { $0.isWildcard })
        #expect(wildcard.modelGroup == "openai/*")
        #expect(wildcard.credentialsFingerprint == sora[0].credentialsFingerprint, "same base and key as sim-a")
        let responses = configuration.deployments.filter { $0.modelGroup == "gpt-sim" }
        #expect(responses.map(\.id) == ["sim-resp-a", "sim-resp-b", "sim-resp-c"])
        #expect(Set(responses.map(\.credentialsFingerprint)).count == 3, "three accounts")
        #expect(
            Set(responses.map(\.credentialsFingerprint)).isDisjoint(with: (sora + [wildcard]).map(\.credentialsFingerprint)),
            "accounts of their own: the video deployments' same-credentials sets are unchanged"
        )
        #expect(configuration.masterKey == "sk-master")
        #expect(configuration.reel.secrets.idSecret.utf8.count >= 16)
    }

    @Test func loadsTheProductionExampleWhenItsVariablesAreSet() throws {
        let environment = [
            "OPENAI_API_KEY": "sk-live", "OPENAI_ORG_ID": "org-1", "AZURE_OPENAI_ENDPOINT": "https://r.openai.azure.com/openai/v1",
            "AZURE_OPENAI_API_KEY": "az", "REEL_MASTER_KEY": "m", "REDIS_URL": "redis://10.0.0.1:6379",
            "REEL_ID_SECRET": "0123456789abcdef0123", "REEL_REALTIME_SECRET": "fedcba9876543210fedc",
        ]
        let configuration = try ReelConfiguration.load(path: RepositoryFiles.path("worker-config/config.yaml"), environment: environment)
        #expect(configuration.router.routingStrategy == .leastBusy)
        #expect(configuration.router.cooldownTime == .seconds(30))
        #expect(configuration.router.allowedFails == 3)
        let main = try #require(configuration.deployments.first { $0.id == "openai-main" })
        #expect(main.rpm == 60 && main.maxParallelRequests == 20 && main.weight == 2 && main.organization == "org-1")
        let azure = try #require(configuration.deployments.first { $0.id == "azure-eu" })
        #expect(azure.provider == "azure" && azure.apiVersion == "preview")
        #expect(configuration.reel.redisURL == "redis://10.0.0.1:6379")
        #expect(configuration.reel.worker.concurrency == 32)
        #expect(configuration.reel.worker.budgets.deadline == .seconds(10800))
        #expect(configuration.reel.catalogPath == RepositoryFiles.path("worker-config/model_catalog.json"))
        #expect(try ModelCatalog.configured(by: configuration.reel).entries == ModelCatalog.default.entries)
    }

    @Test func aMissingEnvironmentVariableIsNamed() {
        #expect {
            try ReelConfiguration.load(path: RepositoryFiles.path("worker-config/sim.yaml"), environment: [:])
        } throws: { error in
            let error = error as! ConfigurationError
            return error.code == .missingEnvironmentVariable && error.message.contains("REEL_MASTER_KEY")
                && error.message.contains("general_settings.master_key")
        }
    }

    @Test func environmentOverridesWin() throws {
        let yaml = """
            general_settings: {master_key: os.environ/NOT_SET_ANYWHERE}
            reel_settings: {redis_url: redis://file:1, secrets: {id_secret: 0123456789abcdef}}
            """
        let configuration = try ReelConfiguration(yaml: yaml, environment: ["REEL_MASTER_KEY": "from-env", "REDIS_URL": "redis://env:2"])
        #expect(configuration.masterKey == "from-env")
        #expect(configuration.reel.redisURL == "redis://env:2")
    }

    @Test func redisSettingsMayBeNested() throws {
        let yaml = """
            reel_settings:
              secrets: {id_secret: 0123456789abcdef}
              redis: {url: "redis-sentinel://s1,s2/reel", replica_acks: 1, replica_ack_timeout: 0.25}
            """
        let settings = try ReelConfiguration(yaml: yaml, environment: [:]).reel
        #expect(settings.redisURL == "redis-sentinel://s1,s2/reel")
        #expect(settings.redis == ReelSettings.Redis(replicaAcks: 1, replicaAckTimeout: .milliseconds(250)))
        let defaults = try ReelConfiguration(yaml: "reel_settings: {secrets: {id_secret: 0123456789abcdef}}", environment: [:]).reel
        #expect(defaults.redis.replicaAcks == 0)
    }

    @Test func allowedOpenAIParamsAreReadPerDeployment() throws {
        let yaml = """
            model_list:
              - {model_name: g, litellm_params: {model: openai/sora-2, api_key: k1, allowed_openai_params: [quality, style]}}
              - {model_name: g, litellm_params: {model: openai/sora-2, api_key: k2}}
            reel_settings: {secrets: {id_secret: 0123456789abcdef}}
            """
        let deployments = try ReelConfiguration(yaml: yaml, environment: [:]).deployments
        #expect(deployments.map(\.allowedExtraParams) == [["quality", "style"], []])
    }

    @Test func deadlinesMayDifferByJobType() throws {
        let yaml = """
            reel_settings:
              secrets: {id_secret: 0123456789abcdef}
              worker: {budgets: {deadline: 3600, deadlines: {delete: 300, create_character: 900.5}}}
            """
        let budgets = try ReelConfiguration(yaml: yaml, environment: [:]).reel.worker.budgets
        #expect(budgets.deadline(forJobType: "delete") == .seconds(300))
        #expect(budgets.deadline(forJobType: "create_character") == .milliseconds(900_500))
        #expect(budgets.deadline(forJobType: "generate") == .seconds(3600))
    }

    @Test func theReadCacheIsOnByDefaultAndMayBeTurnedOff() throws {
        let secrets = "reel_settings: {secrets: {id_secret: 0123456789abcdef}"
        #expect(try ReelConfiguration(yaml: secrets + "}", environment: [:]).reel.readCacheEntries == 10_000)
        #expect(try ReelConfiguration(yaml: secrets + ", read_cache_entries: 0}", environment: [:]).reel.readCacheEntries == 0)
    }

    @Test func idsAreStableHashesWhenNotGiven() throws {
        let yaml = """
            model_list:
              - {model_name: g, litellm_params: {model: openai/sora-2, api_key: k1}}
              - {model_name: g, litellm_params: {model: openai/sora-2, api_key: k2}}
              - {model_name: g, litellm_params: {model: openai/sora-2, api_key: k1, organization: [org-a, org-b]}}
            reel_settings: {secrets: {id_secret: 0123456789abcdef}}
            """
        let first = try ReelConfiguration(yaml: yaml, environment: [:]).deployments
        let second = try ReelConfiguration(yaml: yaml, environment: [:]).deployments
        #expect(first.map(\.id) == second.map(\.id))
        #expect(Set(first.map(\.id)).count == 4, "different keys and organisations get different ids")
        #expect(first[2].organization == "org-a" && first[3].organization == "org-b")
        #expect(first[2].credentialsFingerprint != first[3].credentialsFingerprint)
    }

    @Test(arguments: [
        ("model_list: [{model_name: g, litellm_params: {model: sora-2}}]", "provider/name"),
        ("model_list: [{model_name: g, litellm_params: {model: openai/x, rpm: 0}}]", "rpm"),
        ("model_list: [{model_name: 'openai/*', litellm_params: {model: openai/x}}]", "wildcard"),
        ("model_list: [{litellm_params: {model: openai/x}}]", "model_name"),
        ("model_list: {model_name: g}", "model_list"),
        ("router_settings: {routing_strategy: fastest}", "routing_strategy"),
        ("router_settings: {cooldown_time: soon}", "cooldown_time"),
        ("reel_settings: {secrets: {id_secret: short}}", "16 bytes"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, read_cache_entries: -1}", "read_cache_entries"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, worker: {budgets: {deadlines: {render: 60}}}}", "deadlines.render"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, worker: {budgets: {deadlines: {edit: -1}}}}", "deadlines.edit"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, redis: {replica_acks: -1}}", "replica_acks must not be negative"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, redis: {replica_ack_timeout: 0}}", "replica_ack_timeout"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, redis_url: 'redis://a', redis: {url: 'redis://b'}}", "give the URL once"),
        ("model_list: [", "YAML"),
        ("""
        model_list:
          - {model_name: g, litellm_params: {model: openai/x}, model_info: {id: same}}
          - {model_name: h, litellm_params: {model: openai/y}, model_info: {id: same}}
        """, "same"),
    ])
    func badConfigurationsAreExplained(_ body: String, _ mentioned: String) {
        let secrets = body.contains("reel_settings") ? "" : "\nreel_settings: {secrets: {id_secret: 0123456789abcdef}}"
        #expect {
            try ReelConfiguration(yaml: body + secrets, environment: [:])
        } throws: { error in
            (error as? ConfigurationError)?.message.contains(mentioned) == true
        }
    }

    @Test func theSecretIsRequired() {
        #expect { try ReelConfiguration(yaml: "model_list: []", environment: [:]) } throws: {
            (($0 as? ConfigurationError)?.message.contains("id_secret")) == true
        }
    }

    @Test func theShippedCatalogFileEqualsTheBuiltInCatalog() throws {
        let file = try String(contentsOfFile: RepositoryFiles.path("worker-config/model_catalog.json"), encoding: .utf8)
        #expect(file.trimmingCharacters(in: .whitespacesAndNewlines) == ModelCatalog.defaultJSON.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(ModelCatalog.default.qualifiedName(of: "sora-2") == "openai/sora-2")
        #expect(ModelCatalog.default.qualifiedName(of: "azure/sora-2") == "azure/sora-2")
        #expect(ModelCatalog.default.qualifiedName(of: "veo-3.0-generate-preview") == nil, "prefixed keys are not bare names")
    }

    @Test func catalogErrorsAreClear() {
        #expect { try ModelCatalog(json: "[1, 2]") } throws: { ($0 as? ConfigurationError)?.code == .malformed }
        #expect { try ModelCatalog.load(path: "/nonexistent/catalog.json") } throws: { ($0 as? ConfigurationError)?.code == .unreadable }
    }
}
