import NIOCore
import NIOPosix

extension WorkerEndpoint {
    /// The endpoint's first port when none is given; the next free one is taken when it is in use.
    public static var defaultPort: Int { 9101 }

    /// Whether a listener can bind `host:port` right now.
    public static func isFree(host: String, port: Int) async -> Bool {
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port)
                .get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }

    /// The first port free on `host` among `count` ports from `first`, nil when all are taken.
    public static func firstFreePort(host: String, from first: Int, count: Int) async -> Int? {
        for port in first..<min(first + count, 65_536) where await isFree(host: host, port: port) {
            return port
        }
        return nil
    }
}
