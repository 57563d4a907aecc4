import CCurl
import Synchronization

import ReelTime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One request in flight: its easy handle, the C resources it owns and the response being collected.
///
/// Created by the caller, then touched only by the transfer thread (the hand-over goes through the loop's
/// mutex), except `isCancelled`, which is atomic.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    private let bodyPath: String?
    private let configuration: CurlTransport.Configuration
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    /// Set for streamed transfers (``CurlTransport/stream(_:)``): receives the body instead of collecting it.
    var stream: CurlStreamSink?
    private(set) var easy: UnsafeMutableRawPointer?
    /// Where the easy handle goes back when the transfer ends.
    private var handles: CurlHandlePool?

    private let cancelled = Atomic<Bool>(false)
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var mime: OpaquePointer?
    private var uploadFile: UnsafeMutablePointer<FILE>?
    private var downloadFile: UnsafeMutablePointer<FILE>?
    /// Bytes of `uploadFile` still to send, for a ``HTTPRequestBody/fileRange(path:offset:length:)`` body.
    private var uploadRemaining: Int64 = 0
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))

    private var status = 0
    private var headers = HTTPHeaders()
    private var body: [UInt8] = []
    private var bytesWritten: Int64 = 0
    private var localFailure: HTTPTransportError?

    init(request: HTTPRequest, bodyPath: String?, configuration: CurlTransport.Configuration) {
        self.request = request
        self.bodyPath = bodyPath
        self.configuration = configuration
        errorBuffer.initialize(to: 0)
    }

    deinit {
        errorBuffer.deallocate()
    }

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    func markCancelled() {
        cancelled.store(true, ordering: .releasing)
    }

    var cancellationError: HTTPTransportError {
        HTTPTransportError(.cancelled, message: "the calling task was cancelled", url: request.url)
    }

    /// Takes an easy handle from `handles` and configures it.
    func start(handles: CurlHandlePool) throws(HTTPTransportError) -> UnsafeMutableRawPointer {
        guard let easy = handles.take() else {
            throw HTTPTransportError(.transferFailed, message: "curl_easy_init failed", url: request.url)
        }
        self.easy = easy
        self.handles = handles
        let context = Unmanaged.passUnretained(self).toOpaque()
        let timeouts = request.timeouts ?? configuration.timeouts

        try check(reel_curl_easy_setopt_string(easy, CURLOPT_URL, request.url))
        try check(reel_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        try check(reel_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(reel_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        try check(reel_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        try check(reel_curl_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))
        // Only HTTP(S), also after a redirect: never file://, gopher://, dict:// and the like.
        try check(reel_curl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        try check(reel_curl_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        try check(reel_curl_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent))
        try check(reel_curl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(timeouts.connect.milliseconds)))
        try check(reel_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Int(timeouts.total?.milliseconds ?? 0)))
        try check(reel_curl_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, timeouts.lowSpeedLimit))
        try check(reel_curl_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, timeouts.lowSpeedTime.map { Int(max(1, $0.milliseconds / 1000)) } ?? 0))
        if let signing = request.awsSigV4 {
            // libcurl computes the signature; USERNAME/PASSWORD (rather than USERPWD) keep a `:` in a secret intact.
            try check(reel_curl_easy_setopt_string(easy, CURLOPT_AWS_SIGV4, signing.curlProvider))
            try check(reel_curl_easy_setopt_string(easy, CURLOPT_USERNAME, signing.accessKeyID))
            try check(reel_curl_easy_setopt_string(easy, CURLOPT_PASSWORD, signing.secretAccessKey))
        }
        if request.followRedirects {
            try check(reel_curl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1))
            try check(reel_curl_easy_setopt_long(easy, CURLOPT_MAXREDIRS, 5))
        }

        try check(reel_curl_easy_setopt_header_function(easy) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        try check(reel_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context))
        try check(reel_curl_easy_setopt_write_function(easy) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        })
        try check(reel_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context))

        // "Expect:" stops libcurl from waiting for `100 Continue` before large bodies. libcurl 7.88 would sign that
        // empty header without sending it, so a signed request gets a zero wait instead.
        var lines = request.awsSigV4 == nil ? ["Expect:"] : []
        if request.awsSigV4 != nil { try check(reel_curl_easy_setopt_long(easy, CURLOPT_EXPECT_100_TIMEOUT_MS, 0)) }
        for field in request.headers {
            guard !field.name.isEmpty, !(field.name + field.value).contains(where: \.isNewline), !field.name.contains(":") else {
                throw HTTPTransportError(.invalidRequest, message: "invalid header field \(field.name.debugDescription)", url: request.url)
            }
            // libcurl reads "Name:" as "do not send your own Name"; "Name;" sends the field with an empty value.
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        // A body the caller did not label goes unlabelled: libcurl would call it a form. (Not when signing, for the
        // reason above; a multipart body gets libcurl's own label, with its boundary.)
        let isMultipart = if case .multipart = request.body { true } else { false }
        if request.awsSigV4 == nil, request.headers.values(for: "Content-Type").isEmpty, !isMultipart {
            lines.append("Content-Type:")
        }
        for line in lines { headerList = curl_slist_append(headerList, line) }
        try check(reel_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))

        try configureBody(easy)
        return easy
    }

    private func configureBody(_ easy: UnsafeMutableRawPointer) throws(HTTPTransportError) {
        let method = request.method.uppercased()
        var body = request.body
        if case .empty = body, !["GET", "HEAD", "DELETE", "OPTIONS"].contains(method) {
            body = .bytes([])  // an explicit `Content-Length: 0`
        }
        switch body {
        case .empty:
            if method == "HEAD" { try check(reel_curl_easy_setopt_long(easy, CURLOPT_NOBODY, 1)) }
        case .bytes(let bytes):
            try check(reel_curl_easy_setopt_offset(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)))
            // COPYPOSTFIELDS copies the bytes, so the array need not outlive this call.
            let code = bytes.withUnsafeBytes { buffer in
                let start = buffer.baseAddress ?? UnsafeRawPointer(errorBuffer)  // any valid pointer when there are no bytes
                return reel_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: start))
            }
            try check(code)
        case .file(let path):
            guard let file = fopen(path, "rb") else { throw fileError("cannot open request body file", path: path) }
            uploadFile = file
            var info = stat()
            guard fstat(fileno(file), &info) == 0 else { throw fileError("cannot stat request body file", path: path) }
            try check(reel_curl_easy_setopt_long(easy, CURLOPT_POST, 1))
            // Without a READFUNCTION libcurl fread()s the FILE* given as READDATA, chunk by chunk.
            try check(reel_curl_easy_setopt_pointer(easy, CURLOPT_READDATA, UnsafeMutableRawPointer(file)))
            try check(reel_curl_easy_setopt_offset(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(info.st_size)))
        case .fileRange(let path, let offset, let length):
            guard offset >= 0, length >= 0 else {
                throw HTTPTransportError(.invalidRequest, message: "invalid file range \(offset)+\(length)", url: request.url)
            }
            guard let file = fopen(path, "rb") else { throw fileError("cannot open request body file", path: path) }
            uploadFile = file
            guard fseeko(file, off_t(offset), SEEK_SET) == 0 else { throw fileError("cannot seek in request body file", path: path) }
            uploadRemaining = length
            try check(reel_curl_easy_setopt_long(easy, CURLOPT_POST, 1))
            try check(reel_curl_easy_setopt_read_function(easy) { buffer, size, count, context in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                return transfer.readUploadRange(into: buffer, capacity: size * count)
            })
            try check(reel_curl_easy_setopt_pointer(easy, CURLOPT_READDATA, Unmanaged.passUnretained(self).toOpaque()))
            try check(reel_curl_easy_setopt_offset(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(length)))
        case .multipart(let parts):
            let mime = curl_mime_init(easy)
            self.mime = mime
            for part in parts {
                let handle = curl_mime_addpart(mime)
                try check(curl_mime_name(handle, part.name))
                switch part.content {
                case .text(let value):
                    try check(curl_mime_data(handle, value, value.utf8.count))
                case .file(let path, let filename, let contentType):
                    // libcurl reads the file lazily while sending; check now that it is there to read.
                    guard access(path, R_OK) == 0 else { throw fileError("cannot read multipart file", path: path) }
                    try check(curl_mime_filedata(handle, path))
                    try check(curl_mime_filename(handle, filename))
                    try check(curl_mime_type(handle, contentType))
                }
            }
            try check(reel_curl_easy_setopt_pointer(easy, CURLOPT_MIMEPOST, UnsafeMutableRawPointer(mime)))
        }
        if !["GET", "HEAD", "POST"].contains(method) || (method == "GET" && body != .empty) {
            try check(reel_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method))
        }
    }

    /// Reads the next bytes of a file range body, never past its end; a file that ends early aborts the transfer.
    private func readUploadRange(into buffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int {
        guard uploadRemaining > 0 else { return 0 }
        let wanted = Int(min(Int64(capacity), uploadRemaining))
        let read = fread(buffer, 1, wanted, uploadFile)
        guard read > 0 else {
            localFailure = HTTPTransportError(.fileError, message: "request body file ended \(uploadRemaining) bytes early", url: request.url)
            return Int(CURL_READFUNC_ABORT)
        }
        uploadRemaining -= Int64(read)
        return read
    }

    private func check(_ code: CURLcode) throws(HTTPTransportError) {
        guard code == CURLE_OK else {
            throw HTTPTransportError(.invalidRequest, message: String(cString: curl_easy_strerror(code)), url: request.url)
        }
    }

    /// A local file failure; the message leaves out the path (it may reach a client in a job's error).
    private func fileError(_ what: String, path: String, code: HTTPTransportError.Code = .fileError) -> HTTPTransportError {
        HTTPTransportError(code, message: "\(what): \(String(cString: strerror(errno)))", url: request.url)
    }

    /// Reads one header line as bytes (libcurl calls this for every line of every response, so no `Character`
    /// walks): a status line starts a new response, a `name: value` line adds a field.
    private func receiveHeaderLine(_ line: UnsafeRawBufferPointer) {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var end = line.count
        while end > 0, isBlank(line[end - 1]) || line[end - 1] == UInt8(ascii: "\r") || line[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        let text = line[..<end]
        if text.starts(with: "HTTP/".utf8) {
            // A new response begins (after `100 Continue` or a redirect): keep only the final one.
            let fields = text.split(separator: UInt8(ascii: " "), maxSplits: 2)
            status = fields.count > 1 ? Int(String(decoding: fields[1], as: UTF8.self)) ?? 0 : 0
            headers = HTTPHeaders()
            body = []
        } else if let colon = text.firstIndex(of: UInt8(ascii: ":")) {
            let value = text[(colon + 1)...].drop(while: isBlank)
            headers.add(name: String(decoding: text[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        }
    }

    private func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        if let stream { return stream.receive(chunk, status: status, headers: headers) }
        if let bodyPath, (200..<300).contains(status) {
            guard bytesWritten + Int64(chunk.count) <= configuration.maxFileBodySize else {
                localFailure = HTTPTransportError(
                    .responseTooLarge,
                    message: "response body exceeds \(configuration.maxFileBodySize) bytes",
                    url: request.url
                )
                return 0
            }
            if downloadFile == nil {
                guard let file = fopen(bodyPath, "wb") else {
                    localFailure = fileError("cannot create the response body file", path: bodyPath, code: .responseFileFailed)
                    return 0
                }
                downloadFile = file
            }
            guard fwrite(chunk.baseAddress, 1, chunk.count, downloadFile) == chunk.count else {
                localFailure = fileError("cannot write the response body file", path: bodyPath, code: .responseFileFailed)
                return 0
            }
            bytesWritten += Int64(chunk.count)
            return chunk.count
        }
        let limit = request.maxInMemoryBodySize ?? configuration.maxInMemoryBodySize
        guard body.count + chunk.count <= limit else {
            localFailure = HTTPTransportError(
                .responseTooLarge,
                message: "response body exceeds \(limit) bytes",
                url: request.url
            )
            return 0
        }
        body.append(contentsOf: chunk)
        return chunk.count
    }

    /// Called on the transfer thread when libcurl reports the transfer done.
    func complete(_ code: CURLcode) {
        var failure = localFailure
        if let downloadFile, fclose(downloadFile) != 0, failure == nil, let bodyPath {
            failure = fileError("cannot close response body file", path: bodyPath)
        }
        downloadFile = nil
        if failure == nil, code != CURLE_OK {
            failure = HTTPTransportError(curlCode: code, detail: String(cString: errorBuffer), url: request.url)
        }
        var finalStatus = 0
        if failure == nil, let easy {
            _ = reel_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &finalStatus)
            // A successful empty download still produces its (empty) file.
            if let bodyPath, (200..<300).contains(finalStatus), bytesWritten == 0 {
                if let file = fopen(bodyPath, "wb") { fclose(file) } else { failure = fileError("cannot create response body file", path: bodyPath) }
            }
        }
        if let failure {
            if let bodyPath, bytesWritten > 0 { unlink(bodyPath) }
            finish(.failure(failure))
        } else {
            finish(.success(HTTPResponse(status: finalStatus, headers: headers, body: body, bytesWrittenToFile: bytesWritten)))
        }
    }

    /// Releases the C resources and resumes the caller, once.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        if let easy { handles?.putBack(easy) }
        easy = nil
        handles = nil
        curl_mime_free(mime)
        mime = nil
        curl_slist_free_all(headerList)
        headerList = nil
        if let uploadFile { fclose(uploadFile) }
        uploadFile = nil
        if let downloadFile { fclose(downloadFile) }
        downloadFile = nil
        body = []
        continuation?.resume(with: result)
        continuation = nil
        stream?.finish(result)
        stream = nil
    }
}
