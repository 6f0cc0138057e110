import Foundation
import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// Rule diffs on in-memory pairs of rule sets, with the exact date ranges of the answers that change.
@Suite struct DiffTests {
  static let xa = DiffFixture.xa
  static func files(xa: String = DiffFixture.xa, extra: [String: String] = [:]) -> [(path: String, text: String)] {
    DiffFixture.files(xa: xa, extra: extra)
  }

  static func book(_ files: [(path: String, text: String)]) -> RuleBook {
    let output = RuleLoader().load(sources: files)
    #expect(
      output.diagnostics.filter { $0.severity == .error }.isEmpty,
      "\(output.diagnostics.map(\.formatted))")
    return RuleBook(output.rules)
  }

  static func diff(
    old: [(path: String, text: String)] = files(), new: [(path: String, text: String)]
  ) -> RuleDiff {
    RuleDiff(old: book(old), new: book(new))
  }

  /// One replacement in the Xanadu file, which must apply.
  static func xa(replacing target: String, with replacement: String) -> String {
    #expect(xa.contains(target), "fixture lacks \(target)")
    return xa.replacingOccurrences(of: target, with: replacement)
  }

  static func lines(_ diff: RuleDiff) -> [String] { diff.answers.map(\.line) }

  @Test func identicalRulesHaveNoChanges() {
    let diff = Self.diff(new: Self.files())
    #expect(diff.isEmpty)
    #expect(DiffSummary(diff).sentence == "No changes to the rules")
  }

  @Test func movingLinesChangesNothing() {
    let moved = "# a comment that shifts every line\n\n" + Self.xa
    #expect(Self.diff(new: Self.files(xa: moved)).isEmpty)
  }

  @Test func anAddedEntryChangesAnswersFromItsDateOn() {
    let added =
      Self.xa + """
          - date: 2025-01-01
            kind: rescheduled
            substances: [psilocybin]
            title: Psilocybin for depression
            instrument: Act 5
            sources: [https://example.org/act5]
            confidence: high
            verdicts:
              medical: {verdict: conditional, conditions: [an authorised prescriber]}

        """
    let diff = Self.diff(new: Self.files(xa: added))
    #expect(diff.entries.count == 1)
    let entry = diff.entries[0]
    #expect(entry.change == .added)
    #expect(entry.jurisdiction == "xa")
    #expect(entry.entry.date == day("2025-01-01"))
    #expect(entry.origin.file == "Rules/jurisdictions/xa.yaml")
    #expect(entry.origin.line == 47)
    #expect(
      Self.lines(diff) == ["psilocybin · xa · medical: prohibited → conditional from 2025-01-01"])
    #expect(diff.answers[0].from == day("2025-01-01"))
    #expect(diff.answers[0].to == nil)
    #expect(diff.answers[0].conditionsAdded == ["an authorised prescriber"])
    #expect(
      DiffSummary(diff).sentence
        == "1 entry changed (1 added, 0 removed, 0 changed), 1 answer changed in 1 jurisdiction")
  }

  @Test func aDateMoveIsOneChangedEntryAndAClosedRange() {
    let moved = Self.xa(replacing: "- date: 2023-07-01", with: "- date: 2023-08-01")
    let diff = Self.diff(new: Self.files(xa: moved))
    #expect(diff.entries.count == 1)
    let entry = diff.entries[0]
    #expect(entry.change == .changed)
    #expect(entry.fields == [FieldChange(field: "date", old: "2023-07-01", new: "2023-08-01")])
    #expect(entry.dateText == "2023-07-01 → 2023-08-01")
    #expect(entry.location == "Rules/jurisdictions/xa.yaml:38")
    #expect(
      Self.lines(diff) == [
        "mdma · xa · medical: conditional → prohibited from 2023-07-01 to 2023-07-31"
      ])
    #expect(diff.answers[0].conditionsRemoved == ["prescribed by a psychiatrist"])
  }

  @Test func aChangedVerdictReachesIsomersToo() {
    let changed = Self.xa(
      replacing: "medical: {verdict: conditional, conditions: [a prescription]}",
      with: "medical: prohibited")
    let diff = Self.diff(new: Self.files(xa: changed))
    #expect(diff.entries.map(\.change) == [.changed])
    #expect(
      diff.entries[0].fields == [
        FieldChange(
          field: "verdicts.medical", old: "conditional [a prescription]", new: "prohibited")
      ])
    #expect(
      Self.lines(diff) == [
        "esketamine · xa · medical: conditional → prohibited from 2010-01-01",
        "ketamine · xa · medical: conditional → prohibited from 2010-01-01",
      ])
  }

  @Test func anAddedLayerMakesItsAnswersKnown() {
    let state = """
      id: xa-n
      name: North Xanadu
      kind: state
      parent: xa
      timeline:
        - date: 2021-01-01
          kind: program-opened
          substances: [psilocybin]
          title: Service centres open
          instrument: Measure 1
          sources: [https://example.org/m1]
          confidence: high
          verdicts:
            supervised-use: {verdict: conditional, conditions: [at a licensed centre]}

      """
    let diff = Self.diff(new: Self.files(extra: ["Rules/jurisdictions/xa-n.yaml": state]))
    #expect(
      diff.definitions.map { "\($0.change) \($0.what) \($0.id)" } == ["added jurisdiction xa-n"])
    #expect(diff.entries.map(\.change) == [.added])
    #expect(diff.entries[0].jurisdiction == "xa-n")
    let lines = Self.lines(diff)
    // Everything is unknown on the old side: the new layer's answers all show, each
    // from the date the layers' entries make it known.
    #expect(lines.contains("psilocybin · xa-n · possession: unknown → prohibited from 2000-01-01"))
    #expect(
      lines.contains(
        "psilocybin · xa-n · supervised-use: unknown → prohibited from 2000-01-01 to 2020-12-31"))
    #expect(
      lines.contains(
        "psilocybin · xa-n · supervised-use: unknown → prohibited (conflict) from 2021-01-01"))
    #expect(lines.contains("mdma · xa-n · possession: unknown → prohibited on every date"))
    #expect(lines.contains("esketamine · xa-n · possession: unknown → prohibited from 2010-01-01"))
    // An unknown answer carries no conditions: the state says nothing of medical ketamine.
    #expect(!lines.contains { $0.hasPrefix("ketamine · xa-n · medical") })
    #expect(!lines.contains { $0.contains(" · xa · ") })
    #expect(diff.answers.filter { $0.new.conflict }.count == 1)
    #expect(DiffSummary(diff).jurisdictions == ["xa-n"])
  }

  @Test func aRemovedEntryThatSetNoVerdictChangesNoAnswer() {
    let removed = Self.xa(
      replacing: """
          - date: 2018-01-01
            kind: designation
            substances: [mdma]
            title: Breakthrough designation
            instrument: Notice 3
            sources: [https://example.org/notice3]
            confidence: high

        """, with: "")
    let diff = Self.diff(new: Self.files(xa: removed))
    #expect(diff.entries.count == 1)
    #expect(diff.entries[0].change == .removed)
    #expect(diff.entries[0].entry.title == "Breakthrough designation")
    #expect(diff.entries[0].origin.line == 31)
    #expect(diff.answers.isEmpty)
  }

  @Test func aRemovedEntryThatSetVerdictsRestoresTheEarlierAnswer() {
    let removed = Self.xa(
      replacing: "kind: rescheduled\n    substances: [mdma]",
      with: "kind: rescheduled\n    substances: [lsd]")
    // Substances changed: matched as one changed entry (date, kind and title agree).
    let lsd = ["Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n"]
    let diff = Self.diff(new: Self.files(xa: removed, extra: lsd))
    #expect(diff.entries.map(\.change) == [.changed])
    #expect(diff.entries[0].fields.map(\.field) == ["substances"])
    #expect(
      Self.lines(diff) == [
        "lsd · xa · medical: unknown → conditional from 2023-07-01",
        "mdma · xa · medical: conditional → prohibited from 2023-07-01",
      ])
  }

  @Test func anEditedTitleIsAChangeNotAnAdditionAndRemoval() {
    let edited = Self.xa(
      replacing: "title: Ketamine scheduled", with: "title: Ketamine placed in Schedule 8")
    let diff = Self.diff(new: Self.files(xa: edited))
    #expect(diff.entries.map(\.change) == [.changed])
    #expect(diff.entries[0].fields.map(\.field) == ["title"])
    #expect(diff.answers.isEmpty)
  }

  @Test func aRemovedJurisdictionMakesEverythingUnknown() {
    var files = Self.files()
    files.removeAll { $0.path == "Rules/jurisdictions/xa.yaml" }
    let diff = Self.diff(new: files)
    #expect(diff.definitions.map { "\($0.change) \($0.id)" } == ["removed xa"])
    #expect(diff.entries.filter { $0.change == .removed }.count == 5)
    #expect(Self.lines(diff).contains("mdma · xa · medical: prohibited → unknown until 2023-06-30"))
    #expect(Self.lines(diff).contains("mdma · xa · medical: conditional → unknown from 2023-07-01"))
  }

  @Test func intervalsTileTheCalendar() {
    let cuts = RuleDiff.intervals([day("2000-01-01"), day("2000-03-01")])
    #expect(cuts.count == 3)
    #expect(cuts[0].from == nil && cuts[0].to == day("1999-12-31"))
    #expect(cuts[1].from == day("2000-01-01") && cuts[1].to == day("2000-02-29"))
    #expect(cuts[2].from == day("2000-03-01") && cuts[2].to == nil)
    #expect(RuleDiff.intervals([]).count == 1)
  }

  @Test func formatsAgreeOnTheChanges() {
    let moved = Self.xa(replacing: "- date: 2023-07-01", with: "- date: 2023-08-01")
    let diff = Self.diff(new: Self.files(xa: moved))
    let text = DiffTextRenderer().render(diff, old: "origin/main", new: "Rules")
    #expect(
      text.contains(
        "    mdma · xa · medical: conditional → prohibited from 2023-07-01 to 2023-07-31\n"))
    #expect(
      text.contains(
        "changed  2023-07-01 → 2023-08-01  mdma  rescheduled  \"MDMA rescheduled for PTSD\"  Rules/jurisdictions/xa.yaml:38"
      ))
    #expect(
      text.hasSuffix(
        "1 entry changed (0 added, 0 removed, 1 changed), 1 answer changed in 1 jurisdiction.\n"))
    let markdown = DiffMarkdownRenderer().render(diff, old: "origin/main", new: "Rules")
    #expect(markdown.hasPrefix(DiffMarkdownRenderer.marker + "\n"))
    #expect(
      markdown.contains(
        "| mdma | xa | medical | conditional | prohibited<br>conditions: − \"prescribed by a psychiatrist\" | from 2023-07-01 to 2023-07-31 |"
      ))
    #expect(markdown.contains("`Rules/jurisdictions/xa.yaml:38`"))
    let json = DiffJSONRenderer().json(diff, old: "origin/main", new: "Rules").rendered(
      pretty: false)
    #expect(json.contains(#""from":"2023-07-01","to":"2023-07-31""#))
    #expect(json.contains(#""changed":true"#))
    #expect(json.contains(#""rule":{"file":"Rules/jurisdictions/xa.yaml","line":38}"#))
  }
}

private func day(_ text: String) -> CivilDate { CivilDate(text)! }
