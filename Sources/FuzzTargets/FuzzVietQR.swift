import VietQR

/// Fuzzes `VietQR.decode`: the bytes are the scanned payload (UTF-8; invalid sequences become
/// U+FFFD, as when text arrives from a scanner or the command line).
///
/// Invariants of an accepted payload: the amount, when present, is positive; re-encoding the decoded
/// objects (`VietQRCode.payload()`) decodes again to the same objects, and gives back the input byte
/// for byte when its CRC was written in upper case (as `payload()` documents).
@discardableResult
public func fuzzVietQR(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    let text = String(decoding: data, as: UTF8.self)
    let code: VietQRCode
    do {
        code = try VietQR.decode(text)
    } catch {
        return .rejected(error.description)
    }
    if let amount = code.amount {
        FuzzInvariant.require(amount > 0, "decoded amount \(amount) is not positive")
    }
    _ = code.tags
    _ = code.emv.leaves
    let again = code.payload()
    let reread: VietQRCode
    do {
        reread = try VietQR.decode(again)
    } catch {
        FuzzInvariant.require(false, "re-encoded payload '\(again)' does not decode: \(error)")
        return .rejected(error.description)
    }
    FuzzInvariant.require(reread.emv.objects == code.emv.objects, "re-encoded payload '\(again)' decodes to other objects")
    FuzzInvariant.require(reread == code || code.crc != code.crc.uppercased(), "re-encoded payload '\(again)' decodes to another code")
    if code.crc == code.crc.uppercased() {
        FuzzInvariant.require(Array(again.utf8) == Array(text.utf8), "re-encoded payload '\(again)' differs from the input")
    }
    return .accepted("bin \(code.bin), account \(code.account), amount \(code.amount.map(String.init) ?? "none")")
}
