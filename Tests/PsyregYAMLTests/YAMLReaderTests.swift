import Testing

@testable import PsyregYAML

@Suite struct YAMLReaderTests {
  func read(_ text: String) -> YAMLReader.Result {
    YAMLReader().read(Array(text.utf8))
  }

  func read(bytes: [UInt8]) -> YAMLReader.Result {
    YAMLReader().read(bytes)
  }

  @Test func everyNodeKeepsItsLineAndColumn() throws {
    let result = read("id: us\nlist:\n  - a\n  - {k: v}\n")
    let root = try #require(result.root)
    #expect(root.location == SourceLocation(line: 1, column: 1))
    let pairs = try #require(root.mapping)
    #expect(pairs[0].value.location == SourceLocation(line: 1, column: 5))
    let items = try #require(pairs[1].value.sequence)
    #expect(items[0].location == SourceLocation(line: 3, column: 5))
    #expect(items[1].location == SourceLocation(line: 4, column: 5))
    #expect(items[1].mapping?[0].value.location == SourceLocation(line: 4, column: 9))
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let root = try #require(read("name: Østfold\nx: y\nø: å\n").root)
    #expect(root.mapping?[2].value.location == SourceLocation(line: 3, column: 4))
  }

  @Test func scalarsStayStrings() throws {
    let root = try #require(read("id: no\nyes: on\nnumber: 007\ndate: 2023-01-02\nempty:\n").root)
    let values = root.mapping!.map { $0.value.scalar!.value }
    #expect(values == ["no", "on", "007", "2023-01-02", ""])
    #expect(root.mapping![4].value.isNull)
    #expect(!read("a: 'null'\n").root!.mapping![0].value.isNull)
  }

  @Test func everyDuplicateKeyIsReported() {
    let result = read("a: 1\nb: 2\na: 3\nb: 4\na: 5\n")
    let duplicates = result.issues.filter { $0.kind.name == "duplicateKey" }
    #expect(duplicates.map(\.location!.line) == [3, 4, 5])
    guard case .duplicateKey(_, let first) = duplicates.first?.kind else { return }
    #expect(first == SourceLocation(line: 1, column: 1))
  }

  @Test func duplicateKeysInNestedMappingsAreReported() {
    let result = read("outer:\n  k: 1\n  k: 2\nlist:\n  - {x: 1, x: 2}\n")
    let lines = result.issues.filter { $0.kind.name == "duplicateKey" }.map(\.location!)
    #expect(lines == [SourceLocation(line: 3, column: 3), SourceLocation(line: 5, column: 12)])
  }

  @Test func aliasesExpandToTheAnchoredNode() throws {
    let root = try #require(read("a: &x [1, 2]\nb: *x\n").root)
    #expect(root.mapping![1].value.sequence?.map { $0.scalar!.value } == ["1", "2"])
    #expect(root.mapping![1].value.location == SourceLocation(line: 2, column: 4))
  }

  @Test func anAliasBombIsAnErrorNotAnOutOfMemory() {
    var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let result = read(text)
    #expect(result.root == nil)
    #expect(result.issues.map(\.kind.name) == ["aliasLimit"])
  }

  @Test func syntaxErrorsPointAtLibyamlsProblemMark() {
    let result = read("a: [1, 2\nb: c\n")
    #expect(result.issues.map(\.kind.name) == ["syntax"])
    #expect(result.issues[0].location == SourceLocation(line: 2, column: 2))
  }

  @Test func tabsAreExplained() {
    let result = read("a: 1\n\tb: 2\n")
    guard case .syntax(_, _, let tab) = result.issues.first?.kind else {
      Issue.record("expected a syntax issue, got \(result.issues)")
      return
    }
    #expect(tab)
  }

  @Test func emptyAndCommentOnlyFilesAreEmpty() {
    for text in ["", "   \n\n", "# just a comment\n"] {
      #expect(read(text).issues.map(\.kind.name) == ["empty"], "\(text)")
    }
  }

  @Test func aByteOrderMarkIsAWarningAndTheRestIsRead() throws {
    let result = read(bytes: [0xEF, 0xBB, 0xBF] + Array("a: b\n".utf8))
    #expect(result.issues.map(\.kind.name) == ["byteOrderMark"])
    #expect(!result.issues[0].isFatal)
    #expect(result.root?.mapping?[0].key.location == SourceLocation(line: 1, column: 1))
  }

  @Test func invalidUTF8IsReportedWhereItIs() {
    let result = read(bytes: Array("a: b\nc: ".utf8) + [0xC3, 0x28] + Array("\n".utf8))
    #expect(result.issues.map(\.kind.name) == ["encoding"])
    #expect(result.issues[0].location == SourceLocation(line: 2, column: 4))
  }

  @Test func loneCarriageReturnsEndLinesInReaderErrors() {
    let result = read(bytes: Array("a: 1\rb: 2\rc: 3\rd: ".utf8) + [0xC3, 0x28] + Array("\r".utf8))
    #expect(result.issues.map(\.kind.name) == ["encoding"])
    #expect(result.issues.first?.location?.line == 4)
  }

  @Test func binaryBytesAreReported() {
    let result = read(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])
    #expect(result.issues.map(\.kind.name) == ["binaryContent"])
    #expect(result.root == nil)
  }

  @Test func controlCharactersAreReported() {
    let result = read(bytes: Array("a: b".utf8) + [0x07] + Array("\n".utf8))
    #expect(result.issues.map(\.kind.name) == ["encoding"])
  }

  @Test func deepNestingStopsAtTheBoundWithItsPlace() {
    for (open, close) in [("[", "]"), ("{a: ", "}")] {
      let depth = 70_000
      let text = "x: " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth) + "\n"
      let result = read(text)
      #expect(result.root == nil)
      #expect(result.issues.map(\.kind.name) == ["nestingLimit"])
      // The root mapping is level 1, so the 256th bracket opens level 257.
      let column = 4 + 255 * open.count
      #expect(result.issues.first?.location == SourceLocation(line: 1, column: column))
    }
    var block = ""
    for level in 0..<300 { block += String(repeating: " ", count: level) + "k:\n" }
    #expect(read(block).issues.map(\.kind.name) == ["nestingLimit"])
  }

  @Test func aLargeScalarAliasedManyTimesIsABomb() {
    let big = String(repeating: "x", count: 1 << 20)
    let text = "a: &a \(big)\nb: [" + Array(repeating: "*a", count: 4_000).joined(separator: ", ") + "]\n"
    let result = read(text)
    #expect(result.root == nil)
    #expect(result.issues.map(\.kind.name) == ["aliasBytesLimit"])
  }

  @Test func nodeCountIsBounded() {
    let result = YAMLReader(maxNodes: 1_000).read(
      Array(("l: [" + Array(repeating: "1", count: 2_000).joined(separator: ",") + "]\n").utf8))
    #expect(result.issues.map(\.kind.name) == ["nodeLimit"])
  }

  @Test func duplicateKeysInALargeMappingAreAllFound() {
    var text = ""
    for i in 0..<20_000 { text += "k\(i): v\n" }
    text += "k7: again\nk19999: again\n"
    let found = read(text).issues.compactMap { issue -> Int? in
      guard case .duplicateKey(_, let first) = issue.kind else { return nil }
      return first.line
    }
    #expect(found == [8, 20_000])
  }

  @Test func aSecondDocumentIsAnError() {
    let result = read("a: 1\n---\nb: 2\n")
    #expect(result.issues.map(\.kind.name) == ["multipleDocuments"])
    #expect(result.issues[0].location == SourceLocation(line: 2, column: 1))
  }
}

extension YAMLIssue.Kind {
  /// The case's name, to compare kinds without their payloads.
  var name: String {
    switch self {
    case .byteOrderMark: "byteOrderMark"
    case .empty: "empty"
    case .binaryContent: "binaryContent"
    case .encoding: "encoding"
    case .syntax: "syntax"
    case .multipleDocuments: "multipleDocuments"
    case .duplicateKey: "duplicateKey"
    case .commentInValue: "commentInValue"
    case .unknownAlias: "unknownAlias"
    case .aliasLimit: "aliasLimit"
    case .aliasBytesLimit: "aliasBytesLimit"
    case .nestingLimit: "nestingLimit"
    case .nodeLimit: "nodeLimit"
    }
  }
}
