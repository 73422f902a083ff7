import FeeDeskCore
import Foundation
import QRRender
import Synchronization
import VietQR

/// The benchmarks `feedesk bench` runs. Each is deterministic (seeded data) and reports the median of
/// several runs; none is a timed unit test.
public enum Benchmarks {
    /// VietQR payload encoding, decoding and SVG rendering (issue targets: 200,000/s, 200,000/s, 5,000/s).
    public static func qr(count: Int = 100_000, runs: Int = 5) throws -> [BenchResult] {
        var generator = SplitMix64(seed: 3)
        let banks = ["970436", "970415", "970418", "970405", "970407", "970422"]
        let requests = (0..<1_000).map { index in
            VietQRRequest(bin: banks[index % banks.count], account: String(1_000_000_000 + generator.below(8_999_999_999)),
                          amount: Int64(1_000 * (1 + generator.below(2_000))), purpose: "HS\(100_000 + index) nop phi")
        }
        let payloads = try requests.map { try VietQR.encode($0) }
        let encode = try BenchResult.time(runs: runs) {
            for index in 0..<count { _ = try VietQR.encode(requests[index % requests.count]) }
        }
        let decode = try BenchResult.time(runs: runs) {
            for index in 0..<count { _ = try VietQR.decode(payloads[index % payloads.count]) }
        }
        let svgCount = max(1, count / 20)
        let svg = try BenchResult.time(runs: runs) {
            for index in 0..<svgCount { _ = try QRMatrix(encoding: payloads[index % payloads.count]).svg() }
        }
        // The server renders on every core of its thread pool: the same work split across them.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let failures = Atomic<Int>(0)
        let svgParallel = BenchResult.time(runs: runs) {
            DispatchQueue.concurrentPerform(iterations: cores) { worker in
                for index in stride(from: worker, to: svgCount, by: cores) {
                    do { _ = try QRMatrix(encoding: payloads[index % payloads.count]).svg() } catch { failures.add(1, ordering: .relaxed) }
                }
            }
        }
        guard failures.load(ordering: .relaxed) == 0 else { throw AppError.input("the QR benchmark failed to render some payloads") }
        return [
            BenchResult(name: "qr.encode (1 core)", items: count, times: encode, target: "≥ 200,000/s"),
            BenchResult(name: "qr.decode (1 core)", items: count, times: decode, target: "≥ 200,000/s"),
            BenchResult(name: "qr.svg, libqrencode + SVG (1 core)", items: svgCount, times: svg, target: "—"),
            BenchResult(name: "qr.svg, libqrencode + SVG (\(cores) cores)", items: svgCount, times: svgParallel, target: "≥ 5,000/s"),
        ]
    }

    /// The matcher alone, in memory, against `dossiers` open dossiers indexed by payment reference and
    /// by compact dossier code (issue target: 500,000 credits/s against 1,000,000 dossiers).
    public static func match(dossiers: Int = 1_000_000, credits: Int = 1_000_000, runs: Int = 3) -> [BenchResult] {
        let ledger = SyntheticLedger(format: .standard, firstDay: LocalDate(daysSinceEpoch: 20_780))
        // The dossiers once, and two indexes into them: by payment reference and by compact dossier code.
        var dossierList: [PayableDossier] = []
        var book: [String: Int32] = [:], codes: [String: Int32] = [:]
        dossierList.reserveCapacity(dossiers)
        book.reserveCapacity(dossiers)
        codes.reserveCapacity(dossiers)
        for index in 0..<dossiers {
            let seed = ledger.dossier(index)
            book[seed.reference.text] = Int32(index)
            codes[DossierCodeScanner.compactKey(seed.code)] = Int32(index)
            dossierList.append(PayableDossier(id: seed.sequence, code: seed.code, reference: seed.reference, amountDue: seed.amount,
                                              paid: .zero, cancelled: false))
        }
        var generator = SplitMix64(seed: 11)
        let lines = (0..<credits).map { ledger.credit($0 % dossiers, count: dossiers, generator: &generator) }
        let matcher = Matcher(format: .standard)
        var matched = 0
        let times = BenchResult.time(runs: runs) {
            matched = 0
            for line in lines {
                let decision = matcher.decide(amount: line.amount, memo: MemoText(line.memo),
                                              lookup: { book[$0.text].map { dossierList[Int($0)] } },
                                              codeLookup: { codes[$0].map { dossierList[Int($0)] } })
                if decision.outcome != .unmatched { matched += 1 }
            }
        }
        return [BenchResult(name: "match (in memory, \(dossiers) dossiers, \(matched) auto)", items: credits, times: times,
                            target: "≥ 500,000/s")]
    }
}
