import CCurl

/// Easy handles kept for reuse by the next transfers of one ``CurlMultiLoop``.
///
/// A fresh handle costs an allocation of libcurl's whole per-transfer state and, on its first transfer, of its
/// receive buffer; a handle put back with `curl_easy_reset` keeps both. Used on the transfer thread only.
final class CurlHandlePool: @unchecked Sendable {
    private var idle: [UnsafeMutableRawPointer] = []
    private let capacity: Int

    /// - Parameter capacity: The most idle handles kept; more are cleaned up when put back.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// An idle handle, reset to libcurl's defaults, or a new one; nil when libcurl cannot make one.
    func take() -> UnsafeMutableRawPointer? {
        idle.popLast() ?? curl_easy_init()
    }

    /// Takes back a handle whose transfer has ended (and that is in no multi handle).
    func putBack(_ easy: UnsafeMutableRawPointer) {
        guard idle.count < capacity else {
            curl_easy_cleanup(easy)
            return
        }
        curl_easy_reset(easy)
        idle.append(easy)
    }

    /// Cleans up every idle handle; called once the loop has stopped.
    func drain() {
        for easy in idle { curl_easy_cleanup(easy) }
        idle = []
    }
}
