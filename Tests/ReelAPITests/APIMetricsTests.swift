import CoreMetrics
import Prometheus
import Testing

import ReelAPI

/// The front's metric names as `/metrics` shows them: dotted names become valid Prometheus names.
struct APIMetricsTests {
    @Test func dottedNamesRenderAsPrometheusNames() {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        factory.makeCounter(label: APIMetrics.enqueued, dimensions: []).increment(by: 2)
        factory.makeCounter(label: APIMetrics.readCache, dimensions: [("queue", "videos"), ("result", "hit")]).increment(by: 1)
        let text = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        #expect(text.contains("# TYPE reel_api_enqueued counter\nreel_api_enqueued 2\n"))
        #expect(text.contains(#"reel_jobs_read_cache{queue="videos",result="hit"} 1"#))
        #expect(!text.contains("reel.api"))
    }
}
