import Logging
import ReelAPICore
import ReelLogging
import ReelRedis
public import ServiceLifecycle
import ReelTime

/// Keeps a ``CachedJobQueue``'s copies coherent for as long as the front runs, following Redis's reports of
/// changed jobs and reconnecting as needed; until it follows them, reads go to Redis.
///
/// Redis reports every change to a job to every tracking front, read or not, so tracking runs only while jobs
/// are read: it starts at the first read (which, like every read while tracking is off, goes to Redis) and stops
/// after `idleAfter` without one. A front nobody polls pays nothing for the workers' writes.
public struct JobChangeFollower: Service {
    let cache: JobReadCache
    let client: RedisClient
    let clock: IntervalClock
    let idleAfter: Duration
    let logger: Logger

    /// Why a run of key tracking ended.
    private enum TrackingEnd {
        case idle, clientClosed
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await follow()
        }
    }

    private func follow() async {
        // Tracking reconnects by itself once it has started; it fails only when it cannot start (Redis down, or a
        // server that refuses CLIENT TRACKING). Then try again, less and less often.
        var retryDelay = Duration.seconds(1)
        var reads = cache.reads.makeAsyncIterator()
        while !Task.isCancelled {
            while !cache.wasRead(within: idleAfter) {
                guard await reads.next() != nil else { return }
            }
            do {
                let ended = try await withThrowingTaskGroup(of: TrackingEnd.self) { group in
                    group.addTask {
                        try await client.trackInvalidations(prefixes: [cache.jobKeyPrefix]) { cache.apply($0) }
                        return .clientClosed
                    }
                    group.addTask {
                        while cache.wasRead(within: idleAfter) { try await clock.sleep(for: min(idleAfter / 4, .seconds(5))) }
                        return .idle
                    }
                    defer { group.cancelAll() }
                    let ended = try await group.next() ?? .clientClosed
                    // Copies go before tracking does: once Redis stops reporting, a kept copy could go stale.
                    cache.apply(.interrupted)
                    return ended
                }
                if ended == .clientClosed { return }
                retryDelay = .seconds(1)
            } catch {
                cache.apply(.interrupted)
                if Task.isCancelled { return }
                logger.warning(
                    "Job read cache off: Redis key tracking failed",
                    metadata: [LogKey.error: "\(error)", LogKey.retryIn: "\(retryDelay)"]
                )
                try? await clock.sleep(for: retryDelay)
                retryDelay = min(retryDelay * 2, .seconds(60))
            }
        }
    }
}
