import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// The report model: what each section holds, independent of the format.
@Suite struct ReportModelTests {
  @Test func headerNamesTheLayersAndTheTreatyLayerBeside() {
    let report = ReportFixture.report()
    #expect(report.jurisdiction.id == "us-or")
    #expect(report.layers.map(\.id) == ["us-or", "us"])
    #expect(report.beside.map(\.id) == ["un"])
    #expect(report.date == ReportFixture.date)
  }

  @Test func summaryMarksConflictsAndUncertainty() throws {
    let report = ReportFixture.report()
    let psilocybin = try #require(report.substances.first { $0.id == "psilocybin" })
    let possession = try #require(psilocybin.activities.first { $0.activity == .possession })
    #expect(possession.verdict == .prohibited)
    #expect(possession.conflict)
    #expect(
      possession.conflictText
        == "decriminalized under Oregon law; still prohibited under United States law")
    #expect(possession.layers.map(\.verdict) == [.decriminalized, .prohibited])
    #expect(possession.beside.map(\.verdict) == [.prohibited])
    let ketamine = try #require(report.substances.first { $0.id == "ketamine" })
    #expect(ketamine.activities.allSatisfy { $0.uncertain })
  }

  @Test func timelineStopsAtTheDateAndListsAnnouncedChangesApart() throws {
    let psilocybin = try #require(ReportFixture.report().substances.first { $0.id == "psilocybin" })
    #expect(
      psilocybin.timeline.map(\.dateText) == [
        "1971-05-01", "1976-08-16", "2020-11-03", "2021-02-01", "2023-01-02",
      ])
    #expect(psilocybin.upcoming.map(\.dateText) == ["2025-01-01"])
    // HB 4002 (2024-09-01) was not announced in the data: not listed.
    #expect(!psilocybin.upcoming.contains { $0.title == "HB 4002" })
  }

  @Test func initialStatusesOpenTheTimeline() throws {
    let mdma = try #require(ReportFixture.report().substances.first { $0.id == "mdma" })
    #expect(mdma.timeline.first?.date == nil)
    #expect(mdma.timeline.first?.kind == .initial)
    #expect(
      mdma.designations.map(\.title) == [
        "FDA Breakthrough Therapy designation for MDMA-assisted therapy of PTSD"
      ])
  }

  @Test func inheritedRulesAreNamed() throws {
    let esketamine = try #require(ReportFixture.report().substances.first { $0.id == "esketamine" })
    let possession = try #require(esketamine.activities.first { $0.activity == .possession })
    #expect(possession.layers[1].inheritedFrom == "ketamine")
    #expect(
      esketamine.timeline.first?.changes.first == "(ketamine) possession: unknown → prohibited")
  }

  @Test func uncertaintiesSayWhatTheyGovern() throws {
    let ketamine = try #require(ReportFixture.report().substances.first { $0.id == "ketamine" })
    #expect(ketamine.uncertainties.count == 1)
    #expect(ketamine.uncertainties[0].governs == Activity.allCases)
    let psilocybin = try #require(ReportFixture.report().substances.first { $0.id == "psilocybin" })
    #expect(psilocybin.uncertainties.isEmpty)
  }

  @Test func sourcesAreNumberedOnceInOrderOfFirstCitation() {
    let report = ReportFixture.report()
    #expect(report.sources.map(\.number) == Array(1...report.sources.count))
    #expect(Set(report.sources.map(\.url)).count == report.sources.count)
    let cited = report.substances.flatMap { s in
      s.timeline.flatMap(\.sources) + s.upcoming.flatMap(\.sources)
        + s.activities.flatMap { ($0.layers + $0.beside).flatMap(\.sources) }
    }
    #expect(Set(cited) == Set(report.sources.map(\.number)))
  }

  @Test func bandSegmentsFollowTheVerdictForTheChosenActivity() throws {
    let possession = try #require(
      ReportFixture.report().substances.first { $0.id == "psilocybin" }?.band)
    #expect(possession.start == CivilDate("1971-05-01")!)
    #expect(possession.end == ReportFixture.date)
    #expect(possession.segments.map(\.verdict) == [.prohibited, .prohibited])
    #expect(possession.segments.map(\.conflict) == [false, true])
    #expect(possession.segments.map(\.from.description) == ["1971-05-01", "2021-02-01"])
    #expect(possession.segments.last?.to == ReportFixture.date)

    let supervised = try #require(
      ReportFixture.report(activity: .supervisedUse).substances.first { $0.id == "mdma" }?.band)
    #expect(supervised.activity == .supervisedUse)
    #expect(supervised.segments.map(\.verdict) == [.prohibited])
  }

  @Test func aJurisdictionWithoutDataHasNoSubstances() {
    let report = ReportFixture.report(
      files: [
        "j/xx.yaml": "id: xx\nname: Nowhere\nkind: national\n",
        "s/a.yaml": "id: a\nname: A\nkind: compound\n",
      ],
      jurisdiction: "xx")
    #expect(report.substances.isEmpty)
    #expect(
      MarkdownReportRenderer().render(report).contains("No layer of this jurisdiction has data"))
  }

  @Test func matrixHasOneRowPerJurisdictionAndOneCellPerSubstance() throws {
    let matrix = ReportFixture.matrix(.supervisedUse)
    #expect(matrix.rows.map(\.jurisdiction.id) == ["un", "us", "us-or"])
    #expect(matrix.substances.map(\.id) == ["esketamine", "ketamine", "mdma", "psilocybin"])
    let oregon = try #require(matrix.rows.last)
    #expect(oregon.layers == ["us-or", "us"])
    let psilocybin = try #require(oregon.cells.last)
    #expect(
      psilocybin.verdict == VerdictCell(verdict: .prohibited, conflict: true, uncertain: false))
    #expect(psilocybin.ownData)
    #expect(!oregon.cells[0].ownData)
  }
}
