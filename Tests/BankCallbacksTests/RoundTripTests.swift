import Foundation
import Testing
@testable import BankCallbacks

/// Property-style sign → verify round trips with seeded random notices, for every scheme.
@Suite("round trips")
struct RoundTripTests {
    static let secrets: [CallbackScheme: String] = [
        .standardWebhooks: StandardWebhooksVector.secret1,
        .payos: "payos-round-trip-key",
        .cassoV2: "casso-round-trip-key",
        .sepay: "sepay-round-trip-key",
    ]

    struct Sample {
        let id: String
        let amount: Int64
        let memo: String
        let name: String
        let debit: Bool
    }

    static func sample(_ generator: inout SplitMix64) -> Sample {
        Sample(id: "FT" + String(generator.next() % 10_000_000_000),
               amount: Int64(generator.next() % 9_999_999_999_999) + 1,
               memo: randomText(&generator, maxLength: 60),
               name: randomText(&generator, maxLength: 20),
               debit: generator.next() % 4 == 0)
    }

    static func body(_ s: Sample, for scheme: CallbackScheme) -> String {
        let memo = jsonString(s.memo)
        let name = jsonString(s.name)
        switch scheme {
        case .standardWebhooks:
            return #"{"id":"\#(s.id)","account":"0071000123456","amount":\#(s.amount),"currency":"VND","bookedAt":"2026-11-22T09:15:00+07:00","description":\#(memo),"counterpartyName":\#(name)}"#
        case .payos:
            return #"{"code":"00","desc":"success","success":true,"data":{"orderCode":7,"amount":\#(s.amount),"description":\#(memo),"accountNumber":"0071000123456","reference":"\#(s.id)","transactionDateTime":"2026-11-22 09:15:00","currency":"VND","paymentLinkId":"p","counterAccountName":\#(name),"counterAccountNumber":null,"tags":[{"b":\#(name),"a":1}]}}"#
        case .cassoV2:
            return #"{"error":0,"data":{"id":\#(s.id.dropFirst(2)),"reference":"\#(s.id)","description":\#(memo),"amount":\#(s.debit ? -s.amount : s.amount),"transactionDateTime":"2026-11-22 09:15:00","accountNumber":"0071000123456","counterAccountName":\#(name),"extra":{"z":[{"y":\#(name),"x":1.5}],"a":{}}}}"#
        case .sepay:
            return #"{"id":\#(s.id.dropFirst(2)),"gateway":"Vietcombank","transactionDate":"2026-11-22 09:15:00","accountNumber":"0071000123456","code":null,"content":\#(memo),"transferType":"\#(s.debit ? "out" : "in")","transferAmount":\#(s.amount),"referenceCode":"\#(s.id)","description":"x"}"#
        }
    }

    @Test(arguments: CallbackScheme.allCases)
    func signThenVerify(scheme: CallbackScheme) throws {
        var generator = SplitMix64(state: 20_261_122)
        let now = Date(timeIntervalSince1970: 1_795_313_700)
        let secret = try #require(Self.secrets[scheme])
        for _ in 0..<150 {
            let sample = Self.sample(&generator)
            let body = Self.body(sample, for: scheme)
            let signed = try scheme.sign(body: Array(body.utf8), secret: secret, now: now)
            let rotated = scheme == .standardWebhooks ? StandardWebhooksVector.secret2 : "previous-secret"
            let verified = try scheme.verify(signed.request, secrets: [rotated, secret],
                                             now: now.addingTimeInterval(TimeInterval(generator.next() % 601) - 300))
            #expect(verified.secretIndex == 1)
            let notice = verified.notice
            #expect(notice.amount == sample.amount)
            #expect(notice.memo == (sample.memo.isEmpty && scheme == .sepay ? "x" : sample.memo))
            #expect(notice.direction == ((scheme == .cassoV2 || scheme == .sepay) && sample.debit ? .debit : .credit))
            #expect(notice.providerTransactionID == (scheme == .standardWebhooks || scheme == .payos ? sample.id : String(sample.id.dropFirst(2))))
            if scheme != .sepay {
                #expect(notice.counterpartyName == (sample.name.isEmpty ? nil : sample.name))
            }
            // payOS signs only `data`: flip a byte inside it; the other schemes sign the whole body.
            let bytes = signed.body
            let range = scheme == .payos ? Self.dataRange(bytes) : 0..<bytes.count
            let tampered = flippingByte(signed.request, at: range.lowerBound + Int(generator.next() % UInt64(range.count)))
            let error = verifyError(scheme, tampered, secrets: [secret], now: now)
            #expect(error != nil, "a flipped byte in \(String(decoding: tampered.body, as: UTF8.self)) was accepted")
        }
    }

    /// The bytes of the payOS `data` object's members.
    static func dataRange(_ body: [UInt8]) -> Range<Int> {
        let text = String(decoding: body, as: UTF8.self)
        guard let start = text.range(of: #""data":{"#), let end = text.range(of: #"},"signature""#) else { return 0..<body.count }
        return text.utf8.distance(from: text.startIndex, to: start.upperBound)..<text.utf8.distance(from: text.startIndex, to: end.lowerBound)
    }

    @Test func sameBodySameDeliveryID() throws {
        let body = Array(StandardWebhooksVector.body.utf8)
        let now = Date(timeIntervalSince1970: 1_795_313_700)
        let first = try CallbackScheme.standardWebhooks.sign(body: body, secret: StandardWebhooksVector.secret1, now: now)
        let retry = try CallbackScheme.standardWebhooks.sign(body: body, secret: StandardWebhooksVector.secret1, now: now.addingTimeInterval(60))
        #expect(first.headers[0].value == retry.headers[0].value)
        #expect(first.headers[0].value == "msg_fd89a79e4e94661516d3af70f9578892")
    }

    @Test func verificationIsFast() throws {
        let now = Date(timeIntervalSince1970: 1_795_313_700)
        let clock = ContinuousClock()
        var generator = SplitMix64(state: 3)
        var requests: [(CallbackScheme, CallbackRequest, String)] = []
        for scheme in CallbackScheme.allCases {
            let secret = try #require(Self.secrets[scheme])
            let body = Self.body(Self.sample(&generator), for: scheme)
            requests.append((scheme, try scheme.sign(body: Array(body.utf8), secret: secret, now: now).request, secret))
        }
        let elapsed = try clock.measure {
            for _ in 0..<250 {
                for (scheme, request, secret) in requests { _ = try scheme.verify(request, secrets: [secret], now: now) }
            }
        }
        #expect(elapsed < .seconds(5), "1000 verifications took \(elapsed)")
    }
}
