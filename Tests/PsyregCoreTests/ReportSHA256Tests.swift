import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// SHA-256 against the FIPS 180-4 / NIST examples and lengths around the padding boundaries
/// (values from coreutils' sha256sum).
@Suite struct ReportSHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
    (
      "The quick brown fox jumps over the lazy dog",
      "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
    ),
  ])
  func knownVectors(input: String, digest: String) {
    #expect(SHA256.hex(input) == digest)
  }

  @Test(arguments: [
    (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
    (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
  ])
  func paddingBoundaries(length: Int, digest: String) {
    #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest)
  }

  @Test func oneMillionAs() {
    #expect(
      SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func incrementalUpdatesMatchOneShot() {
    let text = Array("The quick brown fox jumps over the lazy dog".utf8)
    var hash = SHA256()
    hash.update(text[0..<10])
    hash.update(text[10...])
    #expect(hash.finalizeHex() == SHA256.hex(text))
  }

  /// The identity is sha256sum's manifest, hashed: `find … | LC_ALL=C sort | xargs sha256sum | sha256sum`.
  @Test func ruleSetIdentityIsTheHashOfASha256sumManifest() {
    let identity = RuleSetIdentity.compute([
      ("z.yaml", Array("x\n".utf8)), ("b/c.yaml", Array("y\n".utf8)),
      ("B.yaml", Array("id: no\n".utf8)),
    ])
    #expect(identity.sha256 == "55aa42e00c5c800f799ef2a2cd8b2096325f47cce4ca2aa931731d16355ebf88")
    #expect(identity.fileCount == 3)
    #expect(identity.short == "55aa42e00c5c")
  }

  @Test func theLoadersDigestsNameTheBytesItDecoded() throws {
    let sources: [(path: String, text: String)] = [
      ("Rules/substances/lsd.yaml", "id: lsd\nname: LSD\nkind: compound\n"),
      ("Rules/jurisdictions/xx.yaml", "id: xx\nname: XX\nkind: national\n"),
    ]
    var loader = RuleLoader()
    loader.recordsDigests = true
    let loaded = try RuleBook.load(sources: sources, loader: loader)
    let expected = RuleSetIdentity.compute(
      sources.map { (RuleSetIdentity.relative($0.path, to: "Rules"), Array($0.text.utf8)) })
    #expect(loaded.identity(root: "Rules") == expected)
    #expect(try RuleBook.load(sources: sources).identity(root: "Rules") == nil, "digests are recorded only when asked")
  }

  @Test func ruleSetPathsAreRelativeToTheRulesFolder() {
    #expect(
      RuleSetIdentity.relative("Rules/substances/mdma.yaml", to: "Rules") == "substances/mdma.yaml")
    #expect(
      RuleSetIdentity.relative("Rules/substances/mdma.yaml", to: "Rules/") == "substances/mdma.yaml"
    )
    #expect(RuleSetIdentity.relative("./x/y.yaml", to: ".") == "x/y.yaml")
    #expect(RuleSetIdentity.relative("Other/y.yaml", to: "Rules") == "Other/y.yaml")
  }
}
