import Logging
import ReelQueue
import ServiceLifecycle

/// Keeps the queue's job read cache coherent for as long as the front runs (``RedisJobQueue/followChanges(logger:)``);
/// only for a queue with a read cache.
struct JobChangeFollower: Service {
    let queue: RedisJobQueue
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await queue.followChanges(logger: logger)
        }
    }
}
