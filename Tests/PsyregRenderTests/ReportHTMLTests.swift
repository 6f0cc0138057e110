import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// The HTML report: escaping, self-containment, and the SVG timeline.
@Suite struct ReportHTMLTests {
  static let hostile: [String: String] = [
    "s/x.yaml":
      "id: x\nname: \"X <img src=x onerror=alert(1)>\"\nkind: compound\naliases: [\"a&b\"]\n",
    "j/zz.yaml": """
    id: zz
    name: Zed "land" <b>
    kind: national
    timeline:
      - date: 2000-01-01
        kind: scheduled
        substances: [x]
        title: <script>alert("pwned")</script>
        instrument: Act </td></tr></table> & 'quoted'
        sources: [https://example.org/a?b=1&c=<2>, "javascript:alert(1)"]
        confidence: uncertain
        status: <i>Schedule</i>
        verdicts: {default: prohibited}
        note: <style>body{display:none}</style>

    """,
  ]

  static func hostileHTML() -> String {
    // The loader rejects a javascript: source; build the model from what loads, then add it.
    var files = hostile
    files["j/zz.yaml"] = files["j/zz.yaml"]!.replacingOccurrences(
      ", \"javascript:alert(1)\"", with: "")
    var report = ReportFixture.report(files: files, jurisdiction: "zz")
    report.sources.append(
      ReportSource(number: report.sources.count + 1, url: "javascript:alert(1)"))
    return HTMLReportRenderer().render(report)
  }

  @Test func everyRuleStringIsEscaped() {
    let html = Self.hostileHTML()
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"))
    #expect(!html.contains("<img"))
    #expect(html.contains("X &lt;img src=x onerror=alert(1)&gt;"))
    #expect(!html.contains("<b>"))
    #expect(!html.contains("<i>Schedule"))
    #expect(!html.contains("</td></tr></table> &"))
    #expect(html.contains("Act &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt; &amp; &#39;quoted&#39;"))
    #expect(!html.contains("<style>body"))
    #expect(html.contains("a&amp;b"))
    // In the markers' tooltips too.
    #expect(
      html.contains(
        "title=\"2000-01-01 · Zed &quot;land&quot; &lt;b&gt; (zz) · scheduled — &lt;script&gt;"))
  }

  @Test func onlyHTTPSourcesBecomeLinks() {
    let html = Self.hostileHTML()
    #expect(html.contains("<a href=\"https://example.org/a?b=1&amp;c=&lt;2&gt;\"") == false)  // '<' in a URL: text only
    #expect(!html.contains("href=\"javascript:"))
    #expect(html.contains("<li id=\"src-2\">javascript:alert(1)</li>"))
  }

  /// Nothing is fetched and nothing runs: no script, iframe, img, link, object or embed
  /// element; no `src` attribute and no `on…` handler; inline `style` attributes only place
  /// year labels; the style sheet has no `@import` and no `url()` but the page's own
  /// `url(#hatch)`; every href is a fragment of the page or a numbered source of the rules,
  /// and external links appear only in the source list.
  @Test(arguments: [false, true])
  func reportIsSelfContained(hostile: Bool) throws {
    let html: String
    let urls: Set<String>
    if hostile {
      html = Self.hostileHTML()
      urls = ["https://example.org/a?b=1&c=<2>"]
    } else {
      let report = ReportFixture.report()
      html = HTMLReportRenderer().render(report)
      urls = Set(report.sources.map(\.url))
    }
    let tags = Self.tags(in: html)
    #expect(!tags.isEmpty)
    let forbidden: Set<String> = [
      "script", "iframe", "img", "link", "object", "embed", "base", "meta-refresh",
    ]
    for tag in tags {
      #expect(!forbidden.contains(tag.name), "<\(tag.name)>")
      for (name, value) in tag.attributes {
        #expect(name != "src" && !name.hasPrefix("on"), "<\(tag.name) \(name)=\"\(value)\">")
        if name == "style" {
          #expect(value.hasPrefix("left:") && value.hasSuffix("%"), "style=\"\(value)\"")
        }
        if name == "href" {
          if value.hasPrefix("#") { continue }
          #expect(
            value.hasPrefix("https://") || value.hasPrefix("http://"), "unexpected href \(value)")
          #expect(
            urls.contains(unescape(value)), "external link \(value) is not a source of the rules")
        }
      }
    }
    #expect(tags.filter { $0.name == "style" }.count == 1)
    let css = try #require(
      html.range(of: "<style>").flatMap { start in
        html.range(of: "</style>", range: start.upperBound..<html.endIndex).map {
          String(html[start.upperBound..<$0.lowerBound])
        }
      })
    #expect(!css.contains("@import"))
    #expect(occurrences(of: "url(", in: css) == occurrences(of: "url(#hatch)", in: css))
    #expect(occurrences(of: "url(", in: html) == occurrences(of: "url(#hatch)", in: html))
    // External links only inside the numbered source list.
    let list = try #require(html.range(of: "<ol class=\"sources\">"))
    #expect(!html[..<list.lowerBound].contains("href=\"http"))
  }

  @Test func indexLinksAreRelativeFiles() {
    let reports = ReportFixture.book.sortedJurisdictions.map { ReportFixture.report($0.id) }
    let html = HTMLReportRenderer().render(
      ReportIndex(reports: reports, matrix: ReportFixture.matrix(), format: .html))
    // Each row's name and each cell link to the report (the cell to the substance's section).
    #expect(
      hrefs(in: html).sorted() == [
        "un.html", "un.html", "un.html#s-esketamine", "un.html#s-ketamine", "un.html#s-mdma", "un.html#s-psilocybin",
        "us-or.html", "us-or.html", "us-or.html#s-esketamine", "us-or.html#s-ketamine", "us-or.html#s-mdma",
        "us-or.html#s-psilocybin", "us.html", "us.html", "us.html#s-esketamine", "us.html#s-ketamine", "us.html#s-mdma",
        "us.html#s-psilocybin",
      ])
    #expect(!html.lowercased().contains("<script"))
  }

  @Test func timelineHasABandSegmentPerVerdictPeriod() throws {
    let html = HTMLReportRenderer().render(ReportFixture.report())
    let section = try #require(self.section("psilocybin", in: html))
    // In force (prohibited, hatched from 2021), then Oregon's own law (decriminalised from
    // 2021), then the federal law above it (prohibited throughout).
    let segments = matches(of: "<rect class=\"seg v-", in: section)
    #expect(segments == ["prohibited", "prohibited", "unknown", "decriminalized", "prohibited"])
    #expect(occurrences(of: "<rect class=\"hatch\"", in: section) == 1)  // the conflict since 2021
    #expect(
      section.contains(
        "<title>Psilocybin, possession, in force in Oregon: prohibited from 1971-05-01 to 2021-02-01</title>"))
    #expect(
      section.contains(
        "<title>Psilocybin, possession, in force in Oregon: prohibited from 2021-02-01 to 2024-06-01; the layers conflict</title>"
      ))
    #expect(
      section.contains(
        "<title>Psilocybin, possession, under Oregon law: decriminalized from 2021-02-01 to 2024-06-01</title>"))
    #expect(section.contains("<strong>Oregon law</strong> (the place\u{2019}s own)"))
    #expect(section.contains("<strong>United States law</strong> (binding above it)"))

    let supervised = HTMLReportRenderer().render(ReportFixture.report(activity: .supervisedUse))
    let psilocybin = try #require(self.section("psilocybin", in: supervised))
    #expect(
      matches(of: "<rect class=\"seg v-", in: psilocybin) == [
        "prohibited", "prohibited", "unknown", "conditional", "prohibited",
      ])
    #expect(
      psilocybin.contains(
        "<title>Psilocybin, supervised-use, in force in Oregon: prohibited from 2023-01-02 to 2024-06-01; the layers conflict</title>"
      ))
    #expect(
      psilocybin.contains(
        "<title>Psilocybin, supervised-use, under Oregon law: conditional from 2023-01-02 to 2024-06-01</title>"))
  }

  @Test func bandColoursFollowTheVerdict() throws {
    let files = [
      "s/a.yaml": "id: a\nname: A\nkind: compound\n",
      "j/aa.yaml": """
      id: aa
      name: Aland
      kind: national
      timeline:
        - {date: 1990-01-01, kind: scheduled, substances: [a], title: T1, instrument: I, sources: [https://example.org/1], confidence: high, verdicts: {default: prohibited}}
        - {date: 2000-01-01, kind: decriminalized, substances: [a], title: T2, instrument: I, sources: [https://example.org/2], confidence: medium, verdicts: {possession: decriminalized}}
        - {date: 2005-01-01, kind: designation, substances: [a], title: T3, instrument: I, sources: [https://example.org/3], confidence: high}
        - {date: 2010-01-01, kind: descheduled, substances: [a], title: T4, instrument: I, sources: [https://example.org/4], confidence: high, verdicts: {default: allowed}}
        - {date: 2015-01-01, kind: law-enacted, substances: [a], title: T5, instrument: I, sources: [https://example.org/5], confidence: high, verdicts: {possession: {verdict: conditional, conditions: [a licence]}}}

      """,
    ]
    let html = HTMLReportRenderer().render(
      ReportFixture.report(files: files, jurisdiction: "aa", on: "2020-01-01"))
    let section = try #require(self.section("a", in: html))
    #expect(
      matches(of: "<rect class=\"seg v-", in: section) == [
        "prohibited", "decriminalized", "allowed", "conditional",
      ])
    // One numbered marker per entry, the designation included; the uncertain one ringed; each
    // explained in the numbered legend under the band.
    #expect(occurrences(of: "class=\"num ", in: section) == 5)
    #expect(occurrences(of: "class=\"num num-binding num-uncertain ", in: section) == 1)
    #expect(section.contains("title=\"2005-01-01 · Aland (aa) · designation — T3\">3</a>"))
    #expect(section.contains("<li id=\"ev-a-3\"><span class=\"date\">2005-01-01</span> · Aland · T3</li>"))
    // One layer: no per-layer bands. Segments are laid end to end across the band.
    #expect(!section.contains("<strong>Aland law</strong>"))
    #expect(section.contains("x=\"12\" y=\"1\" width=\"325.3\""))
  }

  @Test func oneMarkerPerEntryAcrossTheLayers() throws {
    let report = ReportFixture.report()
    let html = HTMLReportRenderer().render(report)
    for substance in report.substances {
      let section = try #require(self.section(substance.id, in: html))
      let dated = substance.timeline.filter { $0.date != nil }
      #expect(occurrences(of: "class=\"num ", in: section) == dated.count, "\(substance.id)")
      #expect(occurrences(of: "<li id=\"ev-\(substance.id)-", in: section) == dated.count, "\(substance.id)")
      #expect(occurrences(of: "num-beside", in: section) == dated.filter { !$0.layer.binding }.count)
    }
  }

  @Test func noBandWithoutADatedEntry() throws {
    let html = HTMLReportRenderer().render(
      JurisdictionReport(
        book: ReportFixture.book, jurisdiction: "us-or", date: CivilDate("1960-01-01")!,
        ruleSet: ReportFixture.loaded.ruleSet))
    #expect(!html.contains("<svg class=\"tl\""))
    #expect(html.contains("No dated entry on or before 1960-01-01."))
  }

  @Test func reportHasTheDisclaimerAndTheRuleSet() {
    let html = HTMLReportRenderer().render(ReportFixture.report())
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<meta name=\"viewport\""))
    #expect(html.contains("This report is not legal advice."))
    #expect(html.contains("sha256:\(ReportFixture.loaded.ruleSet.sha256)"))
    #expect(html.contains("@media print"))
    #expect(html.hasSuffix("</html>\n"))
  }

  // MARK: Helpers

  /// One substance's section.
  func section(_ id: String, in html: String) -> String? {
    // A section's class is "substance", or "substance borrowed" when the place has no rule of its own.
    guard
      let start = html.range(of: "<section class=\"substance\" id=\"s-\(id)\">")
        ?? html.range(of: "<section class=\"substance borrowed\" id=\"s-\(id)\">")
    else {
      return nil
    }
    guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else {
      return nil
    }
    return String(html[start.lowerBound..<end.upperBound])
  }

  func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// The word after each occurrence of a prefix, up to a quote.
  func matches(of prefix: String, in text: String) -> [String] {
    text.components(separatedBy: prefix).dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  func hrefs(in html: String) -> [String] {
    html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  func unescape(_ s: String) -> String {
    s.replacingOccurrences("&lt;", with: "<").replacingOccurrences("&gt;", with: ">")
      .replacingOccurrences("&quot;", with: "\"").replacingOccurrences("&#39;", with: "'")
      .replacingOccurrences("&amp;", with: "&")
  }

  struct Tag {
    var name: String
    var attributes: [(String, String)]
  }

  /// The start tags of a page, with their attributes (quoted values read whole, so text in an
  /// attribute is never mistaken for markup). Text content holds no `<`: it is escaped.
  static func tags(in html: String) -> [Tag] {
    let chars = Array(html)
    var tags: [Tag] = []
    var i = 0
    func skipSpaces() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
    func word() -> String {
      var out = ""
      while i < chars.count, !chars[i].isWhitespace, !"=>/\"'".contains(chars[i]) {
        out.append(chars[i])
        i += 1
      }
      return out.lowercased()
    }
    while i < chars.count {
      guard chars[i] == "<" else {
        i += 1
        continue
      }
      i += 1
      if i < chars.count, chars[i] == "!" || chars[i] == "/" {
        while i < chars.count, chars[i] != ">" { i += 1 }
        continue
      }
      var tag = Tag(name: word(), attributes: [])
      while i < chars.count {
        skipSpaces()
        if i >= chars.count || chars[i] == ">" { break }
        if chars[i] == "/" {
          i += 1
          continue
        }
        let name = word()
        var value = ""
        skipSpaces()
        if i < chars.count, chars[i] == "=" {
          i += 1
          skipSpaces()
          if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
            let quote = chars[i]
            i += 1
            while i < chars.count, chars[i] != quote {
              value.append(chars[i])
              i += 1
            }
            i += 1
          } else {
            value = word()
          }
        }
        if name.isEmpty { i += 1 } else { tag.attributes.append((name, value)) }
      }
      tags.append(tag)
      if tag.name == "style" || tag.name == "title" {
        // Raw text up to the end tag.
        let end = "</" + tag.name
        while i < chars.count,
          !String(chars[i..<min(chars.count, i + end.count)]).lowercased().hasPrefix(end)
        { i += 1 }
      }
    }
    return tags
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
    components(separatedBy: target).joined(separator: replacement)
  }
}

/// What the reports say in words and how the matrix reads (issue 15).
@Suite struct ReportStoryTests {
  @Test func eachActivityHasASentenceOwnLawFirst() throws {
    let report = ReportFixture.report()
    let psilocybin = try #require(report.substances.first { $0.id == "psilocybin" })
    let possession = try #require(psilocybin.activities.first { $0.activity == .possession })
    #expect(
      ReportWords.sentence(possession)
        == "Possession: decriminalised (unlawful, not a crime) under Oregon law since 1 February 2021, and remains prohibited under United States law, which governs."
    )
    let html = HTMLReportRenderer().render(report)
    #expect(html.contains("<ul class=\"story\">"))
    let markdown = MarkdownReportRenderer().render(report)
    #expect(
      markdown.contains("- Possession: decriminalised (unlawful, not a crime) under Oregon law since 1 February 2021"))
    #expect(ReportWords.longDate(CivilDate("2023-01-02")!) == "2 January 2023")
  }

  @Test func theMatrixSaysWhatItShowsAndLinksEveryCell() throws {
    let matrix = ReportFixture.matrix()
    let html = HTMLReportRenderer().render(matrix)
    let title = "Possession: the verdict in each jurisdiction for each substance on \(matrix.date)"
    #expect(html.contains("<h1>\(title)</h1>"))
    #expect(html.contains("<caption>\(title)</caption>"))
    #expect(MarkdownReportRenderer().render(matrix).hasPrefix("# \(title)\n"))
    // Every cell links to its report at the substance and says what it means.
    let cells = matrix.rows.reduce(0) { $0 + $1.cells.count }
    #expect(html.components(separatedBy: "<a class=\"cell\" href=\"").count - 1 == cells)
    #expect(html.contains("href=\"us-or.html#s-psilocybin\" title=\"Oregon, Psilocybin: "))
    // Rotated headings, one per substance; three-letter chips spelled out in the legend.
    #expect(html.components(separatedBy: "<th scope=\"col\" class=\"rot\">").count - 1 == matrix.substances.count)
    #expect(html.contains("<abbr title=\"prohibited\">PRO</abbr>"))
    #expect(html.contains("<span class=\"v v-prohibited\">PRO</span> prohibited"))
  }

  @Test func theIndexLinksTheOtherActivitiesMatrices() {
    var index = ReportIndex(reports: [ReportFixture.report()], matrix: ReportFixture.matrix(), format: .html)
    index.otherMatrices = [
      MatrixReport(book: ReportFixture.book, activity: .medical, date: index.date, ruleSet: index.ruleSet)
    ]
    let html = HTMLReportRenderer().render(index)
    #expect(html.contains("<a href=\"matrix-medical.html\">Medical use</a>"))
    #expect(ReportIndex.matrixName(.supervisedUse, .json) == "matrix-supervised-use.json")
  }
}
