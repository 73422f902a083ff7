@testable import FeeDeskApp
import FeeDeskCore
import Foundation
import Testing

@Suite struct DemoTests {
    @Test func loadsOnceAndThenChangesNothing() throws {
        let fixture = try AppFixture()
        let app = try fixture.app()
        let first = try app.loadDemo(by: "test")
        #expect(first.dossiersAdded == 50 && first.dossiersPresent == 0 && first.cashAdded == 17 && first.feesInForce == 9)
        #expect(first.users.map(\.name) == ["demo-desk", "demo-accountant"])
        #expect(first.users.allSatisfy { ($0.password?.count ?? 0) >= 12 })
        let password = try #require(first.users.first?.password)
        #expect(try app.principal(name: "demo-desk", password: password) == Principal(name: "demo-desk", role: .desk))
        #expect(try app.principal(name: "demo-desk", password: password + "x") == nil)
        let after = try Snapshot(app)
        let second = try app.loadDemo(by: "test")
        #expect(second.dossiersAdded == 0 && second.dossiersPresent == 50 && second.cashAdded == 0 && second.cashPresent == 17)
        #expect(second.users.allSatisfy { $0.password == nil })
        #expect(try Snapshot(app) == after)
        let status = try app.status()
        #expect(status.dossiers == 50)
        #expect(status.cashPayments == 17)
    }

    @Test func aBrokenDemoFileLoadsNothing() throws {
        let fixture = try AppFixture()
        // Replace the Samples link with a copy whose cash file pays an unknown dossier.
        try FileManager.default.removeItem(atPath: fixture.folder + "/Samples")
        try FileManager.default.createDirectory(atPath: fixture.folder + "/Samples/demo", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: AppFixture.repository.appendingPathComponent("Samples/demo/dossiers.json").path,
                                         toPath: fixture.folder + "/Samples/demo/dossiers.json")
        try #"[{"dossier": "000.06.16.G09-261122-9999", "amount": 1000, "receipt": "X1", "cashier": "Thu", "at": "2026-11-22T09:00:00+07:00"}]"#
            .write(toFile: fixture.folder + "/Samples/demo/cash.json", atomically: true, encoding: .utf8)
        let app = try fixture.app()
        #expect(throws: AppError.config(file: fixture.folder + "/Samples/demo/cash.json", field: "[0]",
                                        message: "no dossier has the code '000.06.16.G09-261122-9999'")) {
            try app.loadDemo(by: "test")
        }
        #expect(try app.dossiers().isEmpty)
        #expect(try app.fees().isEmpty)
        #expect(try app.verifyAudit().rows == 0)
    }
}
