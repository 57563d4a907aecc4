import Synchronization

/// A shared counter for rotating over deployments.
final class RoundRobin: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int {
        value.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max
    }
}
