import Testing
@testable import QRRender

@Suite("QRMatrix: libqrencode at level M with a quiet zone")
struct QRMatrixTests {
    /// Versions follow ISO/IEC 18004 table 7 (capacities at level M): 8-bit 14 bytes in version 1,
    /// 106 in 6, 2331 in 40; numeric 34 digits in version 1; alphanumeric 20 characters in version 1.
    @Test(arguments: [
        ("HELLO", 1),
        (String(repeating: "a", count: 14), 1),
        (String(repeating: "a", count: 15), 2),
        (String(repeating: "a", count: 106), 6),
        (String(repeating: "a", count: 107), 7),
        (String(repeating: "7", count: 34), 1),
        (String(repeating: "7", count: 35), 2),
        (String(repeating: "Z", count: 20), 1),
        (String(repeating: "é", count: 7), 1),   // 14 UTF-8 bytes
        (String(repeating: "é", count: 8), 2),   // 16 UTF-8 bytes
        (String(repeating: "a", count: 2331), 40),
    ])
    func versionAndSize(text: String, expectedVersion: Int) throws {
        let matrix = try QRMatrix(encoding: text)
        #expect(matrix.version == expectedVersion)
        #expect(matrix.quietZone == 4)
        #expect(matrix.symbolSize == 17 + 4 * expectedVersion)
        #expect(matrix.size == 17 + 4 * expectedVersion + 8)
    }

    @Test func helloIsVersion1With29ModulesIncludingTheQuietZone() throws {
        let matrix = try QRMatrix(encoding: "HELLO")
        #expect(matrix.size == 29)
        #expect(matrix.symbolSize == 21)
    }

    @Test(arguments: [0, 1, 4, 10, 64])
    func quietZoneIsAllLight(quietZone: Int) throws {
        let matrix = try QRMatrix(encoding: Payloads.foldedPurpose, quietZone: quietZone)
        #expect(matrix.size == matrix.symbolSize + 2 * quietZone)
        let margin = (0..<matrix.size).flatMap { row in
            (0..<matrix.size).compactMap { column -> (Int, Int)? in
                let inSymbol = (quietZone..<matrix.size - quietZone).contains(row)
                    && (quietZone..<matrix.size - quietZone).contains(column)
                return inSymbol ? nil : (row, column)
            }
        }
        #expect(margin.count == matrix.size * matrix.size - matrix.symbolSize * matrix.symbolSize)
        #expect(margin.allSatisfy { !matrix.isDark(row: $0.0, column: $0.1) })
        // The symbol touches its quiet zone: its first row starts with a finder pattern's dark edge.
        #expect(matrix.isDark(row: quietZone, column: quietZone))
    }

    @Test(arguments: ["HELLO", Payloads.napasStaticCard, Payloads.foldedPurpose])
    func finderPatternsSitAtThreeCornersOnly(text: String) throws {
        let matrix = try QRMatrix(encoding: text)
        let far = matrix.symbolSize - 7
        #expect(matrix.hasFinderPattern(symbolRow: 0, symbolColumn: 0))
        #expect(matrix.hasFinderPattern(symbolRow: 0, symbolColumn: far))
        #expect(matrix.hasFinderPattern(symbolRow: far, symbolColumn: 0))
        #expect(!matrix.hasFinderPattern(symbolRow: far, symbolColumn: far))
    }

    @Test(arguments: ["HELLO", Payloads.napasDynamicAccount])
    func timingPatternsAndTheDarkModule(text: String) throws {
        let matrix = try QRMatrix(encoding: text)
        let q = matrix.quietZone
        for index in 8..<(matrix.symbolSize - 8) {
            #expect(matrix.isDark(row: q + 6, column: q + index) == index.isMultiple(of: 2), "row timing at \(index)")
            #expect(matrix.isDark(row: q + index, column: q + 6) == index.isMultiple(of: 2), "column timing at \(index)")
        }
        // ISO/IEC 18004 §7.9.1: the module at (4V + 9, 8) is always dark.
        #expect(matrix.isDark(row: q + 4 * matrix.version + 9, column: q + 8))
    }

    @Test func outsideTheMatrixIsLight() throws {
        let matrix = try QRMatrix(encoding: "HELLO", quietZone: 0)
        #expect(matrix.isDark(row: 0, column: 0))
        #expect(!matrix.isDark(row: -1, column: 0))
        #expect(!matrix.isDark(row: 0, column: -1))
        #expect(!matrix.isDark(row: matrix.size, column: 0))
        #expect(!matrix.isDark(row: 0, column: matrix.size))
    }

    @Test func encodingIsDeterministicAndCaseSensitive() throws {
        let first = try QRMatrix(encoding: Payloads.napasDynamicAccount)
        let second = try QRMatrix(encoding: Payloads.napasDynamicAccount)
        #expect(first == second)
        #expect(try QRMatrix(encoding: "hello") != QRMatrix(encoding: "HELLO"))
        #expect(try QRMatrix(encoding: "HELLO", quietZone: 2) != QRMatrix(encoding: "HELLO"))
    }

    @Test(arguments: [
        ("", "QR text is empty (0 bytes), so there is nothing to encode."),
        (String(repeating: "x", count: 8000),
         "QR text of 8000 bytes does not fit in the largest QR code (version 40, error-correction level M)."),
        (String(repeating: "a", count: 2332),
         "QR text of 2332 bytes does not fit in the largest QR code (version 40, error-correction level M)."),
        (String(repeating: "é", count: 1166),
         "QR text of 2332 bytes does not fit in the largest QR code (version 40, error-correction level M)."),
        ("AB\u{0}CD", "QR text of 5 bytes contains a NUL character at byte offset 2, which libqrencode cannot encode."),
        ("đ\u{0}", "QR text of 3 bytes contains a NUL character at byte offset 2, which libqrencode cannot encode."),
    ])
    func badTextIsRefusedWithItsLength(text: String, message: String) {
        #expect {
            _ = try QRMatrix(encoding: text)
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test func tooLongTextThrowsTheTypedError() {
        #expect(throws: QRRenderError.textTooLong(byteCount: 8000)) {
            _ = try QRMatrix(encoding: String(repeating: "x", count: 8000))
        }
    }

    @Test(arguments: [
        (-1, "QR quiet zone of -1 modules is outside the allowed range 0...64."),
        (65, "QR quiet zone of 65 modules is outside the allowed range 0...64."),
    ])
    func badQuietZoneIsRefused(quietZone: Int, message: String) {
        #expect {
            _ = try QRMatrix(encoding: "HELLO", quietZone: quietZone)
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test func libqrencodeFailuresKeepErrnoAndReason() {
        let error = QRRenderError.encodingFailed(byteCount: 12, errno: 12, reason: "Cannot allocate memory")
        #expect("\(error)" == "libqrencode could not encode QR text of 12 bytes: Cannot allocate memory (errno 12).")
    }
}

extension QRMatrix {
    /// Whether a 7 × 7 finder pattern (dark ring, light ring, dark 3 × 3 centre) with its light
    /// one-module separator on the inner sides starts at the given symbol coordinates.
    fileprivate func hasFinderPattern(symbolRow: Int, symbolColumn: Int) -> Bool {
        let top = quietZone + symbolRow, left = quietZone + symbolColumn
        for dr in 0..<7 {
            for dc in 0..<7 {
                let ring = max(abs(dr - 3), abs(dc - 3))
                if isDark(row: top + dr, column: left + dc) != (ring != 2) { return false }
            }
        }
        // Separator: the row and column between the pattern and the rest of the symbol.
        let separatorRow = symbolRow == 0 ? top + 7 : top - 1
        let separatorColumn = symbolColumn == 0 ? left + 7 : left - 1
        for offset in -1...7 {
            if isDark(row: separatorRow, column: left + offset) { return false }
            if isDark(row: top + offset, column: separatorColumn) { return false }
        }
        return true
    }
}
