import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// The Markdown and HTML reports walk one outline (`ReportOutline`).
@Suite struct ReportOutlineTests {
  /// Records what the walk asks for.
  struct Recorder: ReportOutlineRenderer {
    func section(_ section: ReportOutline.Section, of report: JurisdictionReport) -> String { "[\(section)]" }
    func part(
      _ part: ReportOutline.SubstancePart, of substance: JurisdictionReport.SubstanceSection,
      in report: JurisdictionReport
    ) -> String { "(\(part))" }
    func substance(_ substance: JurisdictionReport.SubstanceSection, body: String) -> String {
      "{\(substance.id):\(body)}"
    }
  }

  @Test func theWalkFollowsTheOutline() {
    let report = ReportFixture.report()
    let parts = ReportOutline.SubstancePart.allCases.map { "(\($0))" }.joined()
    let substances = report.substances.map { "{\($0.id):\(parts)}" }.joined()
    #expect(!report.substances.isEmpty)
    #expect(Recorder().document(report) == "[header][summary]\(substances)[sources][closing]")
  }

  /// A part is written by both documents or by neither (the figure is HTML's alone).
  @Test(arguments: ["us-or", "us", "un"])
  func bothDocumentsWriteTheSameParts(_ jurisdiction: String) {
    let report = ReportFixture.report(jurisdiction)
    let markdown = MarkdownReportRenderer()
    let html = HTMLReportRenderer()
    for s in report.substances {
      for part in ReportOutline.SubstancePart.allCases where part != .band {
        let inMarkdown = !markdown.part(part, of: s, in: report).isEmpty
        let inHTML = !html.part(part, of: s, in: report).isEmpty
        #expect(inMarkdown == inHTML, "\(jurisdiction) \(s.id) \(part)")
      }
    }
    for section in ReportOutline.Section.allCases where section != .substances {
      #expect(!markdown.section(section, of: report).isEmpty && !html.section(section, of: report).isEmpty)
    }
  }

  /// The headings of a substance come in the outline's order in both documents.
  @Test func headingsComeInTheSameOrder() throws {
    let report = ReportFixture.report()
    let markdown = MarkdownReportRenderer().render(report)
    let html = HTMLReportRenderer().render(report)
    let headings = [
      "Status on", "Conditions and conflicts", "Designations and approvals", "Timeline",
      "Announced, not yet in force", "Where confidence is not high",
    ]
    func order(_ text: String, _ prefix: String) -> [String] {
      text.components(separatedBy: prefix).dropFirst().compactMap { rest in headings.first { rest.hasPrefix($0) } }
    }
    let inMarkdown = order(markdown, "**")
    #expect(!inMarkdown.isEmpty)
    #expect(inMarkdown == order(html, "<h3>"))
  }
}
