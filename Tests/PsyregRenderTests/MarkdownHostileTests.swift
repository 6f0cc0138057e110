import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// `timeline --format markdown`, `diff --format markdown` and the Markdown reports escape
/// every string from the rules the same way: markup stays text, a link cannot be closed, a
/// pipe cannot split a cell and a CRLF cannot end a row.
@Suite struct MarkdownHostileTests {
  static let title = "<script>alert(1)</script> [x](javascript:alert(1)) a | b `code` *em*\r\nsecond line"
  static let condition = "](javascript:alert(2)) | <img src=x>\r\nafter"
  static let instrument = "Act | 1 <b>bold</b>\rend"

  static let base: [String: String] = [
    "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n",
    "Rules/jurisdictions/xa.yaml": """
    id: xa
    name: Xanadu
    kind: national
    timeline:
      - date: 2000-01-01
        kind: scheduled
        substances: [mdma]
        title: Scheduled
        instrument: Act 1
        sources: [https://example.org/act1]
        confidence: high
        verdicts: {default: prohibited}

    """,
  ]

  /// The base rules and one entry whose strings are hostile.
  static let hostile: [String: String] = {
    var files = base
    files["Rules/jurisdictions/xa.yaml"]! += """
        - date: 2020-01-01
          kind: rescheduled
          substances: [mdma]
          title: "\(yaml(title))"
          instrument: "\(yaml(instrument))"
          sources: ["https://example.org/a_(b)|c"]
          confidence: medium
          verdicts:
            medical: {verdict: conditional, conditions: ["\(yaml(condition))"]}

      """
    return files
  }()

  /// A YAML double-quoted scalar's body.
  /// By scalar: a CRLF is one `Character`, which a `Character`-wise replacement of "\r" misses.
  static func yaml(_ s: String) -> String {
    s.unicodeScalars.map { scalar -> String in
      switch scalar {
      case "\\": "\\\\"
      case "\"": "\\\""
      case "\r": "\\r"
      case "\n": "\\n"
      default: String(scalar)
      }
    }.joined()
  }

  @Test func theHostileStringsLoadAsWritten() {
    let items = book(Self.hostile).timeline(TimelineQuery(substance: "mdma"))
    #expect(items.map(\.entry.title) == ["Scheduled", Self.title])
    #expect(items.last?.entry.instrument == Self.instrument)
  }

  @Test func timelineMarkdownEscapesLikeTheReports() {
    let markdown = TimelineMarkdownRenderer().render(book(Self.hostile).timeline(TimelineQuery(substance: "mdma")))
    Self.checkEscaped(markdown)
    #expect(markdown.contains(MarkdownEscaper.text(Self.title)))
    #expect(markdown.contains(MarkdownEscaper.text(Self.instrument)))
    // The source has a `(` and a `|`: still one link, in one cell.
    #expect(markdown.contains("[1](https://example.org/a_%28b%29%7Cc)"))
  }

  @Test func diffMarkdownEscapesLikeTheReports() {
    let diff = RuleDiff(old: book(Self.base), new: book(Self.hostile))
    #expect(diff.entries.count == 1)
    #expect(!diff.answers.isEmpty)
    let markdown = DiffMarkdownRenderer().render(diff, old: "origin/`main`|x", new: "Rules\r\n<b>")
    Self.checkEscaped(markdown)
    #expect(markdown.contains(MarkdownEscaper.text(Self.title)))
    #expect(markdown.contains(MarkdownEscaper.text(Self.condition)))
    // Revision labels are code spans, fenced past the backtick inside.
    #expect(markdown.contains("### psyreg: rule changes ``origin/`main`|x`` → `Rules <b>`\n"))
  }

  @Test func theMarkdownReportEscapesTheSameStrings() {
    let report = JurisdictionReport(
      book: book(Self.hostile), jurisdiction: "xa", date: CivilDate("2024-06-01")!,
      ruleSet: RuleSetIdentity.compute(Self.hostile.map { ($0.key, Array($0.value.utf8)) }))
    let markdown = MarkdownReportRenderer().render(report)
    Self.checkEscaped(markdown)
    #expect(markdown.contains(MarkdownEscaper.text(Self.title)))
    #expect(markdown.contains(MarkdownEscaper.text(Self.condition)))
    #expect(markdown.contains(MarkdownEscaper.text(Self.instrument)))
  }

  /// No raw HTML but `<br>`, the diff's marker comment and autolinks to the sources, no link into `javascript:`, no CR,
  /// and every table row with as many cells as its header.
  static func checkEscaped(_ markdown: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(!markdown.unicodeScalars.contains("\r"), sourceLocation: sourceLocation)
    let html = unescaped("<", in: markdown).filter {
      !$0.hasPrefix("<br>") && !$0.hasPrefix("<!-- psyreg-diff -->") && !$0.hasPrefix("<https://")
    }
    #expect(html.isEmpty, "raw HTML: \(html)", sourceLocation: sourceLocation)
    #expect(unescaped("](javascript", in: markdown).isEmpty, sourceLocation: sourceLocation)
    var columns: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        columns = nil
        continue
      }
      let pipes = unescaped("|", in: String(line)).count
      if let columns {
        #expect(pipes == columns, "\(line)", sourceLocation: sourceLocation)
      } else {
        columns = pipes
      }
    }
  }

  /// The text from each occurrence of `needle` that is not preceded by a backslash. Inside a
  /// code span a backslash is literal and markup is text, so code is skipped, except for
  /// pipes, which split GFM table cells even there.
  static func unescaped(_ needle: String, in text: String) -> [Substring] {
    var found: [Substring] = []
    var fence = 0  // the length of the open code span's fence; 0 outside code
    var index = text.startIndex
    var escaped = false
    while index < text.endIndex {
      let c = text[index]
      if c == "`" && !escaped {
        var end = index
        var run = 0
        while end < text.endIndex && text[end] == "`" {
          end = text.index(after: end)
          run += 1
        }
        if fence == 0 {
          fence = run
        } else if run == fence {
          fence = 0
        }
        index = end
        continue
      }
      if !escaped && (fence == 0 || needle == "|") && text[index...].hasPrefix(needle) {
        found.append(text[index...].prefix(40))
      }
      escaped = !escaped && c == "\\"
      index = text.index(after: index)
    }
    return found
  }
}
