import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// Pins the Markdown and JSON of the report fixture (`Fixtures/report/rules`, on 2024-06-01)
/// against `Fixtures/report/golden/`, exactly.
///
/// After an intended change of the output, regenerate the golden files and review the diff:
///
///     PSYREG_UPDATE_GOLDEN=1 swift test --scratch-path .build-report --filter Report
///     git diff Tests/PsyregRenderTests/Fixtures/report/golden
@Suite struct ReportGoldenTests {
  @Test func jurisdictionReportMarkdown() {
    ReportFixture.checkGolden(MarkdownReportRenderer().render(ReportFixture.report()), "us-or.md")
  }

  @Test func jurisdictionReportJSON() {
    ReportFixture.checkGolden(JSONReportRenderer().render(ReportFixture.report()), "us-or.json")
  }

  @Test func matrixMarkdown() {
    ReportFixture.checkGolden(
      MarkdownReportRenderer().render(ReportFixture.matrix(.possession)), "matrix-possession.md")
  }

  @Test func matrixJSON() {
    ReportFixture.checkGolden(
      JSONReportRenderer().render(ReportFixture.matrix(.possession)), "matrix-possession.json")
  }

  @Test func indexMarkdown() {
    let reports = ReportFixture.book.sortedJurisdictions.map { ReportFixture.report($0.id) }
    let index = ReportIndex(reports: reports, matrix: ReportFixture.matrix(), format: .markdown)
    ReportFixture.checkGolden(MarkdownReportRenderer().render(index), "index.md")
  }

  /// The fixture's identity is what the shell recipe of docs/reports.md prints for its folder.
  @Test func fixtureRuleSetIdentity() {
    #expect(ReportFixture.loaded.ruleSet.fileCount == 7)
    #expect(ReportFixture.loaded.ruleSet.sha256.count == 64)
  }
}
