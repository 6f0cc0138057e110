import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

@Suite struct TimelineTests {
  let book = Fixture.book

  @Test func entriesAcrossLayersInDateOrderWithWhatChanged() {
    let items = book.timeline(TimelineQuery(substance: "psilocybin", jurisdiction: "us-or"))
    #expect(
      items.map(\.entry.date.description) == [
        "1971-05-01", "1976-08-16", "2018-10-23", "2021-02-01", "2023-01-02", "2024-09-01",
      ])
    #expect(items.map(\.jurisdiction.id) == ["us", "un", "us", "us-or", "us-or", "us-or"])
    let measure110 = items[3]
    #expect(
      measure110.changes == [
        .init(substance: "psilocybin", activity: .possession, before: .unknown, after: .decriminalized)
      ])
    let hb4002 = items[5]
    #expect(
      hb4002.changes == [
        .init(substance: "psilocybin", activity: .possession, before: .decriminalized, after: .prohibited)
      ])
  }

  @Test func sameDayEntriesAcrossEveryJurisdictionComeInIdOrder() {
    func layer(_ id: String) -> String {
      "id: \(id)\nname: \(id.uppercased())\nkind: national\ntimeline:\n  - date: 2000-01-01\n    kind: scheduled\n"
        + "    substances: [lsd]\n    title: \(id) lists LSD\n    instrument: Act\n    sources: [https://example.org/]\n"
        + "    confidence: high\n    verdicts: {default: prohibited}\n"
    }
    let book = PsyregTestSupport.book([
      "Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n",
      "Rules/jurisdictions/bb.yaml": layer("bb"), "Rules/jurisdictions/aa.yaml": layer("aa"),
      "Rules/jurisdictions/cc.yaml": layer("cc"),
    ])
    #expect(book.timeline(TimelineQuery()).map(\.jurisdiction.id) == ["aa", "bb", "cc"])
  }

  @Test func entriesThatSetNoVerdictBelong() {
    let items = book.timeline(TimelineQuery(substance: "psilocybin", jurisdiction: "us"))
    let designation = items.first { $0.entry.kind == .designation }
    #expect(designation?.changes == [])
  }

  @Test func changesStartFromTheInitialStatus() {
    let items = book.timeline(TimelineQuery(substance: "mdma", jurisdiction: "us"))
    #expect(items.count == 1)
    #expect(items[0].changes.count == Activity.allCases.count)
    #expect(items[0].changes.allSatisfy { $0.before == .allowed && $0.after == .prohibited })
  }

  @Test func anIsomersTimelineIncludesWhatItInheritsFrom() {
    let items = book.timeline(TimelineQuery(substance: "esketamine", jurisdiction: "us"))
    #expect(items.map(\.entry.title) == ["Ketamine to Schedule III", "Spravato approved"])
  }

  @Test func fromAndToAreInclusive() {
    let items = book.timeline(
      TimelineQuery(substance: "psilocybin", jurisdiction: "us-or", from: date("2021-02-01"), to: date("2023-01-02")))
    #expect(items.map(\.entry.date.description) == ["2021-02-01", "2023-01-02"])
  }

  @Test func markdownEscapesTableCells() {
    #expect(MarkdownEscaper.text("a | b\nc") == "a \\| b c")
    let markdown = TimelineMarkdownRenderer().render(book.timeline(TimelineQuery(substance: "mdma")))
    #expect(markdown.contains("| 1985-07-01 | us | temporary-scheduled | mdma | Emergency scheduling |"))
  }
}

@Suite struct TimelineTextTests {
  @Test func activitiesThatChangedAlikeAreNamedTogether() {
    let text = TimelineTextRenderer().render(
      Fixture.book.timeline(TimelineQuery(substance: "mdma", jurisdiction: "us")))
    #expect(
      text.contains(
        "    changes: possession, supply, medical, research, supervised-use, religious: allowed → prohibited\n"))
    let oregon = TimelineTextRenderer().render(
      Fixture.book.timeline(TimelineQuery(substance: "psilocybin", jurisdiction: "us-or")))
    #expect(oregon.contains("    changes: possession: decriminalized → prohibited\n"))
    #expect(oregon.contains("(!) confidence: medium"))
  }
}

@Suite struct ListRendererTests {
  @Test func coverageTextAndJSONAgree() throws {
    let coverage = Coverage(Fixture.book)
    #expect(coverage.substances == ["esketamine", "ketamine", "mdma", "psilocybin"])
    let oregon = try #require(coverage.rows.first { $0.jurisdiction == "us-or" })
    #expect(oregon.cells == [.parent, .parent, .parent, .data])
    let norway = try #require(coverage.rows.first { $0.jurisdiction == "no" })
    #expect(norway.cells == [.none, .none, .none, .treaty])
    #expect(coverage.pairs == 4 * Fixture.book.jurisdictions.count)

    let text = ListTextRenderer().render(.coverage, of: Fixture.book, on: date("2024-06-01"))
    #expect(text.contains("us-or         parent      parent    parent  data"))
    #expect(text.contains("\(coverage.ownData) of \(coverage.pairs) pairs have data of their own."))
    let json = ListJSONRenderer().json(.coverage, of: Fixture.book, on: date("2024-06-01")).rendered(pretty: false)
    #expect(
      json.contains(
        #"{"jurisdiction":"us-or","cells":{"esketamine":"parent","ketamine":"parent","mdma":"parent","psilocybin":"data"}}"#
      ))
    #expect(json.hasSuffix(#""pairs":\#(coverage.pairs),"own_data":\#(coverage.ownData)}"#))
  }
}
