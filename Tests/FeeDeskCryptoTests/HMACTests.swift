import FeeDeskCrypto
import Testing

@Suite struct HMACTests {
    /// RFC 4231 test cases 1, 2 and 6 (key longer than the block size).
    @Test(arguments: [
        (String(repeating: "0b", count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
         "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
        ("4a656665", Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
         "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
        (String(repeating: "aa", count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
         "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"),
    ])
    func rfc4231(keyHex: String, message: [UInt8], sha256: String, sha512: String) throws {
        let key = try #require(Hex.decode(keyHex))
        #expect(Hex.encode(HMAC.authenticate(.sha256, key: key, message: message)) == sha256)
        #expect(Hex.encode(HMAC.authenticate(.sha512, key: key, message: message)) == sha512)
        #expect(HMAC.verify(.sha256, key: key, message: message, mac: try #require(Hex.decode(sha256))))
    }

    @Test func rejectsAFlippedBitAndAWrongLength() throws {
        let key = Array("secret".utf8)
        let mac = HMAC.authenticate(.sha256, key: key, message: Array("body".utf8))
        var flipped = mac
        flipped[31] ^= 0x01
        #expect(!HMAC.verify(.sha256, key: key, message: Array("body".utf8), mac: flipped))
        #expect(!HMAC.verify(.sha256, key: key, message: Array("body".utf8), mac: Array(mac.prefix(16))))
        #expect(!HMAC.verify(.sha256, key: key, message: Array("body".utf8), mac: []))
    }

    @Test func emptyKeyAndMessageAreValidInputs() {
        #expect(Hex.encode(HMAC.authenticate(.sha256, key: [], message: []))
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([], []))
    }

    @Test(arguments: [("00ff10", [UInt8]([0, 255, 16])), ("ABcd", [0xAB, 0xCD]), ("", [])])
    func hexDecodes(text: String, bytes: [UInt8]) {
        #expect(Hex.decode(text) == bytes)
        #expect(Hex.encode(bytes) == text.lowercased())
    }

    @Test(arguments: ["0", "zz", "0g"])
    func hexRejectsMalformedText(text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test func randomTokensAreLongAndDistinct() throws {
        let tokens = try (0..<100).map { _ in try SecureRandom.token() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && !$0.contains("=") && !$0.contains("+") && !$0.contains("/") })
    }
}

@Suite struct PasswordHashTests {
    @Test func verifiesTheRightPasswordOnly() throws {
        let stored = try PasswordHash.make("Mật khẩu đúng 123", iterations: 1_000)
        #expect(stored.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(PasswordHash.verify("Mật khẩu đúng 123", against: stored))
        #expect(!PasswordHash.verify("Mật khẩu đúng 124", against: stored))
        #expect(!PasswordHash.verify("", against: stored))
        // Same password, different salt, different hash.
        #expect(try PasswordHash.make("x", iterations: 1_000) != PasswordHash.make("x", iterations: 1_000))
    }

    /// RFC 7914 §11 / common PBKDF2-HMAC-SHA256 vector: P="password", S="salt", c=1, dkLen=32.
    @Test func matchesAKnownVector() {
        let stored = "pbkdf2-sha256$1$73616c74$120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        #expect(PasswordHash.verify("password", against: stored))
    }

    @Test(arguments: ["", "plain", "pbkdf2-sha256$x$00$00", "pbkdf2-sha256$1$zz$00", "md5$1$00$00", "pbkdf2-sha256$0$00$00"])
    func refusesMalformedHashes(stored: String) {
        #expect(!PasswordHash.verify("password", against: stored))
    }
}
