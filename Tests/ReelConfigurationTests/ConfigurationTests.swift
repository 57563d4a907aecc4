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
            "GEMINI_API_KEY": "gemini-live", "VERTEX_PROJECT": "my-project",
            "GOOGLE_APPLICATION_CREDENTIALS": RepositoryFiles.path("Tests/fixtures/google/test-service-account.json"),
        ]
        let configuration = try ReelConfiguration.load(path: RepositoryFiles.path("worker-config/config.yaml"), environment: environment)
        #expect(configuration.router.routingStrategy == .leastBusy)
        #expect(configuration.router.cooldownTime == .seconds(30))
        #expect(configuration.router.allowedFails == 3)
        let main = try #require(configuration.deployments.first { $0.id == "openai-main" })
        #expect(main.rpm == 60 && main.maxParallelRequests == 20 && main.weight == 2 && main.organization == "org-1")
        let azure = try #require(configuration.deployments.first { $0.id == "azure-eu" })
        #expect(azure.provider == "azure" && azure.apiVersion == "preview")
        let gemini = try #require(configuration.deployments.first { $0.id == "gemini-veo" })
        #expect(gemini.provider == "gemini" && gemini.providerModel == "veo-3.1-generate-preview" && gemini.apiKey == "gemini-live")
        let vertex = try #require(configuration.deployments.first { $0.id == "vertex-veo" }?.vertex)
        #expect(vertex.project == "my-project" && vertex.location == "us-central1")
        #expect(vertex.credentials.contains("reel-test@reel-test-project.iam.gserviceaccount.com"), "the key file's text")
        #expect(configuration.reel.redisURL == "redis://10.0.0.1:6379")
        #expect(configuration.reel.worker.concurrency == 32)
        #expect(configuration.reel.retention == .seconds(604_800))
        #expect(configuration.reel.worker.budgets.deadline == .seconds(10800))
        #expect(configuration.reel.catalogPath == RepositoryFiles.path("worker-config/model_catalog.json"))
        #expect(try ModelCatalog.configured(by: configuration.reel).entries == ModelCatalog.default.entries)
    }

    @Test func theSimulatorConfigurationHasVeoDeploymentsOnEachAccount() throws {
        let configuration = try ReelConfiguration.load(path: RepositoryFiles.path("worker-config/sim.yaml"), environment: environment)
        let gemini = configuration.deployments.filter { $0.modelGroup == "veo-3.1" }
        #expect(gemini.map(\.id) == ["sim-veo-a", "sim-veo-b", "sim-veo-c"])
        #expect(gemini.allSatisfy { $0.provider == "gemini" && $0.apiBase == "http://127.0.0.1:8100" })
        #expect(Set(gemini.map(\.credentialsFingerprint)).count == 3, "three keys")
        let vertex = configuration.deployments.filter { $0.modelGroup == "veo-3.1-vertex" }
        #expect(vertex.compactMap(\.vertex?.project) == ["reel-sim-project-a", "reel-sim-project-b"])
        #expect(Set(vertex.map(\.credentialsFingerprint)).count == 2, "two projects are two accounts")
        let account = try #require(vertex.first?.vertex?.credentials)
        #expect(account.contains("http://127.0.0.1:8100/token"), "sim-service-account.json, read relative to sim.yaml")
    }

    @Test func veoDeploymentsAreParsed() throws {
        let account = try String(contentsOfFile: RepositoryFiles.path("Tests/fixtures/google/test-service-account.json"), encoding: .utf8)
        let yaml = """
            model_list:
              - {model_name: veo, litellm_params: {model: gemini/veo-3.0-generate-001, api_key: os.environ/GEMINI_API_KEY}}
              - model_name: veo
                litellm_params:
                  model: vertex_ai/veo-3.0-generate-001
                  vertex_project: p1
                  vertex_credentials: os.environ/VERTEX_CREDENTIALS
              - model_name: veo
                litellm_params: {model: vertex_ai/veo-3.0-generate-001, vertex_project: p2, vertex_location: europe-west4, vertex_credentials: os.environ/VERTEX_CREDENTIALS}
            reel_settings: {secrets: {id_secret: 0123456789abcdef}}
            """
        let deployments = try ReelConfiguration(yaml: yaml, environment: ["GEMINI_API_KEY": "g", "VERTEX_CREDENTIALS": account]).deployments
        #expect(deployments[0].apiKey == "g" && deployments[0].vertex == nil)
        #expect(deployments[1].vertex == Deployment.Vertex(project: "p1", location: "us-central1", credentials: account), "LiteLLM's default region, inline JSON")
        #expect(deployments[2].vertex?.location == "europe-west4")
        #expect(Set(deployments.map(\.id)).count == 3, "the project is part of a Vertex AI deployment's id")
        // Ids of deployments without Vertex AI settings are what they were, so managed IDs already issued still resolve.
        let unchanged = Deployment.stableID(
            modelGroup: "veo", provider: "gemini", providerModel: "veo-3.0-generate-001", apiBase: nil, apiKey: "g", apiVersion: nil, organization: nil
        )
        #expect(deployments[0].id == unchanged)
    }

    @Test(arguments: [
        ("{model: vertex_ai/veo-3.0-generate-001, vertex_credentials: '{}'}", "model_list[0] (veo).litellm_params.vertex_project is required"),
        ("{model: vertex_ai/veo-3.0-generate-001, vertex_project: p}", "model_list[0] (veo).litellm_params.vertex_credentials is required"),
        (
            "{model: vertex_ai/veo-3.0-generate-001, vertex_project: p, vertex_credentials: no-such-key.json}",
            "model_list[0] (veo).litellm_params.vertex_credentials: cannot read the file"
        ),
        (
            "{model: vertex_ai/veo-3.0-generate-001, vertex_project: p, vertex_location: 'us central', vertex_credentials: '{}'}",
            "model_list[0] (veo).litellm_params.vertex_location must be a region"
        ),
        ("{model: gemini/veo-3.0-generate-001}", "model_list[0] (veo).litellm_params.api_key is required for gemini/ deployments"),
        ("{model: openai/sora-2, api_key: k, vertex_project: p}", "vertex_project, vertex_location and vertex_credentials are only for vertex_ai/"),
    ])
    func brokenVeoDeploymentsAreNamed(params: String, message: String) {
        let yaml = """
            model_list: [{model_name: veo, litellm_params: \(params)}]
            reel_settings: {secrets: {id_secret: 0123456789abcdef}}
            """
        #expect {
            try ReelConfiguration(yaml: yaml, environment: [:], source: "test.yaml")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.code == .invalidValue && error.message.hasPrefix("test.yaml: ") && error.message.contains(message)
        }
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

    @Test func emptyEnvironmentVariablesCountAsUnsetAndAnEmptyMasterKeyIsRefused() throws {
        let yaml = """
            general_settings: {master_key: sk-file}
            reel_settings: {redis_url: 'redis://file:1', secrets: {id_secret: 0123456789abcdef}}
            """
        let configuration = try ReelConfiguration(yaml: yaml, environment: ["REEL_MASTER_KEY": "", "REDIS_URL": ""])
        #expect(configuration.masterKey == "sk-file" && configuration.reel.redisURL == "redis://file:1")
        let secrets = "reel_settings: {secrets: {id_secret: 0123456789abcdef}}"
        #expect(try ReelConfiguration(yaml: secrets, environment: ["REEL_MASTER_KEY": ""]).masterKey == nil)
        for master in ["''", "os.environ/EMPTY_KEY"] {
            #expect {
                _ = try ReelConfiguration(yaml: "general_settings: {master_key: \(master)}\n" + secrets, environment: ["EMPTY_KEY": ""])
            } throws: { error in
                (error as? ConfigurationError)?.message.contains("master_key is empty") == true
            }
        }
    }

    @Test func theQueueHasNoCapUnlessOneIsGiven() throws {
        let secrets = "reel_settings: {secrets: {id_secret: 0123456789abcdef}"
        #expect(try ReelConfiguration(yaml: secrets + "}", environment: [:]).reel.maxQueuedJobs == nil)
        #expect(try ReelConfiguration(yaml: secrets + ", max_queued_jobs: 5000}", environment: [:]).reel.maxQueuedJobs == 5000)
    }

    @Test func finishedJobsAreKeptSevenDaysUnlessTheRetentionIsGiven() throws {
        let secrets = "reel_settings: {secrets: {id_secret: 0123456789abcdef}"
        #expect(try ReelConfiguration(yaml: secrets + "}", environment: [:]).reel.retention == .seconds(604_800))
        #expect(try ReelConfiguration(yaml: secrets + ", retention: 86400}", environment: [:]).reel.retention == .seconds(86_400))
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
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, max_queued_jobs: 0}", "max_queued_jobs must be positive"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, retention: 600}", "retention must be at least 3600"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, worker: {budgets: {deadlines: {render: 60}}}}", "deadlines.render"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, worker: {budgets: {deadlines: {edit: -1}}}}", "deadlines.edit"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, worker: {lease: 0.5}}", "lease must be at least 1"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, worker: {poll_interval_min: 0.005}}", "poll_interval_min must be at least 0.01"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, worker: {budgets: {max_attempts: 0}}}", "max_attempts must be at least 1"),
        ("reel_settings: {secrets: {id_secret: 0123456789abcdef}, worker: {budgets: {max_stalls: -1}}}", "max_stalls must not be negative"),
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
