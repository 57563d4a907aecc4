import ArgumentParser
import ReelHTTP

/// `reel transport-bench` (hidden): drives `CurlTransport` with GETs at a fixed concurrency and prints the rate
/// and latency percentiles, for `scripts/bench transport`.
struct TransportBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transport-bench",
        abstract: "Measures CurlTransport: GET requests at a fixed concurrency.",
        shouldDisplay: false
    )

    @Option(help: "URL to GET.") var url: String
    @Option(help: "Total number of requests.") var requests = 10_000
    @Option(help: "Requests in flight at once.") var concurrency = 64
    @Option(name: .customLong("header"), help: "A header field to send, as 'Name: value' (repeatable).") var headers: [String] = []

    func validate() throws {
        guard requests > 0 else { throw ValidationError("--requests must be positive, got \(requests).") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive, got \(concurrency).") }
        for header in headers where !header.contains(":") {
            throw ValidationError("--header must look like 'Name: value', got '\(header)'.")
        }
    }

    func run() async throws {
        let transport = CurlTransport()
        var fields = HTTPHeaders()
        for header in headers {
            let colon = header.firstIndex(of: ":")!
            fields.add(name: String(header[..<colon]), value: String(header[header.index(after: colon)...].drop { $0 == " " }))
        }
        let request = HTTPRequest(url: url, headers: fields)
        let clock = ContinuousClock()
        // One warm-up request opens a connection and fails fast on a wrong URL.
        let warmUp = try await transport.execute(request)
        guard warmUp.isSuccess else { throw ValidationError("GET \(url) answered \(warmUp.status).") }

        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for worker in 0..<concurrency {
                let share = requests / concurrency + (worker < requests % concurrency ? 1 : 0)
                group.addTask {
                    var latencies: [Duration] = []
                    latencies.reserveCapacity(share)
                    for _ in 0..<share {
                        let sent = clock.now
                        let response = try await transport.execute(request)
                        guard response.isSuccess else { throw ValidationError("GET \(url) answered \(response.status).") }
                        latencies.append(clock.now - sent)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: [Duration]()) { $0 += $1 }.sorted()
        }
        let seconds = (clock.now - start) / .seconds(1)
        func percentile(_ p: Double) -> Double {
            let latency = latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
            let milliseconds = latency / .milliseconds(1)
            return (milliseconds * 1000).rounded() / 1000
        }
        print("requests=\(latencies.count) rps=\(Int(Double(latencies.count) / seconds)) p50_ms=\(percentile(0.5)) p99_ms=\(percentile(0.99))")
    }
}
