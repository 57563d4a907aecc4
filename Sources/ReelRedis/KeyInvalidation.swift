/// What ``RedisClient/trackInvalidations(prefixes:)`` reports: which tracked keys may have changed.
public enum KeyInvalidation: Sendable, Hashable {
    /// Tracking is in place (again): every later change to a tracked key is reported. Anything read before may
    /// already be stale.
    case tracking
    /// These keys were written, deleted or expired.
    case changed([String])
    /// Every key may have changed (`FLUSHALL`, `FLUSHDB`).
    case flushed
    /// The tracking connection broke: changes go unreported until the next `tracking`.
    case interrupted
}
