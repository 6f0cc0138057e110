import PsyregCore
import PsyregGen
import PsyregRender
import Testing

/// The synthetic rule sets the benchmarks and scripts/scaling.sh run on: they load without a
/// diagnostic (so `psyreg validate --strict` passes), their expectation cases pass, they are
/// the same bytes for the same seed, and `edits` changes only a few entries.
@Suite struct GeneratorTests {
  static let config = GeneratorConfig(seed: 7, jurisdictions: 60, entries: 1_500, substances: 24, cases: 120)

  static func load(_ files: [GeneratedFile]) -> RuleLoader.Output {
    RuleLoader().load(sources: RuleSetGenerator.sources(files))
  }

  @Test func loadsWithoutAnyDiagnostic() {
    let files = RuleSetGenerator(Self.config).allFiles()
    let output = Self.load(files)
    #expect(output.diagnostics.isEmpty, "\(output.diagnostics.prefix(5).map(\.formatted))")
    #expect(output.rules.jurisdictions.count == 60)
    #expect(output.rules.substances.count == 24)
    #expect(output.rules.jurisdictions.reduce(0) { $0 + $1.timeline.count } == 1_500)
    #expect(output.rules.cases.count == 120)
  }

  @Test func hasTheShapesOfTheShippedRules() {
    let rules = Self.load(RuleSetGenerator(Self.config).ruleFiles()).rules
    let kinds = Set(rules.jurisdictions.map(\.kind))
    #expect(kinds == [.international, .national, .state, .city])
    #expect(rules.jurisdictions.contains { !$0.schedules.isEmpty && $0.kind == .state })
    #expect(rules.jurisdictions.contains { !$0.adoptions.isEmpty && $0.kind == .city })
    let entries = rules.jurisdictions.flatMap(\.timeline)
    #expect(entries.contains { $0.isClassWide })
    #expect(entries.contains { $0.isListing })
    #expect(entries.contains { $0.endsListing })
    #expect(entries.contains { $0.verdicts.isEmpty })
    #expect(rules.substances.contains { $0.inheritsFrom != nil })
  }

  @Test func expectationCasesPass() throws {
    let book = try RuleBook.load(sources: RuleSetGenerator.sources(RuleSetGenerator(Self.config).allFiles())).book
    let results = book.runAll()
    #expect(results.count == 120)
    let failed = results.filter { !$0.passed }
    #expect(failed.isEmpty, "\(failed.prefix(3).map(\.failures))")
  }

  @Test func sameSeedSameBytes() {
    #expect(RuleSetGenerator(Self.config).ruleFiles() == RuleSetGenerator(Self.config).ruleFiles())
    var other = Self.config
    other.seed = 8
    #expect(RuleSetGenerator(other).ruleFiles() != RuleSetGenerator(Self.config).ruleFiles())
  }

  @Test func editsChangeAFewEntries() throws {
    var edited = Self.config
    edited.edits = 6
    let oldFiles = RuleSetGenerator(Self.config).ruleFiles()
    let newFiles = RuleSetGenerator(edited).ruleFiles()
    let output = Self.load(newFiles)
    #expect(output.diagnostics.isEmpty, "\(output.diagnostics.prefix(5).map(\.formatted))")
    let changed = zip(oldFiles, newFiles).filter { $0.0 != $0.1 }.count
    #expect(changed >= 1 && changed <= 6)
    let diff = RuleDiff(old: RuleBook(Self.load(oldFiles).rules), new: RuleBook(output.rules))
    #expect(!diff.isEmpty)
  }

  @Test func manyEntriesPerJurisdictionShareDaysWithoutContradiction() {
    // More entries than days of history in one file: entries that share a day set no verdict.
    var config = GeneratorConfig(seed: 3, jurisdictions: 2, entries: 2_000, substances: 6, cases: 0)
    config.historyDays = 300
    let output = Self.load(RuleSetGenerator(config).ruleFiles())
    #expect(!output.diagnostics.hasErrors, "\(output.diagnostics.prefix(5).map(\.formatted))")
  }
}
