import CCurl
import Foundation
import Synchronization

/// Owns a curl multi handle and the dedicated thread that drives it.
///
/// Other threads only touch the `inbox` (under a mutex) and call `curl_multi_wakeup`, which is thread-safe;
/// everything else, the multi handle and every easy handle, is used on the transfer thread alone.
final class CurlMultiLoop: @unchecked Sendable {
    private struct Inbox {
        var added: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var resumed: [CurlTransfer] = []
        var isShuttingDown = false

        /// Whether nothing waits for the transfer thread. Only the first entry into an empty inbox needs a
        /// `curl_multi_wakeup`: the thread drains the whole inbox at once, so later entries ride along.
        var isEmpty: Bool { added.isEmpty && cancelled.isEmpty && resumed.isEmpty }
    }

    private static let loopsCreated = Atomic<Int>(0)
    /// Connections kept open for reuse, across all hosts.
    private static let connectionCacheSize = 256

    /// Name of the transfer thread (`reel-curl-<n>`, at most 15 bytes), visible in `top -H` and `/proc/<pid>/task/*/comm`.
    let threadName: String

    private static let globalInit: Void = {
        let code = curl_global_init(Int(CURL_GLOBAL_ALL))
        precondition(code == CURLE_OK, "curl_global_init failed")
    }()

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    /// As many idle handles as connections kept: enough for a burst as large as the connections it reuses.
    private let handles = CurlHandlePool(capacity: CurlMultiLoop.connectionCacheSize)

    init(maxConnectionsPerHost: Int) {
        _ = Self.globalInit
        threadName = "reel-curl-\(Self.loopsCreated.add(1, ordering: .relaxed).newValue % 100_000)"
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed") }
        self.multi = multi
        _ = reel_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        // curl's default cache holds four connections per transfer in progress, so it shrinks whenever few transfers
        // run and closes connections the next burst opens again; idle connections still close after curl's maximum
        // age (CURLOPT_MAXAGE_CONN).
        _ = reel_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.connectionCacheSize)
        // The transfer thread: it owns the multi handle until shutdown, then cleans it up.
        let thread = Thread { [self] in
            reel_set_current_thread_name(threadName)
            run()
        }
        thread.start()
    }

    /// Hands a transfer to the transfer thread.
    func submit(_ transfer: CurlTransfer) {
        let outcome: (accepted: Bool, wake: Bool) = inbox.withLock { inbox in
            guard !inbox.isShuttingDown else { return (false, false) }
            let wake = inbox.isEmpty
            inbox.added.append(transfer)
            return (true, wake)
        }
        if outcome.wake { curl_multi_wakeup(multi) }
        if !outcome.accepted {
            transfer.finish(.failure(HTTPTransportError(.shutdown, message: "transport is shut down", url: transfer.request.url)))
        }
    }

    /// Asks the transfer thread to abort a transfer; harmless if it already finished.
    func cancel(_ transfer: CurlTransfer) {
        transfer.markCancelled()
        let wake = inbox.withLock { inbox in
            defer { inbox.cancelled.append(transfer) }
            return inbox.isEmpty
        }
        if wake { curl_multi_wakeup(multi) }
    }

    /// Asks the transfer thread to unpause a transfer whose reader caught up; harmless if it already finished.
    func resume(_ transfer: CurlTransfer) {
        let wake = inbox.withLock { inbox in
            defer { inbox.resumed.append(transfer) }
            return inbox.isEmpty
        }
        if wake { curl_multi_wakeup(multi) }
    }

    deinit {
        // Runs once both the transport and the finished transfer thread have let go, so nothing can still
        // call `curl_multi_wakeup` on the handle.
        curl_multi_cleanup(multi)
    }

    /// Stops the transfer thread; unfinished transfers fail with `shutdown`.
    func shutdown() {
        inbox.withLock { $0.isShuttingDown = true }
        curl_multi_wakeup(multi)
    }

    private func run() {
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        while true {
            let taken = inbox.withLock { inbox in
                defer { inbox.added = []; inbox.cancelled = []; inbox.resumed = [] }
                return inbox
            }
            for transfer in taken.added {
                if transfer.isCancelled {
                    transfer.finish(.failure(transfer.cancellationError))
                    continue
                }
                do {
                    let easy = try transfer.start(handles: handles)
                    curl_multi_add_handle(multi, easy)
                    active[easy] = transfer
                } catch {
                    transfer.finish(.failure(error))
                }
            }
            for transfer in taken.cancelled {
                guard let easy = transfer.easy, active[easy] === transfer else { continue }
                active[easy] = nil
                curl_multi_remove_handle(multi, easy)
                transfer.finish(.failure(transfer.cancellationError))
            }
            for transfer in taken.resumed {
                guard let easy = transfer.easy, active[easy] === transfer else { continue }
                // libcurl hands the bytes it held back to the write callback from within this call.
                curl_easy_pause(easy, CURLPAUSE_CONT)
            }
            if taken.isShuttingDown {
                for (easy, transfer) in active {
                    curl_multi_remove_handle(multi, easy)
                    transfer.finish(.failure(HTTPTransportError(.shutdown, message: "transport shut down", url: transfer.request.url)))
                }
                handles.drain()
                return
            }

            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                    let transfer = active.removeValue(forKey: easy)
                else { continue }
                let result = message.pointee.data.result
                curl_multi_remove_handle(multi, easy)
                transfer.complete(result)
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }
}
