public import ReelHTTP

/// A blob as a reader serves it (``BlobStore/content(of:range:)``).
public enum BlobContent: Sendable {
    /// A local file of `size` bytes: the reader serves it, ranges and all.
    case file(path: String, size: Int64)
    /// The storage service's own answer to the request, `Range` included (200, 206 or 416 with their headers),
    /// its body arriving as it is read; anything else became an error.
    case stream(HTTPStreamingResponse)
    /// A URL that serves the blob, without credentials, for a limited time.
    case redirect(url: String)
}
