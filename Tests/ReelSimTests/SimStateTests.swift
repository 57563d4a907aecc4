import Testing

import ReelSim

struct SimStateTests {
    func video(_ id: String, owner: String, sequence: UInt64) -> SimVideo {
        SimVideo(
            id: id, owner: owner, sequence: sequence, model: "sora-2", prompt: "p", seconds: "4", size: "720x1280",
            remixedFromVideoID: nil, createdAt: 0, renderSeconds: 0, outcome: .success
        )
    }

    func filled(_ count: Int, owner: String = "a") -> SimState {
        var state = SimState()
        for index in 0..<count {
            _ = state.insertVideo(idempotencyKey: nil, owner: owner) { video("v\(index)", owner: owner, sequence: $0) }
        }
        return state
    }

    @Test func pagesInBothOrders() throws {
        let state = filled(5)
        let first = try #require(state.listVideos(owner: "a", after: nil, limit: 2, ascending: false))
        #expect(first.videos.map(\.id) == ["v4", "v3"] && first.hasMore)
        let next = try #require(state.listVideos(owner: "a", after: "v3", limit: 2, ascending: false))
        #expect(next.videos.map(\.id) == ["v2", "v1"] && next.hasMore)
        let last = try #require(state.listVideos(owner: "a", after: "v1", limit: 2, ascending: false))
        #expect(last.videos.map(\.id) == ["v0"] && !last.hasMore)
        let ascending = try #require(state.listVideos(owner: "a", after: "v2", limit: 5, ascending: true))
        #expect(ascending.videos.map(\.id) == ["v3", "v4"] && !ascending.hasMore)
        #expect(state.listVideos(owner: "a", after: "nope", limit: 2, ascending: true) == nil)
        #expect(state.listVideos(owner: "b", after: nil, limit: 2, ascending: true)?.videos.isEmpty == true)
    }

    @Test func deletedVideosLeaveTheListing() throws {
        var state = filled(3)
        let deletions = [state.deleteVideo("v1", owner: "a"), state.deleteVideo("v1", owner: "a"), state.deleteVideo("v0", owner: "b")]
        #expect(deletions == [true, false, false])
        #expect(state.listVideos(owner: "a", after: nil, limit: 10, ascending: true)?.videos.map(\.id) == ["v0", "v2"])
    }

    @Test func idempotencyKeyIsPerOwnerAndPerKind() {
        var state = SimState()
        let first = state.insertVideo(idempotencyKey: "k", owner: "a") { video("v1", owner: "a", sequence: $0) }
        let again = state.insertVideo(idempotencyKey: "k", owner: "a") { video("v2", owner: "a", sequence: $0) }
        let otherOwner = state.insertVideo(idempotencyKey: "k", owner: "b") { video("v3", owner: "b", sequence: $0) }
        #expect(first?.id == "v1" && again?.id == "v1" && otherOwner?.id == "v3")
        let character = SimCharacter(id: "c1", owner: "a", name: "n", createdAt: 0)
        let reused = state.insertCharacter(idempotencyKey: "k", character)
        #expect(reused == nil)
    }
}
