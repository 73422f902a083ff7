import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

// libmicrohttpd calls these from its worker threads. They are file-scope functions (no actor
// isolation to inherit) and reach Swift state only through their `void *` arguments:
// `cls` is the ServerCore (unretained: the HTTPServer keeps it alive until MHD_stop_daemon returns),
// `*req_cls` is the RequestState (retained in the URI callback, released in the completion callback).
// A deferred route's connection is suspended (MHD_suspend_connection, only ever from the access
// handler) until its HTTPResponder resumes it from another thread; MHD then calls the access handler
// again, which queues the answer. A suspended connection never completes, times out or notices a
// client leaving; MHDDaemon.stop resumes every one before MHD_stop_daemon, which aborts otherwise.

/// The C type of the URI log callback, whose return value becomes the request's `*req_cls`.
typealias MHDURILogCallback = @convention(c) (
    UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?
) -> UnsafeMutableRawPointer?

/// Monotonic nanoseconds, for request durations.
func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
}

/// A request line arrived: count it in flight and create its state from the raw target.
func feedeskRequestStarted(
    _ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    guard let cls else { return nil }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let state = RequestState(rawTarget: uri.map { String(cString: $0) } ?? "", startNanoseconds: monotonicNanoseconds())
    core.inFlight.wrappingAdd(1, ordering: .relaxed)
    return Unmanaged.passRetained(state).toOpaque()
}

/// The access handler: head, then each body chunk, then the end of the body (see RequestState).
func feedeskAccessHandler(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?, _ requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let uploadDataSize, let statePointer = requestContext?.pointee else {
        return .NO
    }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(statePointer).takeUnretainedValue()
    switch state.phase {
    case .awaitingHead:
        let head = RequestHead(
            method: method.map { String(cString: $0) } ?? "", version: version.map { String(cString: $0) } ?? "",
            headers: requestHeaders(of: connection), remoteAddress: remoteAddress(of: connection))
        guard let early = state.begin(head: head, core: core) else { return .YES }
        return queue(early, on: connection, core: core)
    case .receivingBody:
        let size = uploadDataSize.pointee
        guard size == 0 else {
            guard let uploadData else { return .NO }
            uploadDataSize.pointee = 0
            return state.receive(UnsafeRawBufferPointer(start: uploadData, count: size)) ? .YES : .NO
        }
        guard let response = state.finish(core: core, connection: connection) else { return .YES }  // suspended
        return queue(response, on: connection, core: core)
    case .deferred:
        // Called again after the responder resumed the connection: send the answer it was given.
        uploadDataSize.pointee = 0
        return queue(state.resumed(core: core), on: connection, core: core)
    case .answered:
        uploadDataSize.pointee = 0
        return .YES
    }
}

/// The request is over (response sent, connection failed, or daemon stopping): log it, release its
/// state, and count it out of flight.
func feedeskRequestCompleted(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ termination: MHD_RequestTerminationCode
) {
    guard let cls, let requestContext, let statePointer = requestContext.pointee else { return }
    requestContext.pointee = nil
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(statePointer).takeRetainedValue()
    state.complete(core: core)
    if let accessLog = core.configuration.accessLog,
        let entry = state.logEntry(endNanoseconds: monotonicNanoseconds(), completed: termination == .REQUEST_TERMINATED_COMPLETED_OK)
    {
        accessLog(entry)
    }
    core.inFlight.wrappingSubtract(1, ordering: .relaxed)
}

/// libmicrohttpd's diagnostics, formatted and passed to the configured error log.
func feedeskErrorLog(_ cls: UnsafeMutableRawPointer?, _ format: UnsafePointer<CChar>?, _ arguments: CVaListPointer?) {
    guard let cls, let format, let arguments else { return }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    guard let errorLog = core.configuration.errorLog else { return }
    let line = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer -> String in
        guard let base = buffer.baseAddress else { return "" }
        _ = vsnprintf(base, buffer.count, format, arguments)
        return String(cString: base)
    }
    errorLog("libmicrohttpd: " + line.trimmingSuffix(while: { $0 == "\n" || $0 == "\r" }))
}

/// Collects one request header into the `HTTPHeaders` that `cls` points to.
func feedeskCollectHeader(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?, _ keySize: Int,
    _ value: UnsafePointer<CChar>?, _ valueSize: Int
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let name = String(decoding: UnsafeRawBufferPointer(start: key, count: keySize), as: UTF8.self)
    let text = value.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: valueSize), as: UTF8.self) } ?? ""
    cls.assumingMemoryBound(to: HTTPHeaders.self).pointee.add(name: name, value: text)
    return .YES
}

/// The request headers in arrival order.
private func requestHeaders(of connection: OpaquePointer) -> HTTPHeaders {
    var headers = HTTPHeaders()
    headers.reserveCapacity(12)
    withUnsafeMutablePointer(to: &headers) { pointer in
        _ = MHD_get_connection_values_n(connection, .HEADER_KIND, feedeskCollectHeader, pointer)
    }
    return headers
}

/// The peer's IP address as text.
private func remoteAddress(of connection: OpaquePointer) -> String {
    guard let address = feedesk_mhd_client_address(connection) else { return "" }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN) + 1) { buffer -> String in
        guard let base = buffer.baseAddress else { return "" }
        let written: UnsafePointer<CChar>?
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            written = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                withUnsafePointer(to: inet.pointee.sin_addr) { inet_ntop(AF_INET, $0, base, socklen_t(buffer.count)) }
            }
        case AF_INET6:
            written = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { inet6 in
                withUnsafePointer(to: inet6.pointee.sin6_addr) { inet_ntop(AF_INET6, $0, base, socklen_t(buffer.count)) }
            }
        default:
            written = nil
        }
        return written.map { String(cString: $0) } ?? ""
    }
}

/// Hands a response to libmicrohttpd (the body is copied: MUST_COPY). Header fields MHD refuses
/// (`Content-Length`, values with CR/LF/NUL) are dropped and reported to the error log.
private func queue(_ response: HTTPResponse, on connection: OpaquePointer, core: ServerCore) -> MHD_Result {
    let created: OpaquePointer? =
        response.body.isEmpty
        ? MHD_create_response_from_buffer(0, nil, .RESPMEM_PERSISTENT)
        : response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
    guard let mhdResponse = created else { return .NO }
    defer { MHD_destroy_response(mhdResponse) }
    for field in response.headers.fields {
        let added =
            !field.value.utf8.contains(0) && !field.name.utf8.contains(0)
            && field.name.withCString { name in
                field.value.withCString { value in MHD_add_response_header(mhdResponse, name, value) == .YES }
            }
        if !added {
            core.configuration.errorLog?("dropped response header '\(field.name)': libmicrohttpd refused it")
        }
    }
    return MHD_queue_response(connection, UInt32(clamping: response.status.rawValue), mhdResponse)
}

extension String {
    /// The string without trailing characters matching `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return String(self[..<end])
    }
}
