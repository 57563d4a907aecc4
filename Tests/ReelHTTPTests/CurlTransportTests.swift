import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReelHTTP
import ReelTesting
import Synchronization
import Testing

struct CurlTransportTests {
    @Test func getReturnsStatusHeadersAndBody() async throws {
        let transport = CurlTransport()
        try await withTestServer(makeTestRouter()) { port in
            let response = try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/hello"))
            #expect(response.status == 200)
            #expect(response.bodyText == "hello")
            #expect(response.headers["x-reply"] == "yes")
            #expect(response.headers["X-REPLY"] == "yes")

            let probe = try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/headers", headers: ["X-Probe": "42"]))
            #expect(probe.bodyText == "42")

            let missing = try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/status/418"))
            #expect(missing.status == 418)
            #expect(missing.bodyText == "status 418")
        }
    }

    /// The transport sends the fields it is given: an empty one too, and no `Content-Type` of libcurl's own.
    @Test func sendsTheGivenFieldsAndNoLabelOfItsOwn() async throws {
        let transport = CurlTransport()
        try await withTestServer(makeTestRouter()) { port in
            let empty = try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/headers", headers: ["X-Probe": ""]))
            #expect(empty.status == 200)
            #expect(empty.bodyText == "")
            let unlabelled = try await transport.execute(
                ReelHTTP.HTTPRequest(method: "POST", url: "http://127.0.0.1:\(port)/echo", body: .bytes(Array("abc".utf8)))
            )
            #expect(unlabelled.bodyText == "abc")
            #expect(unlabelled.headers["x-content-type"] == "")
        }
    }

    /// One request after another on one transport reuses its easy handle: nothing of an earlier request (method,
    /// body, headers, download file, failure) may reach a later one.
    @Test func laterRequestsCarryNothingOverFromEarlierOnes() async throws {
        let transport = CurlTransport()
        let download = FileManager.default.temporaryDirectory.appendingPathComponent("reel-reuse-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: download) }
        try await withTestServer(makeTestRouter()) { port in
            let base = "http://127.0.0.1:\(port)"
            let echoed = try await transport.execute(
                ReelHTTP.HTTPRequest(method: "POST", url: "\(base)/echo", headers: ["Content-Type": "text/plain", "X-Probe": "1"], body: .bytes(Array("abc".utf8)))
            )
            #expect(echoed.bodyText == "abc")
            #expect(echoed.headers["x-content-type"] == "text/plain")

            let plain = try await transport.execute(ReelHTTP.HTTPRequest(url: "\(base)/headers"))
            #expect(plain.status == 200)
            #expect(plain.bodyText == "none")

            let head = try await transport.execute(ReelHTTP.HTTPRequest(method: "HEAD", url: "\(base)/hello"))
            #expect(head.status == 200)
            #expect(head.body.isEmpty)

            let stored = try await transport.execute(ReelHTTP.HTTPRequest(url: "\(base)/bytes/1000"), writingBodyTo: download)
            #expect(stored.bytesWrittenToFile == 1000)

            let timedOut = await #expect(throws: HTTPTransportError.self) {
                try await transport.execute(ReelHTTP.HTTPRequest(url: "\(base)/hang", timeouts: .init(total: .milliseconds(200))))
            }
            #expect(timedOut?.code == .timeout)

            let hello = try await transport.execute(ReelHTTP.HTTPRequest(url: "\(base)/hello"))
            #expect(hello.status == 200)
            #expect(hello.bodyText == "hello")
            #expect(hello.bytesWrittenToFile == 0)
        }
    }

    @Test func thousandConcurrentRequestsShareOneTransferThread() async throws {
        let count = 1000
        try raiseOpenFileLimit(to: 4 * count)  // a client and a server socket per request, in this one process
        let transport = CurlTransport()
        let threadsWhileAllInFlight = Mutex<[String]>([])
        let barrier = Barrier(target: count) { threadsWhileAllInFlight.withLock { $0 = threadNames() } }
        try await withTestServer(makeTestRouter(barrier: barrier)) { port in
            let request = ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/barrier", timeouts: .init(total: .seconds(60)))
            // The server answers none of them until all are waiting, so they must all be in flight at once.
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<count {
                    group.addTask { try await transport.execute(request).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == count)
            #expect(statuses.allSatisfy { $0 == 200 })
        }
        let threads = threadsWhileAllInFlight.withLock { $0 }
        #expect(threads.filter { $0 == transport.transferThreadName }.count == 1)
        #expect(threads.count < 200, "no thread per request")
    }

    @Test func streamsFileBodyUpAndResponseBodyDown() async throws {
        let size = 5 << 20
        let source = try makePatternFile(size: size)
        let destination = source + ".down"
        defer {
            try? FileManager.default.removeItem(atPath: source)
            try? FileManager.default.removeItem(atPath: destination)
        }
        let expectedSum = byteSum((0..<size).map(patternByte))
        let transport = CurlTransport()
        try await withTestServer(makeTestRouter()) { port in
            let upload = try await transport.execute(
                ReelHTTP.HTTPRequest(method: "POST", url: "http://127.0.0.1:\(port)/count", body: .file(path: source))
            )
            #expect(upload.bodyText == "\(size) \(expectedSum)")

            let download = try await transport.execute(
                ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/bytes/\(size)"),
                writingBodyTo: destination
            )
            #expect(download.status == 200)
            #expect(download.body.isEmpty)
            #expect(download.bytesWrittenToFile == Int64(size))
            let written = try #require(FileManager.default.contents(atPath: destination))
            #expect(written.count == size)
            #expect(byteSum(written) == expectedSum)
        }
    }

    @Test func failedDownloadKeepsErrorBodyInMemoryAndCreatesNoFile() async throws {
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("reel-http-\(UUID().uuidString)").path
        let transport = CurlTransport()
        try await withTestServer(makeTestRouter()) { port in
            let response = try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/status/404"), writingBodyTo: destination)
            #expect(response.status == 404)
            #expect(response.bodyText == "status 404")
            #expect(!FileManager.default.fileExists(atPath: destination))
        }
    }

    @Test func multipartSendsTextFieldsAndStreamsFileParts() async throws {
        let source = try makePatternFile(size: 1000)
        defer { try? FileManager.default.removeItem(atPath: source) }
        let transport = CurlTransport()
        try await withTestServer(makeTestRouter()) { port in
            let response = try await transport.execute(
                ReelHTTP.HTTPRequest(
                    method: "POST",
                    url: "http://127.0.0.1:\(port)/echo",
                    body: .multipart([
                        .text("prompt", "A cat"),
                        .file("video", path: source, filename: "clip.mp4", contentType: "video/mp4"),
                    ])
                )
            )
            let contentType = try #require(response.headers["x-content-type"])
            #expect(contentType.hasPrefix("multipart/form-data; boundary="))
            let body = response.body
            let text = String(decoding: body, as: UTF8.self)
            #expect(text.contains("Content-Disposition: form-data; name=\"prompt\"\r\n\r\nA cat\r\n"))
            #expect(text.contains("Content-Disposition: form-data; name=\"video\"; filename=\"clip.mp4\"\r\nContent-Type: video/mp4\r\n\r\n"))
            let fileBytes = (0..<1000).map(patternByte)
            #expect(body.firstRange(of: fileBytes) != nil)
        }
    }

    @Test func cancellingTheTaskAbortsAHangingTransferPromptly() async throws {
        let transport = CurlTransport()
        let hanging = TestExpectation()
        try await withTestServer(makeTestRouter(hanging: hanging)) { port in
            let task = Task { try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/hang")) }
            try #require(await hanging.wait(), "the request never reached the server")
            task.cancel()
            // The server answers only after 30 s; a cancelled transfer ends long before with `cancelled`.
            let result = await task.result
            #expect(throws: HTTPTransportError.self) { try result.get() }
            #expect((result.failure as? HTTPTransportError)?.code == .cancelled)
        }
    }

    @Test func alreadyCancelledTaskFailsWithoutSending() async throws {
        let transport = CurlTransport()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:1/never"))
        }
        let result = await task.result
        #expect((result.failure as? HTTPTransportError)?.code == .cancelled)
    }

    @Test func totalTimeoutIsATimeoutError() async throws {
        let transport = CurlTransport()
        try await withTestServer(makeTestRouter()) { port in
            let request = ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/hang", timeouts: .init(total: .milliseconds(300)))
            let error = await #expect(throws: HTTPTransportError.self) { try await transport.execute(request) }
            #expect(error?.code == .timeout)
        }
    }

    @Test(arguments: [
        ("http://no-such-host.invalid/", HTTPTransportError.Code.couldNotResolveHost),
        ("http://127.0.0.1:1/", HTTPTransportError.Code.connectionRefused),
        ("ftp2://127.0.0.1/", HTTPTransportError.Code.invalidRequest),
    ])
    func unreachableTargetsAreClearErrors(url: String, code: HTTPTransportError.Code) async throws {
        let transport = CurlTransport()
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.execute(ReelHTTP.HTTPRequest(url: url, timeouts: .init(connect: .seconds(5))))
        }
        #expect(error?.code == code)
        #expect(error?.message.isEmpty == false)
    }

    @Test func tlsToAPlainHTTPPortIsATLSFailure() async throws {
        let transport = CurlTransport()
        try await withTestServer(makeTestRouter()) { port in
            let error = await #expect(throws: HTTPTransportError.self) {
                try await transport.execute(ReelHTTP.HTTPRequest(url: "https://127.0.0.1:\(port)/hello"))
            }
            #expect(error?.code == .tlsFailure)
        }
    }

    @Test func oversizedInMemoryBodyAndMissingUploadFileAreClearErrors() async throws {
        let transport = CurlTransport(configuration: .init(maxInMemoryBodySize: 1000))
        try await withTestServer(makeTestRouter()) { port in
            let tooLarge = await #expect(throws: HTTPTransportError.self) {
                try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/bytes/5000"))
            }
            #expect(tooLarge?.code == .responseTooLarge)
            // A request may allow more (or less) than the transport.
            var allowed = ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/bytes/5000")
            allowed.maxInMemoryBodySize = 5000
            let answer = try? await transport.execute(allowed)
            #expect(answer?.body.count == 5000)
            allowed.maxInMemoryBodySize = 4999
            await #expect(throws: HTTPTransportError.self) { try await transport.execute(allowed) }
            let missing = await #expect(throws: HTTPTransportError.self) {
                try await transport.execute(
                    ReelHTTP.HTTPRequest(method: "POST", url: "http://127.0.0.1:\(port)/count", body: .file(path: "/nonexistent/reel-upload"))
                )
            }
            #expect(missing?.code == .fileError)
            #expect(missing?.message.contains("/nonexistent") == false, "a local path may reach a client: it stays out")
            // A response that cannot be written (a full disk, a directory gone) is an error of its own: it may pass.
            let unwritable = await #expect(throws: HTTPTransportError.self) {
                try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/bytes/5000"), writingBodyTo: "/nonexistent/reel-download")
            }
            #expect(unwritable?.code == .responseFileFailed)
            #expect(unwritable?.message.contains("/nonexistent") == false)
        }
    }
}

/// Raises the soft limit on open files to `wanted` (or the hard limit, if lower).
private func raiseOpenFileLimit(to wanted: Int) throws {
    #if os(Linux)
    var limit = rlimit()
    try #require(getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
    guard limit.rlim_cur < rlim_t(wanted) else { return }
    limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
    try #require(setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
    #endif
}

/// Names of this process's threads, from `/proc/self/task/*/comm`.
private func threadNames() -> [String] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.compactMap { task in
        (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
