import ReelProviders
import ReelVideo

/// One variant of a finished video downloaded into a temporary file of the blob store, or the error that stopped it.
///
/// A struct rather than a tuple on purpose: Swift 6.3's optimizer corrupts task-group results that are tuples holding
/// an existential (`Result<Int64, any Error>`, `(any Error)?`); a struct holding the same is passed intact.
struct VariantDownload: Sendable {
    let variant: VideoVariant
    let temporaryPath: String
    let outcome: Result<Int64, any Error>
}
