@testable import FeeDeskHTTP
import Testing

/// The access handler's phases driven without libmicrohttpd.
@Suite struct RequestStateTests {
    static func core(defaultLimit: Int = 100, defaultHeaders: HTTPHeaders = [:]) throws -> ServerCore {
        var router = Router()
        try router.add(.post, "/up", bodyLimit: 10) { request in .text("got \(request.body.count)") }
        try router.get("/x/{id}") { request in .text(request.pathParameters["id"] ?? "") }
        var configuration = HTTPServerConfiguration()
        configuration.defaultBodyLimit = defaultLimit
        configuration.defaultHeaders = defaultHeaders
        return ServerCore(router: router, configuration: configuration, requestIDs: RequestIDGenerator(key: 1))
    }

    static func head(_ method: String, _ headers: HTTPHeaders = [:]) -> RequestHead {
        RequestHead(method: method, version: "HTTP/1.1", headers: headers, remoteAddress: "10.0.0.1")
    }

    static func feed(_ state: RequestState, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { state.receive($0) }
    }

    @Test func declaredLengthOverTheRouteLimitAnswersAtTheHead() throws {
        let core = try Self.core()
        let state = RequestState(rawTarget: "/up", startNanoseconds: 0)
        let early = try #require(state.begin(head: Self.head("POST", ["content-length": "11"]), core: core))
        #expect(early.status == .contentTooLarge)
        #expect(state.phase == .answered)
        #expect(early.headers["X-Request-Id"]?.count == 16)
    }

    @Test func unmatchedPathsUseTheDefaultLimit() throws {
        let core = try Self.core(defaultLimit: 100)
        let state = RequestState(rawTarget: "/nowhere", startNanoseconds: 0)
        #expect(state.begin(head: Self.head("POST", ["Content-Length": "100"]), core: core) == nil)
        #expect(state.bodyLimit == 100)
        #expect(Self.feed(state, Array(repeating: 1, count: 100)))
        #expect(state.finish(core: core).status == .notFound)
    }

    @Test func streamedBodyOverTheLimitIsDroppedAndAnswered413() throws {
        let core = try Self.core()
        let state = RequestState(rawTarget: "/up", startNanoseconds: 0)
        #expect(state.begin(head: Self.head("POST", ["Transfer-Encoding": "chunked"]), core: core) == nil)
        #expect(Self.feed(state, Array(repeating: 1, count: 8)))
        #expect(!state.bodyOverflowed)
        #expect(Self.feed(state, Array(repeating: 1, count: 8)))
        #expect(state.bodyOverflowed)
        let response = state.finish(core: core)
        #expect(response.status == .contentTooLarge)
        #expect(String(decoding: response.body, as: UTF8.self).contains("limit of 10 bytes"))
    }

    @Test func streamingFarPastTheLimitAsksToDisconnect() throws {
        let core = try Self.core()
        let state = RequestState(rawTarget: "/up", startNanoseconds: 0)
        #expect(state.begin(head: Self.head("POST"), core: core) == nil)
        let chunk = [UInt8](repeating: 0, count: 1 << 19)
        #expect(Self.feed(state, chunk))
        #expect(Self.feed(state, chunk))
        #expect(!Self.feed(state, chunk))
    }

    @Test func completeRequestReachesTheHandlerWithEverything() throws {
        let core = try Self.core(defaultHeaders: ["X-Content-Type-Options": "nosniff", "X-Request-Id": "ignored"])
        let state = RequestState(rawTarget: "/up?a=1", startNanoseconds: 1_000)
        #expect(state.begin(head: Self.head("POST", ["X-Request-Id": "client-7"]), core: core) == nil)
        #expect(Self.feed(state, Array("12345".utf8)))
        let response = state.finish(core: core)
        #expect(String(decoding: response.body, as: UTF8.self) == "got 5")
        #expect(response.headers.values(for: "X-Request-Id") == ["client-7"])
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        let entry = try #require(state.logEntry(endNanoseconds: 251_000, completed: true))
        #expect(entry.durationMicroseconds == 250)
        #expect(entry.routePattern == "/up")
        #expect(entry.request.remoteAddress == "10.0.0.1")
        #expect(entry.request.query["a"] == "1")
        #expect(entry.request.body == Array("12345".utf8))
        #expect(entry.responseBytes == 5)
    }

    @Test func badTargetAnswers400AtTheHead() throws {
        let core = try Self.core()
        let state = RequestState(rawTarget: "/x/%", startNanoseconds: 0)
        let early = try #require(state.begin(head: Self.head("GET"), core: core))
        #expect(early.status == .badRequest)
        #expect(state.logEntry(endNanoseconds: 0, completed: true)?.status == .badRequest)
    }

    @Test func drainingAddsConnectionClose() throws {
        let core = try Self.core()
        core.draining.store(true, ordering: .relaxed)
        #expect(core.finalize(.text("x"), requestID: "r").headers["Connection"] == "close")
    }

    @Test(arguments: [0, 100, 199, 600, 1000])
    func nonFinalStatusesBecome500(status: Int) throws {
        let core = try Self.core()
        let response = core.finalize(HTTPResponse(status: HTTPStatus(rawValue: status)), requestID: "r")
        #expect(response.status == .internalServerError)
        #expect(response.headers["X-Request-Id"] == "r")
    }

    @Test func noLogEntryBeforeAnAnswer() {
        let state = RequestState(rawTarget: "/up", startNanoseconds: 0)
        #expect(state.logEntry(endNanoseconds: 5, completed: false) == nil)
    }
}
