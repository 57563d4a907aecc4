/// Everything the simulator remembers, as plain values; `Simulator` guards it with a mutex.
///
/// Objects belong to the API key that created them: a lookup with another key finds nothing, as on the real service.
package struct SimState: Sendable {
    /// The object an idempotency key first produced.
    enum Created: Sendable {
        case video(String)
        case character(String)
    }

    private struct IdempotencyKey: Hashable {
        let owner: String
        let key: String
    }

    private(set) var videos: [String: SimVideo] = [:]
    /// Per owner, the ids of their videos in creation order (ascending sequence), for listing.
    private var videoOrder: [String: [(sequence: UInt64, id: String)]] = [:]
    private(set) var characters: [String: SimCharacter] = [:]
    private var idempotency: [IdempotencyKey: Created] = [:]

    /// A simulator that holds nothing yet.
    package init() {}
    private var nextSequence: UInt64 = 0

    func video(_ id: String, owner: String) -> SimVideo? {
        guard let video = videos[id], video.owner == owner else { return nil }
        return video
    }

    func character(_ id: String, owner: String) -> SimCharacter? {
        guard let character = characters[id], character.owner == owner else { return nil }
        return character
    }

    func created(idempotencyKey: String, owner: String) -> Created? {
        idempotency[IdempotencyKey(owner: owner, key: idempotencyKey)]
    }

    /// Inserts a video made by `make` (which receives the next sequence number) unless the idempotency key
    /// already produced an object; returns the video that stands for the request.
    package mutating func insertVideo(idempotencyKey: String?, owner: String, _ make: (UInt64) -> SimVideo) -> SimVideo? {
        if let idempotencyKey, let created = created(idempotencyKey: idempotencyKey, owner: owner) {
            guard case .video(let id) = created else { return nil }
            return video(id, owner: owner)
        }
        nextSequence += 1
        let video = make(nextSequence)
        videos[video.id] = video
        videoOrder[owner, default: []].append((video.sequence, video.id))
        if let idempotencyKey { idempotency[IdempotencyKey(owner: owner, key: idempotencyKey)] = .video(video.id) }
        return video
    }

    /// Inserts a character unless the idempotency key already produced an object; returns the one that stands for the request.
    package mutating func insertCharacter(idempotencyKey: String?, _ character: SimCharacter) -> SimCharacter? {
        if let idempotencyKey, let created = created(idempotencyKey: idempotencyKey, owner: character.owner) {
            guard case .character(let id) = created else { return nil }
            return self.character(id, owner: character.owner)
        }
        characters[character.id] = character
        if let idempotencyKey { idempotency[IdempotencyKey(owner: character.owner, key: idempotencyKey)] = .character(character.id) }
        return character
    }

    package mutating func deleteVideo(_ id: String, owner: String) -> Bool {
        guard let video = video(id, owner: owner) else { return false }
        videos[id] = nil
        if let index = videoOrder[owner]?.firstIndex(where: { $0.sequence == video.sequence }) {
            videoOrder[owner]?.remove(at: index)
        }
        return true
    }

    /// A page of the owner's videos: `limit` of them after the video `after` (exclusive) in `ascending` or descending
    /// creation order, and whether more follow. Returns nil when `after` is not one of the owner's videos.
    package func listVideos(owner: String, after: String?, limit: Int, ascending: Bool) -> (videos: [SimVideo], hasMore: Bool)? {
        let order = videoOrder[owner] ?? []
        var start = ascending ? 0 : order.count
        if let after {
            guard let anchor = video(after, owner: owner) else { return nil }
            let index = partitionIndex(order, sequence: anchor.sequence)
            start = ascending ? index + 1 : index
        }
        let window = ascending ? Array(order[start...].prefix(limit + 1)) : Array(order[..<start].reversed().prefix(limit + 1))
        return (window.prefix(limit).compactMap { videos[$0.id] }, window.count > limit)
    }

    /// Index of the entry with `sequence` in the ascending `order` (binary search).
    private func partitionIndex(_ order: [(sequence: UInt64, id: String)], sequence: UInt64) -> Int {
        var low = 0
        var high = order.count
        while low < high {
            let mid = (low + high) / 2
            if order[mid].sequence < sequence { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
