package import Metrics
import Synchronization

/// Metric handles made once per label and dimensions and reused by every process role: making one goes through the
/// metrics factory (name checks, a registry lock), which costs more than recording a value.
package enum MetricHandles {
    private struct Key: Hashable {
        let label: String
        let dimensions: [String]

        init(_ label: String, _ dimensions: [(String, String)]) {
            self.label = label
            self.dimensions = dimensions.flatMap { [$0.0, $0.1] }
        }
    }

    private static let counters = Mutex<[Key: Counter]>([:])
    private static let timers = Mutex<[Key: Metrics.Timer]>([:])

    /// The counter of `label` with these dimensions.
    package static func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        counters.withLock { cache in
            let key = Key(label, dimensions)
            if let counter = cache[key] { return counter }
            let counter = Counter(label: label, dimensions: dimensions)
            cache[key] = counter
            return counter
        }
    }

    /// The timer of `label` with these dimensions.
    package static func timer(_ label: String, _ dimensions: [(String, String)]) -> Metrics.Timer {
        timers.withLock { cache in
            let key = Key(label, dimensions)
            if let timer = cache[key] { return timer }
            let timer = Metrics.Timer(label: label, dimensions: dimensions)
            cache[key] = timer
            return timer
        }
    }
}
