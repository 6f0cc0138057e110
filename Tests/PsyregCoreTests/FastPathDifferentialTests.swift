import Foundation
import PsyregTestSupport
import Testing

@testable import PsyregCore

/// The compiled question index (`RuleBook.answer`, `RuleBook.verdict`) against the reference
/// evaluator (`RuleBook.referenceAnswer`, which resolves every layer from the histories): the
/// same answer, layer for layer, for every substance, jurisdiction and activity, on every day
/// an answer can change, the day before and the day after, with and without facts.
@Suite struct FastPathDifferentialTests {
  static let factSets: [Facts] = [
    Facts(),
    Facts(age: 19),
    Facts(age: 40, indication: "ptsd", prescriber: "psychiatrist"),
    Facts(indication: "treatment-resistant-depression", prescriber: "physician"),
  ]

  /// The days around which answers of a jurisdiction can change: the entries and adoptions of
  /// its layers and of the layers they adopt, each with the day before and after, and two far days.
  static func days(_ book: RuleBook, _ jurisdiction: String) -> [CivilDate] {
    var layers = book.layers(of: jurisdiction).map(\.id)
    var seen = Set(layers)
    var i = 0
    while i < layers.count {
      for adoption in book.jurisdictions[layers[i]]?.adoptions ?? [] where seen.insert(adoption.layer).inserted {
        layers.append(adoption.layer)
      }
      i += 1
    }
    var days: Set<CivilDate> = [CivilDate(year: 1, month: 1, day: 1)!, CivilDate(year: 9999, month: 12, day: 31)!]
    for id in layers {
      guard let layer = book.jurisdictions[id] else { continue }
      for day in layer.timeline.map(\.date) + layer.adoptions.map(\.from) {
        // The day before ends the stretch before; the day itself starts the next (a change the
        // day after is itself a change day).
        days.formUnion([day.adding(days: -1), day])
      }
    }
    return days.sorted()
  }

  /// Compares every question of a book (or of some of its jurisdictions); returns how many were compared.
  @discardableResult
  static func compare(_ book: RuleBook, label: String, factsEvery: Int = 1, only: [String]? = nil) -> Int {
    var compared = 0
    var mismatches = 0
    for jurisdiction in book.sortedJurisdictions where only?.contains(jurisdiction.id) ?? true {
      let days = days(book, jurisdiction.id)
      for substance in book.sortedSubstances {
        for (d, day) in days.enumerated() {
          for activity in Activity.allCases {
            for (f, facts) in factSets.enumerated() where f == 0 || d % factsEvery == 0 {
              let question = Question(
                substance: substance.id, jurisdiction: jurisdiction.id, activity: activity, date: day, facts: facts)
              let fast = book.answer(question)
              let reference = book.referenceAnswer(question)
              compared += 1
              let same =
                fast.verdict == reference.verdict && fast.conflict == reference.conflict
                && fast.question == reference.question && fast.substance == reference.substance
                && fast.jurisdiction == reference.jurisdiction && fast.layers == reference.layers
                && fast.beside == reference.beside
              if !same {
                mismatches += 1
                if mismatches <= 5 {
                  Issue.record(
                    "\(label): \(substance.id) in \(jurisdiction.id), \(activity.rawValue), \(day), facts \(facts): fast \(fast.verdict) \(fast.layers.map { "\($0.jurisdiction.id) \($0.verdict) \($0.origin) \(String(describing: $0.since))" }), reference \(reference.verdict) \(reference.layers.map { "\($0.jurisdiction.id) \($0.verdict) \($0.origin) \(String(describing: $0.since))" })"
                  )
                }
              }
              if f == 0 {
                let verdict = book.verdict(
                  book.substanceID(substance.id)!, in: book.jurisdictionID(jurisdiction.id)!, activity: activity,
                  on: day)
                if verdict != reference.verdict {
                  mismatches += 1
                  Issue.record(
                    "\(label): verdict-only \(substance.id) in \(jurisdiction.id), \(activity.rawValue), \(day): \(verdict), reference \(reference.verdict)"
                  )
                }
              }
            }
          }
        }
      }
    }
    #expect(mismatches == 0, "\(label): \(mismatches) of \(compared) questions differ")
    return compared
  }

  static let shipped = try! RuleBook.load(paths: [shippedRules]).book
  /// The shipped jurisdictions in four groups, run in parallel.
  static let shippedGroups: [[String]] = {
    let ids = shipped.sortedJurisdictions.map(\.id)
    return (0..<4).map { g in ids.enumerated().filter { $0.offset % 4 == g }.map(\.element) }
  }()

  @Test(arguments: 0..<4) func shippedRuleSet(group: Int) throws {
    let compared = Self.compare(Self.shipped, label: "shipped", factsEvery: 20, only: Self.shippedGroups[group])
    #expect(compared > 10_000)
    print("shipped group \(group): \(compared) questions compared")
  }

  @Test func fixtureRuleSets() {
    Self.compare(Fixture.book, label: "Fixture")
    Self.compare(ScheduleSemanticsTests.book, label: "ScheduleSemanticsTests")
  }

  /// Every catalogue example, errors included: the book compiles what it can of rules with
  /// cycles, unknown layers and missing schedules, and both evaluators must agree on those too.
  @Test func checkExamples() {
    var books = 0
    for check in Check.all {
      let examples: [Check.Example] = check.triggering + check.nonTriggering
      for example in examples {
        let files = Check.context.merging(example.files) { _, new in new }
        let rules = loadNamedMarkers(files).0.rules
        let label = check.code.rawValue + " example"
        Self.compare(RuleBook(rules), label: label)
        books += 1
      }
    }
    #expect(books > 50)
  }

  @Test func reportFixture() {
    Self.compare(ReportFixture.book, label: "report fixture")
  }

  @Test func askByNameMatchesIDs() throws {
    let book = Fixture.book
    let byName = try book.ask("Spravato", in: "USA", activity: .medical, on: date("2020-01-01"))
    let byID = book.answer(
      book.substanceID("esketamine")!, in: book.jurisdictionID("us")!, activity: .medical, on: date("2020-01-01"))
    #expect(byName == byID)
    #expect(book.substanceID("Spravato") == nil)
    #expect(try book.resolveSubstanceID("spravato") == book.substanceID("esketamine"))
  }
}

/// The byte-wise ASCII path of `NameIndex.normalize` against the scalar-wise general one.
@Suite struct NormalizeFastPathTests {
  @Test func asciiPathMatchesGeneralPath() throws {
    var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
    samples += ["US-OR", "State of Oregon", "d.c.", "O'Hare", "ecstasy", "MDMA", "a_b c-d.e'f", "", "\r\n", "Tab\tX"]
    let book = Fixture.book
    samples += book.substanceNames.names + book.jurisdictionNames.names
    let shipped = try RuleBook.load(paths: [shippedRules]).book
    samples += shipped.substanceNames.names + shipped.jurisdictionNames.names
    for sample in samples {
      if let ascii = NameIndex.normalizeASCII(sample) {
        #expect(ascii == NameIndex.normalizeScalars(sample), "\(Array(sample.utf8))")
        #expect(Array(ascii.utf8) == Array(NameIndex.normalizeScalars(sample).utf8))
      } else {
        #expect(sample.utf8.contains { $0 >= 0x80 })
      }
    }
    #expect(NameIndex.normalizeASCII("Østfold") == nil)
    #expect(NameIndex.normalize("Østfold") == "ostfold")
  }
}

/// Names typed exactly as written resolve from the exact-bytes table; the same as normalising.
@Suite struct ExactNameTests {
  @Test func exactNamesResolveAsNormalised() throws {
    let shipped = try RuleBook.load(paths: [shippedRules]).book
    for index in [shipped.substanceNames, shipped.jurisdictionNames, Fixture.book.substanceNames] {
      for name in index.names {
        #expect(index.resolve(name) == index.resolveScalars(name), "\(name)")
        // Canonically equivalent but differently written text is normalised, not looked up.
        let decomposed = String(String.UnicodeScalarView(name.decomposedScalars()))
        #expect(index.resolve(decomposed) == index.resolveScalars(decomposed))
      }
    }
    // The book's table of names as written gives what resolving them does.
    for name in shipped.substanceNames.names {
      let ids = shipped.substanceNames.resolveScalars(name)
      #expect((try? shipped.resolveSubstanceID(name)) == (ids.count == 1 ? shipped.substanceID(ids[0]) : nil))
    }
    for name in shipped.jurisdictionNames.names {
      let ids = shipped.jurisdictionNames.resolveScalars(name)
      #expect((try? shipped.resolveJurisdictionID(name)) == (ids.count == 1 ? shipped.jurisdictionID(ids[0]) : nil))
    }
    var index = NameIndex()
    index.add(id: "x", names: ["\u{01D6}"])  // ǖ, not in the Latin table: normalises to itself
    #expect(index.resolve("\u{01D6}") == ["x"])
    #expect(index.resolve("u\u{0308}\u{0304}") == [])  // canonically equal, but normalises to "u"
  }
}

/// The timeline reads each layer's verdict the day before and the day of an entry from the
/// compiled index; the reference evaluator's `resolve` must agree for every shipped entry.
@Suite struct TimelineFastPathTests {
  @Test func everyShippedChangeIsWhatTheReferenceResolves() {
    let book = FastPathDifferentialTests.shipped
    var checked = 0
    for item in book.timeline(TimelineQuery()) {
      for change in item.changes + item.confirms {
        let layer = item.jurisdiction.id
        let before = book.resolve(change.substance, in: layer, change.activity, on: item.entry.date.adding(days: -1))
        let after = book.resolve(change.substance, in: layer, change.activity, on: item.entry.date)
        #expect(change.before == before?.ruling.verdict ?? .unknown, "\(layer) \(item.entry.title) \(change)")
        #expect(change.after == after?.ruling.verdict ?? .unknown, "\(layer) \(item.entry.title) \(change)")
        checked += 1
      }
    }
    #expect(checked > 5_000, "every shipped entry's changes are checked")
  }
}
