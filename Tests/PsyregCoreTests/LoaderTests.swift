import Foundation
import PsyregGen
import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

@Suite struct LoaderTests {
  @Test func cyclesAreFoundOnceEach() {
    #expect(RuleSetValidator.cycles([("a", "a")]) == [["a", "a"]])
    #expect(RuleSetValidator.cycles([("a", "b"), ("b", "c"), ("c", "a")]) == [["a", "b", "c", "a"]])
    // d leads into the cycle but is not on it.
    #expect(RuleSetValidator.cycles([("d", "a"), ("a", "b"), ("b", "a")]) == [["a", "b", "a"]])
    #expect(RuleSetValidator.cycles([("a", "b"), ("b", nil), ("c", "zz")]).isEmpty)
  }

  @Test func everyFileIsReadAndEveryProblemCollected() {
    let output = load([
      "Rules/substances/a.yaml": "id: a\nname: [A\n",
      "Rules/substances/b.yaml": "id: b\nname: B\nkind: mineral\n",
      "Rules/substances/c.yaml": "id: c\nname: C\nkind: compound\n",
      "Rules/jurisdictions/x.yaml": "id: x\nname: X\nkind: national\nparent: nowhere\nnote: ok\nnoet: typo\n",
    ])
    let found = output.diagnostics.map { "\($0.position.file):\($0.code.rawValue)" }.sorted()
    #expect(
      found == [
        "Rules/jurisdictions/x.yaml:ref.unknown-jurisdiction", "Rules/jurisdictions/x.yaml:schema.unknown-key",
        "Rules/substances/a.yaml:yaml.syntax", "Rules/substances/b.yaml:value.unknown-substance-kind",
      ])
    #expect(output.rules.substances.map(\.id) == ["c"])
  }

  @Test func foldersAreSearchedRecursivelyForYAMLOnly() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("psyreg-loader-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let files = [
      "substances/b.yaml": "id: b\nname: B\nkind: compound\n",
      "substances/deep/a.yml": "id: a\nname: A\nkind: compound\n",
      "substances/notes.txt": "not a rule",
      ".hidden/x.yaml": "not: read",
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    let output = RuleLoader().load(paths: [root.path, root.path + "/substances/b.yaml"])
    #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.formatted))")
    #expect(
      output.rules.files.map { $0.replacingOccurrences(of: root.path + "/", with: "") } == [
        "substances/b.yaml", "substances/deep/a.yml",
      ])
  }

  @Test func theNorwayProblemDoesNotArise() throws {
    let output = load([
      "Rules/jurisdictions/no.yaml": "id: no\nname: Norway\nkind: national\naliases: [Norge, no]\n"
    ])
    #expect(output.diagnostics.isEmpty)
    #expect(output.rules.jurisdictions.first?.id == "no")
  }

  @Test func badValuesAreReportedWithTheAllowedOnes() {
    let output = load([
      "Rules/jurisdictions/un.yaml": "id: un\nname: UN\nkind: international\n",
      "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n",
      "Rules/jurisdictions/us.yaml": Check.usFile(["verdicts:\n      posession: prohibited"]),
    ])
    let message = output.diagnostics.first { $0.code == .valueUnknownActivity }?.message ?? ""
    #expect(message.contains("did you mean 'possession'?"))
    #expect(message.contains("supervised-use"))
  }
}

@Suite struct BadInputTests {
  @Test func anUnreadableRuleFileIsReportedNotSkipped() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("psyreg-bad-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("gone.yaml").path, withDestinationPath: "/nonexistent/psyreg.yaml")
    let output = RuleLoader().load(paths: [root.path])
    #expect(output.diagnostics.map(\.code) == [.fileUnreadable])
    #expect(output.diagnostics.first?.position.file.hasSuffix("gone.yaml") == true)
    #expect(output.diagnostics.first?.message.contains("no such file") == true)
  }

  /// Mutated rule files (bytes flipped, cut, duplicated) never crash or trap the loader: each
  /// is read to the end with diagnostics or cleanly. Seeded, so a failure can be replayed.
  @Test(arguments: 0..<4)
  func mutatedFilesNeverCrash(seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
    let original = Array(Check.usFile([]).utf8)
    let alphabet = Array("-:[]{}&*!|>'\"#%@`,?\t\n \u{0}\u{FF}".utf8)
    for _ in 0..<400 {
      var bytes = original
      for _ in 0..<Int(generator.next() % 6) + 1 {
        let position = Int(generator.next() % UInt64(bytes.count))
        switch generator.next() % 4 {
        case 0: bytes[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
        case 1: bytes.removeSubrange(position..<min(bytes.count, position + Int(generator.next() % 8) + 1))
        case 2: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 12)], at: position)
        default: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
        }
        if bytes.isEmpty { bytes = [0x20] }
      }
      let result = RuleLoader().decode(bytes, file: "Rules/jurisdictions/us.yaml")
      for diagnostic in result.diagnostics {
        #expect(diagnostic.position.file == "Rules/jurisdictions/us.yaml")
        if let location = diagnostic.position.location { #expect(location.line >= 1 && location.column >= 1) }
      }
    }
  }
}

@Suite struct SourceURLTests {
  @Test func onlyHTTPURLsWithAHostCount() {
    for good in ["https://example.org", "http://example.org/x?y#z", "HTTPS://Example.org/", "https://a"] {
      #expect(SchemaReader.isHTTPURL(good), "\(good)")
    }
    for bad in [
      "", "example.org", "ftp://example.org", "https://", "https:///path", "https://exa mple.org", "httpx://a",
      "http:/a", "50 FR 23118", "mailto:x@example.org",
    ] {
      #expect(!SchemaReader.isHTTPURL(bad), "\(bad)")
    }
  }
}

@Suite struct CycleSearchTests {
  @Test func cyclesAreFoundOnceStartingAtTheirFirstListedMember() {
    let links: [(id: String, link: String?)] = [
      ("a", "b"), ("x", "y"), ("b", "c"), ("c", "a"), ("y", "x"), ("t", "a"), ("s", "s"), ("u", nil),
    ]
    #expect(RuleSetValidator.cycles(links) == [["a", "b", "c", "a"], ["x", "y", "x"], ["s", "s"]])
  }

  @Test func aLongChainIsWalkedOnceAndHasNoCycle() {
    let n = 20_000
    var links = (0..<n).map { (id: "j\($0)", link: Optional("j\($0 + 1)")) }
    links.append((id: "j\(n)", link: nil))
    #expect(RuleSetValidator.cycles(links).isEmpty)
    links[n] = (id: "j\(n)", link: "j0")
    #expect(RuleSetValidator.cycles(links).map(\.count) == [n + 2])
  }
}

@Suite struct ProblemCapTests {
  @Test func aFileReportsAtMostTwoHundredProblemsAndCountsTheRest() {
    let text = "id: mdma\nname: MDMA\nkind: compound\n" + (1...1_000).map { "x\($0): 1\n" }.joined()
    let output = load(["Rules/substances/mdma.yaml": text])
    #expect(output.diagnostics.count == 201)
    #expect(output.diagnostics.filter { $0.code == .schemaUnknownKey }.count == 200)
    let last = output.diagnostics.last
    #expect(last?.code == .fileTooManyProblems)
    #expect(
      last?.message
        == "800 more problems in this file are not shown (only the first 200 are); fix these and validate again")
  }
}
