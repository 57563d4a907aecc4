import Foundation
import ReelCrypto
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelTesting
import Testing
import ReelConfiguration

struct AffinityTests {
    static let configuration = try! ReelConfiguration.load(
        path: RepositoryFiles.path("worker-config/sim.yaml"), environment: ["REEL_MASTER_KEY": "m"]
    )
    static let snapshot = RoutingSnapshot(configuration: configuration, catalog: .default)
    static let codec = try! ManagedIDCodec(secrets: configuration.reel.secrets)
    let resolver = AffinityResolver(snapshot: snapshot, codec: codec)
    let responses = ResponseAffinity(codec: codec)

    static func json(_ object: Any) -> [UInt8] { Array(try! JSONSerialization.data(withJSONObject: object)) }
    static func object(_ bytes: [UInt8]) -> [String: Any] { try! JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any] }

    /// The provider side: which account (API key) holds which objects.
    struct Accounts {
        var objects: [String: Set<String>] = [:]
        mutating func create(_ objectID: String, on deployment: Deployment) { objects[deployment.apiKey!, default: []].insert(objectID) }
        func holds(_ objectID: String, on deployment: Deployment) -> Bool { objects[deployment.apiKey!]?.contains(objectID) == true }
    }

    @Test func thousandFollowUpsUnderLoadBalancingLandWhereTheirObjectsAre() throws {
        let group = try Self.snapshot.resolve(model: "sora-2")
        #expect(Set(group.compactMap(\.apiKey)).count == 3)
        let selector = DeploymentSelector(strategy: .simpleShuffle)
        var generator = SeededGenerator(seed: 11)
        var accounts = Accounts()
        var created: [(text: String, objectID: String, kind: ManagedID.Kind)] = []
        var createdPerDeployment: [String: Int] = [:]
        let kinds: [ManagedID.Kind] = [.video, .character, .response]
        for index in 0..<1000 {
            let deployment = try selector.select(from: group, health: [:], using: &generator)
            let objectID = "obj-\(index)"
            accounts.create(objectID, on: deployment)
            let kind = kinds[index % 3]
            let id = ManagedID(
                kind: kind, provider: deployment.provider, deploymentID: deployment.id, modelGroup: "sora-2", objectID: objectID,
                owner: kind == .response ? Self.codec.ownerTag(keyID: "key-1") : ""
            )
            created.append((try Self.codec.mint(id), objectID, kind))
            createdPerDeployment[deployment.id, default: 0] += 1
        }
        #expect(createdPerDeployment.values.allSatisfy { $0 > 250 }, "creations were balanced: \(createdPerDeployment)")

        var misroutes = 0
        var naiveMisroutes = 0
        for (text, objectID, kind) in created.shuffled(using: &generator) {
            let target: Deployment
            switch kind {
            case .character:
                // A generation that uses the character.
                target = try #require(try resolver.owner(ofCharacters: [text]))
            case .response:
                // A Responses follow-up through previous_response_id.
                let restored = try responses.restoreRequest(
                    Self.json(["model": "gpt-5", "previous_response_id": text, "input": "more"]), keyID: "key-1")
                #expect(Self.object(restored.body)["previous_response_id"] as? String == objectID)
                target = try #require(try resolver.owner(ofAll: restored.pinnedDeploymentIDs))
            default:
                // Status, content, remix, edit, extension, delete of the video.
                let id = try #require(Self.codec.decode(text, as: .video))
                target = try resolver.route(pinned: try resolver.owner(deploymentID: id.deploymentID), health: [:])
            }
            if !accounts.holds(objectID, on: target) { misroutes += 1 }
            if !accounts.holds(objectID, on: try selector.select(from: group, health: [:], using: &generator)) { naiveMisroutes += 1 }
        }
        #expect(misroutes == 0)
        #expect(naiveMisroutes > 500, "balancing follow-ups instead would misroute about two in three")
    }

    @Test func aPinnedDeploymentInCooldownFallsBackOnlyToTheSameCredentials() throws {
        let simA = try #require(Self.snapshot.deployment(id: "sim-a"))
        let simB = try #require(Self.snapshot.deployment(id: "sim-b"))
        #expect(resolver.sameCredentials(as: simA).map(\.id) == ["sim-openai"])
        #expect(resolver.sameCredentials(as: simB).isEmpty)

        let cooling = DeploymentHealth(cooldownRemaining: .seconds(12))
        #expect(try resolver.route(pinned: simA, health: ["sim-a": cooling]).id == "sim-openai")
        #expect {
            try resolver.route(pinned: simB, health: ["sim-b": cooling])  // sim-a and sim-c are healthy, but another account
        } throws: { error in
            let error = error as! RoutingError
            return error.code == .pinnedDeploymentUnavailable && error.retryAfter == .seconds(12)
        }
        #expect {
            try resolver.route(pinned: simA, health: ["sim-a": cooling, "sim-openai": DeploymentHealth(rateLimitedFor: .seconds(3))])
        } throws: { ($0 as? RoutingError)?.code == .pinnedDeploymentUnavailable }
        #expect(try resolver.route(pinned: simB, health: [:]).id == "sim-b")
    }

    @Test(.enabled(if: RedisTestEnvironment.shouldRun))
    func theCooldownCaseWithSharedState() async throws {
        guard let url = try RedisTestEnvironment.url() else { return }
        let client = try RedisClient(url: url)
        defer { client.close() }
        let settings = RouterSettings(cooldownTime: .seconds(30), allowedFails: 1)
        let state = SharedRouterState(client: client, keys: RouterKeys(namespace: "test-\(UUID().uuidString)"), settings: settings)
        try await state.prepare()
        let simA = try #require(Self.snapshot.deployment(id: "sim-a"))
        let simB = try #require(Self.snapshot.deployment(id: "sim-b"))
        for id in ["sim-a", "sim-b"] {
            try await state.recordFailure(deploymentID: id)
            #expect(try await state.recordFailure(deploymentID: id) == .seconds(30))
        }
        let lease = try await state.acquire(pinned: simA, peers: resolver.sameCredentials(as: simA))
        #expect(lease.deployment.id == "sim-openai")
        await #expect {
            try await state.acquire(pinned: simB, peers: resolver.sameCredentials(as: simB))
        } throws: { error in
            let error = error as! RoutingError
            return error.code == .pinnedDeploymentUnavailable && error.retryAfter.map { $0 > .seconds(29) && $0 <= .seconds(30) } == true
        }
        // Load-balanced new work still flows to the healthy deployment.
        #expect(try await state.acquire(from: try Self.snapshot.resolve(model: "sora-2"), strategy: .leastBusy).deployment.id == "sim-c")
    }

    @Test func charactersPinTheirGeneration() throws {
        func character(_ deployment: String, _ object: String) throws -> String {
            try Self.codec.mint(ManagedID(kind: .character, provider: "openai", deploymentID: deployment, modelGroup: "sora-2", objectID: object))
        }
        #expect(try resolver.owner(ofCharacters: []) == nil)
        #expect(try resolver.owner(ofCharacters: [try character("sim-b", "c1"), try character("sim-b", "c2")])?.id == "sim-b")
        #expect(
            try resolver.owner(ofCharacters: [try character("sim-a", "c1"), try character("sim-openai", "c2")])?.id == "sim-a", "same account")
        #expect {
            try resolver.owner(ofCharacters: [try character("sim-a", "c1"), try character("sim-c", "c2")])
        } throws: { error in
            let error = error as! RoutingError
            return error.code == .conflictingAffinity && error.message.contains("different deployments")
        }
        #expect { try resolver.owner(ofCharacters: ["character_forged"]) } throws: { ($0 as? RoutingError)?.code == .unknownObject }
        #expect { try resolver.owner(ofCharacters: [try character("gone", "c1")]) } throws: { ($0 as? RoutingError)?.code == .unknownDeployment }
    }

    @Test func encryptedItemsAreWrappedAndRestored() throws {
        let simC = try #require(Self.snapshot.deployment(id: "sim-c"))
        let upstream: [String: Any] = [
            "id": "resp_upstream1", "object": "response", "status": "completed",
            "output": [
                ["id": "rs_1", "type": "reasoning", "encrypted_content": "gAAAA+/abc==", "summary": []],
                ["id": "msg_1", "type": "message", "content": [["type": "output_text", "text": "hi"]]],
            ],
        ]
        let wrapped = Self.object(try responses.wrapResponse(Self.json(upstream), deployment: simC, modelGroup: "gpt-5", keyID: "key-1"))
        let wrappedID = try #require(wrapped["id"] as? String)
        #expect(wrappedID.hasPrefix("resp_") && wrappedID != "resp_upstream1")
        let output = try #require(wrapped["output"] as? [[String: Any]])
        let reasoningID = try #require(output[0]["id"] as? String)
        let encrypted = try #require(output[0]["encrypted_content"] as? String)
        #expect(reasoningID.hasPrefix("encitem_"))
        #expect(encrypted.hasPrefix("reelenc_") && encrypted.hasSuffix(":gAAAA+/abc=="))
        #expect(output[1]["id"] as? String == "msg_1", "other items are untouched")

        // A stream event for the same item wraps it identically.
        let event = Self.object(try responses.wrapStreamEvent(
            Self.json(["type": "response.output_item.done", "item": upstream["output"].map { ($0 as! [Any])[0] }!]),
            deployment: simC, modelGroup: "gpt-5", keyID: "key-1"))
        #expect((event["item"] as? [String: Any])?["id"] as? String == reasoningID)

        // The client sends the items back (stateless mode: no previous_response_id).
        let followUp: [String: Any] = [
            "model": "gpt-5",
            "input": [output[0], ["role": "user", "content": "and then?"]],
        ]
        let restored = try responses.restoreRequest(Self.json(followUp), keyID: "key-1")
        #expect(restored.pinnedDeploymentIDs == ["sim-c"])
        let items = try #require(Self.object(restored.body)["input"] as? [[String: Any]])
        #expect(items[0]["id"] as? String == "rs_1")
        #expect(items[0]["encrypted_content"] as? String == "gAAAA+/abc==")
        #expect(try resolver.owner(ofAll: restored.pinnedDeploymentIDs)?.id == "sim-c")

        // Only the encrypted content, without an id (Codex-style items), still pins.
        let contentOnly = try responses.restoreRequest(
            Self.json(["input": [["type": "reasoning", "encrypted_content": encrypted]]]), keyID: "key-2")
        #expect(contentOnly.pinnedDeploymentIDs == ["sim-c"])
    }

    @Test func unmanagedOrForgedItemsPassThroughUnpinned() throws {
        let body = Self.json(["input": [["id": "encitem_forged", "type": "reasoning", "encrypted_content": "reelenc_forged:xyz"]]])
        let restored = try responses.restoreRequest(body, keyID: "key-1")
        #expect(restored.pinnedDeploymentIDs.isEmpty)
        let object = Self.object(restored.body)
        #expect(((object["input"] as? [[String: Any]])?[0])?["encrypted_content"] as? String == "reelenc_forged:xyz")
        #expect { try responses.restoreRequest(Array("[1]".utf8), keyID: "key-1") } throws: { ($0 as? RoutingError)?.code == .invalidBody }
        #expect { try responses.restoreRequest(Array("{".utf8), keyID: "key-1") } throws: { ($0 as? RoutingError)?.code == .invalidBody }
    }

    @Test func aPreviousResponseIsOnlyKnownToTheKeyThatCreatedIt() throws {
        let simA = try #require(Self.snapshot.deployment(id: "sim-a"))
        let wrapped = Self.object(
            try responses.wrapResponse(Self.json(["id": "resp_up", "output": []]), deployment: simA, modelGroup: "gpt-5", keyID: "key-1"))
        let id = try #require(wrapped["id"] as? String)
        #expect(!id.contains("key-1") && Base64URL.decode(id.dropFirst(5)).map { String(decoding: $0, as: UTF8.self).contains("key-1") } == false)
        let restored = try responses.restoreRequest(Self.json(["previous_response_id": id]), keyID: "key-1")
        #expect(restored.pinnedDeploymentIDs == ["sim-a"])
        // Another key's id, an upstream id and a forged one are refused alike.
        for (text, key) in [(id, "key-2"), ("resp_68d0upstream", "key-1"), ("resp_AQMGb3BlbmFp", "key-1")] {
            #expect { try responses.restoreRequest(Self.json(["previous_response_id": text]), keyID: key) } throws: { error in
                let error = error as? RoutingError
                return error?.code == .unknownObject && error?.message == "Previous response with id '\(text)' not found."
            }
        }
    }

    @Test func itemsFromTwoAccountsConflict() throws {
        let simA = try #require(Self.snapshot.deployment(id: "sim-a"))
        let simB = try #require(Self.snapshot.deployment(id: "sim-b"))
        func item(_ deployment: Deployment) throws -> Any {
            let wrapped = Self.object(try responses.wrapResponse(
                Self.json(["id": "r", "output": [["id": "rs", "type": "reasoning", "encrypted_content": "e"]]]),
                deployment: deployment, modelGroup: "gpt-5", keyID: "key-1"))
            return (wrapped["output"] as! [Any])[0]
        }
        let restored = try responses.restoreRequest(Self.json(["input": [try item(simA), try item(simB)]]), keyID: "key-1")
        #expect(restored.pinnedDeploymentIDs == ["sim-a", "sim-b"])
        #expect { try resolver.owner(ofAll: restored.pinnedDeploymentIDs) } throws: { ($0 as? RoutingError)?.code == .conflictingAffinity }
    }
}
