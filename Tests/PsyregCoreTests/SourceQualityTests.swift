import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// Sources judged by their host, and the figures built on them.
@Suite struct SourceQualityTests {
  @Test(
    "official publishers are primary",
    arguments: [
      "https://www.ecfr.gov/current/title-21/section-1308.11", "https://uscode.house.gov/view.xhtml?req=21",
      "https://www.legislation.gov.uk/ukpga/1971/38", "https://gov.uk/government/news/x",
      "https://www.gesetze-im-internet.de/btmg_1981/", "https://eur-lex.europa.eu/eli/dir/2017/2103/oj",
      "https://www.dof.gob.mx/nota_detalle.php", "https://elaws.e-gov.go.jp/document?lawid=328AC",
      "http://legis.state.wv.us/WVCODE/ChapterEntire.cfm", "https://treaties.un.org/Pages/ViewDetails.aspx",
      "https://www.impo.com.uy/bases/decretos-ley/14294-1974",
      "https://user@legislation.govt.nz:443/act/public/1975/0116",
    ])
  func primary(_ url: String) {
    #expect(SourceQuality.of(url) == .primary)
  }

  @Test(
    "Wikipedia, its mirrors, document dumps and blogs are weak",
    arguments: [
      "https://en.wikipedia.org/wiki/MDMA", "https://de.m.wikipedia.org/wiki/X", "https://www.wikiwand.com/en/LSD",
      "https://docslib.org/doc/1/x", "https://de.scribd.com/document/1/x", "https://someone.blogspot.com/2021/x",
      "https://cannadelics.com/2025/06/24/texas-ibogaine-research/",
    ])
  func weak(_ url: String) {
    #expect(SourceQuality.of(url) == .weak)
  }

  @Test(
    "news, law firms and legal databases are secondary",
    arguments: [
      "https://law.justia.com/codes/texas/", "https://www.reuters.com/x", "https://maps.org/news/x",
      "https://www.law.cornell.edu/uscode/text/21/812",
      // Look-alikes of government hosts are not government hosts.
      "https://gov.example.com/x", "https://notgov.uk.example.org/", "https://ecfr.gov.evil.com/x",
    ])
  func secondary(_ url: String) {
    #expect(SourceQuality.of(url) == .secondary)
  }

  @Test func tallyCountsPrimaryAndWeakOnlyRules() {
    var tally = SourceTally()
    tally.add(["https://www.ecfr.gov/x", "https://en.wikipedia.org/wiki/X"])
    tally.add(["https://en.wikipedia.org/wiki/X", "https://www.wikiwand.com/en/X"])
    tally.add(["https://law.justia.com/x"])
    #expect(tally.rules == 3)
    #expect(tally.primary == 1)
    #expect(tally.weakOnly == 1)
  }

  @Test func coverageSummaryCountsKnownVerdictsPerActivity() throws {
    let summary = CoverageSummary(book: Fixture.book, date: date("2024-06-01"))
    let pairs = Fixture.book.substances.count * Fixture.book.jurisdictions.count
    #expect(summary.verdicts.map(\.activity) == Activity.allCases)
    // Counted independently: every pair asked, every non-unknown verdict counted.
    for share in summary.verdicts {
      var known = 0
      for s in Fixture.book.substances.keys {
        for j in Fixture.book.jurisdictions.keys {
          let a = Fixture.book.answer(
            Question(substance: s, jurisdiction: j, activity: share.activity, date: date("2024-06-01")))
          if a.verdict != .unknown { known += 1 }
        }
      }
      #expect(share.known == known)
      #expect(share.pairs == pairs)
    }
    #expect(summary.verdicts.contains { $0.known > 0 && $0.known < pairs })
    let text = ListTextRenderer.summary(summary)
    #expect(text.contains("Known verdict on 2024-06-01"))
    #expect(text.contains("Rules citing a primary source: 0.0%"))
  }

  @Test func sourcesListingHasARowPerJurisdictionAndATotal() {
    let files = [
      "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n",
      "Rules/jurisdictions/un.yaml": "id: un\nname: United Nations\nkind: international\n",
      "Rules/jurisdictions/us.yaml": Check.usFile(
        ["sources: [https://www.federalregister.gov/d/85-15797, https://en.wikipedia.org/wiki/MDMA]"],
        more: "  - date: 1986-11-13\n    kind: scheduled\n    substances: [mdma]\n    title: T\n    instrument: I\n"
          + "    sources: [https://www.wikiwand.com/en/MDMA]\n    confidence: uncertain\n"),
    ]
    let report = SourceReport(book: book(files))
    #expect(report.rows.map(\.jurisdiction) == ["un", "us"])
    #expect(
      report.rows[1].tally
        == {
          var t = SourceTally(); t.rules = 2; t.primary = 1; t.weakOnly = 1; return t
        }())
    let text = ListTextRenderer().render(.sources, of: book(files), on: date("2024-06-01"))
    #expect(text.contains("us            2      1        50.0%  1\n"))
    #expect(text.contains("all           2      1        50.0%  1\n"))
  }
}
