import FeeDeskCrypto
import Foundation
import Testing

@Suite struct DigestTests {
    static let vectors = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("Phí chứng thực", "27c67759a30da3ae8e5bcd00f77529280c5cd94e279daa4eb5ccc1692cef4e41"),
        // FIPS 180-2, two blocks.
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]

    @Test(arguments: vectors)
    func sha256(input: String, expected: String) {
        #expect(Digest.sha256Hex(input) == expected)
        #expect(Hex.encode(Digest.sha256(Data(input.utf8))) == expected) // contiguous, not copied
        #expect(Hex.encode(Digest.sha256(input.utf8.reversed().reversed())) == expected) // through a copy
    }

    /// One reusable context hashes input after input, each as the one-shot function does.
    @Test func reusableHasherAgreesWithTheOneShotFunction() {
        let hasher = SHA256Hasher()
        for (input, expected) in Self.vectors + Self.vectors {
            #expect(Array(input.utf8).withUnsafeBytes { Hex.encode(hasher.digest($0)) } == expected)
        }
        var generator = SystemRandomNumberGenerator()
        for length in [1, 55, 56, 63, 64, 65, 200] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(bytes.withUnsafeBytes { hasher.digest($0) } == Digest.sha256(bytes))
        }
    }
}
