import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

/// A running libmicrohttpd daemon and the listening socket it was given.
///
/// Not thread-safe by itself: `HTTPServer` keeps it inside a `Mutex` and takes it out to stop it.
struct MHDDaemon {
    let handle: OpaquePointer
    let listenDescriptor: Int32
    /// The port actually bound (the ephemeral one when 0 was asked for).
    let port: UInt16

    /// Binds the socket and starts the daemon: internal polling threads (epoll, or poll where epoll is
    /// missing), a thread pool, ITC for quiescing, connection limits and the request callbacks.
    static func start(core: ServerCore) throws(HTTPServerError) -> MHDDaemon {
        let configuration = core.configuration
        let (descriptor, socketPort) = try ListenSocket.open(configuration.address, backlog: configuration.listenBacklog)
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
        flags |= MHD_is_feature_supported(.FEATURE_EPOLL) == .YES ? MHD_USE_EPOLL.rawValue : MHD_USE_POLL.rawValue
        if configuration.errorLog != nil { flags |= MHD_USE_ERROR_LOG.rawValue }

        let context = Unmanaged.passUnretained(core).toOpaque()
        var options: [MHD_OptionItem] = [
            integerOption(.LISTEN_SOCKET, Int(descriptor)),
            integerOption(.CONNECTION_LIMIT, configuration.connectionLimit),
            integerOption(.PER_IP_CONNECTION_LIMIT, configuration.perIPConnectionLimit),
            integerOption(.CONNECTION_TIMEOUT, configuration.connectionTimeoutSeconds),
            integerOption(.STRICT_FOR_CLIENT, 1),
            callbackOption(.URI_LOG_CALLBACK, unsafeBitCast(feedeskRequestStarted as MHDURILogCallback, to: Int.self), context),
            callbackOption(
                .NOTIFY_COMPLETED,
                unsafeBitCast(feedeskRequestCompleted as MHD_RequestCompletedCallback, to: Int.self), context),
        ]
        if configuration.errorLog != nil {  // MHD wants the logger first, to log option errors through it
            options.insert(
                callbackOption(.EXTERNAL_LOGGER, unsafeBitCast(feedeskErrorLog as MHD_LogCallback, to: Int.self), context),
                at: 0)
        }
        if configuration.threadPoolSize > 1 {
            options.append(integerOption(.THREAD_POOL_SIZE, configuration.threadPoolSize))
        }
        options.append(integerOption(.END, 0))

        let started = options.withUnsafeMutableBufferPointer { items in
            feedesk_mhd_start(flags, 0, feedeskAccessHandler, context, items.baseAddress)
        }
        guard let handle = started else {
            _ = close(descriptor)
            throw .listenFailed(
                address: configuration.address.description,
                reason: "libmicrohttpd \(MicroHTTPDInfo.version) could not start its daemon")
        }
        let reported = feedesk_mhd_bind_port(handle)
        return MHDDaemon(handle: handle, listenDescriptor: descriptor, port: reported != 0 ? reported : socketPort)
    }

    /// The number of open connections.
    var connectionCount: Int { Int(feedesk_mhd_current_connections(handle)) }

    /// Graceful stop: refuse new connections, let requests in flight finish for up to `gracePeriod`,
    /// answer deferred requests still waiting with 503 (resuming their connections: libmicrohttpd
    /// aborts when stopped with one suspended) and give those answers up to a second to leave, then
    /// stop the daemon (closing whatever is left). Returns how many requests were cut off.
    consuming func stop(core: ServerCore, gracePeriod: Duration) -> Int {
        core.draining.store(true, ordering: .relaxed)
        let quiesced = MHD_quiesce_daemon(handle)
        if quiesced >= 0 { ListenSocket.refuseNewConnections(quiesced) }
        let (seconds, attoseconds) = max(gracePeriod, .zero).components
        let graceNanoseconds = UInt64(clamping: seconds) &* 1_000_000_000 &+ UInt64(attoseconds / 1_000_000_000)
        let deadline = monotonicNanoseconds() &+ graceNanoseconds
        while core.inFlight.load(ordering: .relaxed) > 0 && monotonicNanoseconds() < deadline {
            usleep(2_000)
        }
        if core.refuseDeferredRequests() > 0 {
            let answerDeadline = monotonicNanoseconds() &+ 1_000_000_000
            while core.inFlight.load(ordering: .relaxed) > 0 && monotonicNanoseconds() < answerDeadline {
                usleep(2_000)
            }
        }
        let abandoned = core.inFlight.load(ordering: .relaxed)
        MHD_stop_daemon(handle)
        // After a successful quiesce the socket is ours to close, and only after MHD_stop_daemon.
        if quiesced >= 0 { _ = close(quiesced) }
        return abandoned
    }

    private static func integerOption(_ option: MHD_OPTION, _ value: Int) -> MHD_OptionItem {
        MHD_OptionItem(option: option, value: value, ptr_value: nil)
    }

    /// Options taking a function and its context travel as (value: function, ptr_value: context).
    private static func callbackOption(_ option: MHD_OPTION, _ function: Int, _ context: UnsafeMutableRawPointer) -> MHD_OptionItem {
        MHD_OptionItem(option: option, value: function, ptr_value: context)
    }
}
