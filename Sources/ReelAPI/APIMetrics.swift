/// The front's metric names, dotted like the queue's `reel.jobs.*` (Prometheus shows dots as underscores).
package enum APIMetrics {
    /// `reel.api.enqueued`: jobs the front enqueued (not duplicates, conflicts or refusals).
    package static let enqueued = "reel.api.enqueued"
    /// `reel.jobs.read_cache`: job reads by the front's read cache, with the dimensions `queue` and `result` = `hit` or `miss`.
    package static let readCache = "reel.jobs.read_cache"
}
