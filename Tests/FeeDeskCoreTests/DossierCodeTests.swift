import FeeDeskCore
import Testing

@Suite struct DossierCodeTests {
    @Test(arguments: [
        ("000.06.16.G09-210315-0001", "000.06.16.G09-210315-0001"),
        ("000.06.16.g09-261122-0042", "000.06.16.G09-261122-0042"),
        (" 000.00.00.H57-240229-12345 ", "000.00.00.H57-240229-12345"),
    ])
    func acceptsCircularShape(code: String, normalised: String) throws {
        #expect(try DossierCode.validate(code, policy: .strict) == normalised)
    }

    @Test(arguments: [
        ("", "dossier code is empty"),
        ("123", "dossier code '123' is not of the form <unit code>-YYMMDD-NNNN (e.g. 000.06.16.G09-210315-0001)"),
        ("000.06.16.G09-210315", "dossier code '000.06.16.G09-210315' is not of the form <unit code>-YYMMDD-NNNN (e.g. 000.06.16.G09-210315-0001)"),
        ("000.06.16.G09-210315-01", "dossier code '000.06.16.G09-210315-01' is not of the form <unit code>-YYMMDD-NNNN (e.g. 000.06.16.G09-210315-0001)"),
        ("000.06.16-210315-0001", "dossier code '000.06.16-210315-0001': unit code '000.06.16' is not of the form 000.00.00.X00"),
        ("000.06.16.099-210315-0001", "dossier code '000.06.16.099-210315-0001': unit code '000.06.16.099' is not of the form 000.00.00.X00"),
        ("000.06.16.G09-210230-0001", "dossier code '000.06.16.G09-210230-0001': 210230 is not a valid date YYMMDD"),
        ("000.06.16.G09-211301-0001", "dossier code '000.06.16.G09-211301-0001': 211301 is not a valid date YYMMDD"),
    ])
    func rejectsOtherShapes(code: String, message: String) {
        #expect(throws: CoreError(.invalid, message)) { try DossierCode.validate(code, policy: .strict) }
    }

    @Test func relaxedPolicyAcceptsLocalCodes() throws {
        #expect(try DossierCode.validate("hs-2026/0042", policy: .relaxed) == "HS-2026/0042")
        #expect(throws: CoreError(.invalid, "dossier code 'a b' may hold only letters, digits and . - _ / (64 at most)")) {
            try DossierCode.validate("a b", policy: .relaxed)
        }
    }
}
