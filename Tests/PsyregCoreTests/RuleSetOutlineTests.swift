import Foundation
import PsyregRender
import PsyregTestSupport
import Testing

@testable import PsyregCore

/// The outline a cold `ask` answers from (`RuleSetOutline`): the files it picks give the answers
/// the whole rule set gives, and its bytes decode back or fail cleanly.
@Suite struct RuleSetOutlineTests {
  static let shipped = FastPathDifferentialTests.shipped

  /// Every jurisdiction of the shipped rules, each with two substances (all of them in turn),
  /// on every day its answers can change: the book of the outline's files answers as the whole
  /// book does, layer for layer, and renders the same text.
  @Test func partOfTheShippedRulesAnswersAsTheWhole() throws {
    let outline = try #require(RuleSetOutline(Self.shipped))
    let substances = Self.shipped.sortedSubstances.map(\.id)
    var compared = 0
    for (index, jurisdiction) in Self.shipped.sortedJurisdictions.map(\.id).enumerated() {
      for substance in [substances[index % substances.count], substances[(index * 7 + 3) % substances.count]] {
        let files = try #require(outline.files(substance: substance, jurisdiction: jurisdiction))
        #expect(
          files.count < Self.shipped.files.count / 4, "\(substance) in \(jurisdiction) reads \(files.count) files")
        let part = try #require(RuleBook.loadPart(files: files), "\(files)")
        for day in FastPathDifferentialTests.days(Self.shipped, jurisdiction) {
          for activity in Activity.allCases {
            let question = Question(substance: substance, jurisdiction: jurisdiction, activity: activity, date: day)
            let whole = Self.shipped.answer(question)
            let fromPart = part.answer(question)
            compared += 1
            guard whole != fromPart else { continue }
            Issue.record("\(substance) in \(jurisdiction), \(activity) on \(day): the part answers differently")
            return
          }
        }
        let day = CivilDate("2024-06-01")!
        let answers = { (book: RuleBook) in
          Activity.allCases.map {
            book.answer(Question(substance: substance, jurisdiction: jurisdiction, activity: $0, date: day))
          }
        }
        #expect(AnswerTextRenderer().render(answers(part)) == AnswerTextRenderer().render(answers(Self.shipped)))
        #expect(AnswerJSONRenderer().render(answers(part)) == AnswerJSONRenderer().render(answers(Self.shipped)))
      }
    }
    #expect(compared > 50_000)
  }

  /// Every id, name and alias of the shipped rules, as written and as people mistype them,
  /// means to the outline what it means to the book (ambiguous and unknown names included).
  @Test func namesResolveAsTheBookResolvesThem() throws {
    let outline = try #require(RuleSetOutline(Self.shipped))
    let variants = { (name: String) in
      [
        name, name.uppercased(), name.lowercased() + " ", "the " + name, String(name.dropLast()), name + "x",
        "Sao Paulo",
      ]
    }
    var checked = 0
    for name in Self.shipped.substanceNames.names.flatMap(variants) {
      #expect(outline.substances(named: name) == Self.shipped.substanceNames.resolve(name), "\(name)")
      checked += 1
    }
    for name in Self.shipped.jurisdictionNames.names.flatMap(variants) {
      #expect(outline.jurisdictions(named: name) == Self.shipped.jurisdictionNames.resolve(name), "\(name)")
      checked += 1
    }
    #expect(checked > 1_000)
  }

  /// An isomer reads its parent's file, a state its nation's and the treaty's, a layer that
  /// adopts another that layer's (and its parents): the fixture's links, followed however deep.
  @Test func filesFollowLineageParentsAndAdoption() throws {
    let adopting = """
      id: xa
      name: Xanadu
      kind: national
      parent: un
      adopts:
      - layer: us-or
        from: '2001-01-01'
        instrument: Act 1
        sources: [https://example.org/xa]
        confidence: high
      timeline: []

      """
    // On disk, as `ask` reads them.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("psyreg-outline-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for (path, text) in Fixture.files.map({ ($0.key, $0.value) }) + [("Rules/jurisdictions/xa.yaml", adopting)] {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: false, encoding: .utf8)
    }
    let rules = root.appendingPathComponent("Rules").path
    let book = try RuleBook.load(paths: [rules]).book
    let outline = try #require(RuleSetOutline(book))
    let file = { (name: String) in rules + "/" + name }
    let state = ["jurisdictions/un.yaml", "jurisdictions/us-or.yaml", "jurisdictions/us.yaml"].map(file)
    let esketamine = ["substances/esketamine.yaml", "substances/ketamine.yaml"].map(file)
    #expect(outline.files(substance: "esketamine", jurisdiction: "us-or") == state + esketamine)
    #expect(
      outline.files(substance: "esketamine", jurisdiction: "xa") == state + [file("jurisdictions/xa.yaml")] + esketamine
    )
    #expect(outline.files(substance: "ketamine", jurisdiction: "un") == [state[0], esketamine[1]])
    #expect(outline.files(substance: "nothing", jurisdiction: "us-or") == nil)
    #expect(outline.files(substance: "mdma", jurisdiction: "Oregon") == nil, "ids, not names")
    #expect(outline.substances(named: "Spravato") == ["esketamine"])
    #expect(outline.jurisdictions(named: "usa") == ["us"])
    #expect(outline.changeDays == book.changeDays)
    for today in ["1970-01-01", "2020-01-01", "2030-01-01"].map({ CivilDate($0)! }) {
      #expect(RuleBook.reviewDate(changeDays: outline.changeDays, asOf: today) == book.reviewDate(asOf: today))
    }
    // Xanadu's answers, from its files alone, are the whole book's.
    let xanadu = try #require(outline.files(substance: "esketamine", jurisdiction: "xa"))
    let part = try #require(RuleBook.loadPart(files: xanadu))
    for day in ["2000-06-01", "2001-01-01", "2024-06-01"].map({ CivilDate($0)! }) {
      for activity in Activity.allCases {
        let question = Question(substance: "esketamine", jurisdiction: "xa", activity: activity, date: day)
        #expect(part.answer(question) == book.answer(question))
      }
    }
  }

  @Test func bytesDecodeBackAndEveryTruncationFails() throws {
    let outline = try #require(RuleSetOutline(Self.shipped))
    var writer = ByteWriter()
    outline.encoded(into: &writer)
    var reader = ByteReader(writer.bytes)
    #expect(try RuleSetOutline(decoding: &reader) == outline)
    #expect(reader.isAtEnd)
    // Cut anywhere (a sample of the cuts: every one would be quadratic), it throws, never traps.
    for cut in stride(from: 0, to: writer.bytes.count, by: max(1, writer.bytes.count / 500)) {
      var cutReader = ByteReader(Array(writer.bytes[..<cut]))
      #expect(throws: ByteReader.Malformed.self) { try RuleSetOutline(decoding: &cutReader) }
    }
  }

  @Test func integersRoundTripAndHugeCountsFail() throws {
    var writer = ByteWriter()
    let values = [0, 1, -1, 127, 128, -129, 300, Int(Int32.max), Int.max, Int.min]
    for value in values { writer.integer(value) }
    var reader = ByteReader(writer.bytes)
    #expect(try values.map { _ in try reader.integer() } == values)
    // A count larger than the bytes left is refused before anything is allocated for it.
    var big = ByteWriter()
    big.integer(1 << 40)
    var bigReader = ByteReader(big.bytes)
    #expect(throws: ByteReader.Malformed.self) { try bigReader.strings() }
    // Eleven continuation bytes overflow 64 bits.
    var long = ByteReader(Array(repeating: 0xFF, count: 11))
    #expect(throws: ByteReader.Malformed.self) { try long.integer() }
  }

  /// Out-of-order ids or a file index out of range (a foreign or damaged file) are refused.
  @Test func entriesOutOfOrderOrOutOfRangeAreRefused() throws {
    let entry = { (id: String, file: Int) in RuleSetOutline.Entry(id: id, names: [], file: file, links: []) }
    for outline in [
      RuleSetOutline(files: ["a.yaml"], substances: [entry("b", 0), entry("a", 0)], jurisdictions: [], changeDays: []),
      RuleSetOutline(files: ["a.yaml"], substances: [], jurisdictions: [entry("a", 1)], changeDays: []),
    ] {
      var writer = ByteWriter()
      outline.encoded(into: &writer)
      var reader = ByteReader(writer.bytes)
      #expect(throws: ByteReader.Malformed.self) { try RuleSetOutline(decoding: &reader) }
    }
  }
}
