import FeeDeskCrypto
import Testing

@Suite struct DigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("Phí chứng thực", "27c67759a30da3ae8e5bcd00f77529280c5cd94e279daa4eb5ccc1692cef4e41"),
    ])
    func sha256(input: String, expected: String) {
        #expect(Digest.sha256Hex(input) == expected)
    }
}
