import Foundation
import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The strings every escaper is fed: markup, a link that would run script, table and code
/// delimiters, and every kind of line break and control character.
enum Hostile {
  static let script = "<script>alert(\"x\")</script>"
  static let link = "](javascript:alert(1))"
  static let pipe = "a | b"
  static let backticks = "``code`"
  /// CRLF is one `Character` in Swift, equal to neither "\n" nor "\r".
  static let crlf = "one\r\ntwo"
  static let cr = "one\rtwo"
  static let controls = "a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}f"
  static let all = [script, link, pipe, backticks, crlf, cr, controls]
}

@Suite struct XMLEscaperTests {
  @Test func crlfIsOneCharacter() {
    #expect("a\r\nb".count == 3)
    #expect(Character("\r\n") != "\n" && Character("\r\n") != "\r")
  }

  @Test func markupBecomesEntities() {
    #expect(XMLEscaper.text(Hostile.script) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    #expect(XMLEscaper.attribute("a & 'b'") == "a &amp; &#39;b&#39;")
    // Markdown's and JSON's delimiters mean nothing in XML.
    #expect(XMLEscaper.text(Hostile.link) == Hostile.link)
    #expect(XMLEscaper.text(Hostile.pipe) == Hostile.pipe)
    #expect(XMLEscaper.text(Hostile.backticks) == Hostile.backticks)
    #expect(XMLEscaper.text("Østfold — ≠ 🍄") == "Østfold — ≠ 🍄")
  }

  @Test func lineBreaksAreNormalisedToLF() {
    #expect(XMLEscaper.text(Hostile.crlf) == "one\ntwo")
    #expect(XMLEscaper.text(Hostile.cr) == "one\ntwo")
    #expect(XMLEscaper.text("a\r\r\nb\n\rc") == "a\n\nb\n\nc")
    #expect(XMLEscaper.attribute(Hostile.crlf) == "one&#10;two")
    #expect(XMLEscaper.attribute(Hostile.cr) == "one&#10;two")
    #expect(XMLEscaper.attribute("a\tb\nc") == "a&#9;b&#10;c")
    #expect(XMLEscaper.text("a\tb\nc") == "a\tb\nc")
  }

  @Test func forbiddenCharactersBecomeReplacementCharacters() {
    #expect(XMLEscaper.text(Hostile.controls) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
    #expect(XMLEscaper.attribute("\u{FFFE}\u{FFFF}\u{FFFD}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
  }

  #if canImport(FoundationXML) || canImport(Darwin)
    /// What a parser reads back is the string, line breaks as LF.
    @Test(arguments: Hostile.all)
    func anXMLParserReadsTheStringBack(_ s: String) throws {
      let xml = "<r a=\"\(XMLEscaper.attribute(s))\">\(XMLEscaper.text(s))</r>"
      let root = try #require(try XMLDocument(xmlString: xml).rootElement())
      let expected = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        .unicodeScalars.map { XMLEscaper.isForbidden($0) ? "\u{FFFD}" : String($0) }.joined()
      #expect(root.attribute(forName: "a")?.stringValue == expected)
      #expect(root.stringValue == expected)
    }
  #endif
}

@Suite struct MarkdownEscaperTests {
  @Test func markupIsBackslashEscaped() {
    #expect(MarkdownEscaper.text(Hostile.script) == "\\<script\\>alert(\"x\")\\</script\\>")
    #expect(MarkdownEscaper.text(Hostile.link) == "\\](javascript:alert(1))")
    #expect(MarkdownEscaper.text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))")
    #expect(MarkdownEscaper.text(Hostile.pipe) == "a \\| b")
    #expect(MarkdownEscaper.text(Hostile.backticks) == "\\`\\`code\\`")
    #expect(MarkdownEscaper.text("*a* _b_ ~c~ #d &amp; $x$ \\") == "\\*a\\* \\_b\\_ \\~c\\~ \\#d \\&amp; \\$x\\$ \\\\")
    #expect(MarkdownEscaper.text("Measure 110 (2020) — Østfold: 1. ok!") == "Measure 110 (2020) — Østfold: 1. ok!")
  }

  @Test func aCombiningMarkDoesNotHideADelimiter() {
    // "*" + U+0301 is one Character, but CommonMark reads the "*" alone.
    #expect(MarkdownEscaper.text("*\u{301}x*") == "\\*\u{301}x\\*")
  }

  @Test func lineBreaksBecomeOneSpace() {
    #expect(MarkdownEscaper.text(Hostile.crlf) == "one two")
    #expect(MarkdownEscaper.text(Hostile.cr) == "one two")
    #expect(MarkdownEscaper.text("a\nb") == "a b")
    #expect(MarkdownEscaper.text("a\r\r\nb") == "a  b")
    #expect(MarkdownEscaper.text("a\u{2028}b\u{2029}c") == "a b c")
    #expect(MarkdownEscaper.text("a\tb") == "a\tb")
  }

  @Test func controlCharactersBecomeReplacementCharacters() {
    #expect(MarkdownEscaper.text(Hostile.controls) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
  }

  @Test(arguments: Hostile.all)
  func escapedTextNeverBreaksATableRow(_ s: String) {
    let escaped = MarkdownEscaper.text(s)
    #expect(!escaped.contains { $0.isNewline })
    // Every pipe, bracket, angle bracket and backtick is preceded by a backslash.
    let scalars = Array(escaped.unicodeScalars)
    for (i, scalar) in scalars.enumerated() where "|[]<>`".unicodeScalars.contains(scalar) {
      #expect(i > 0 && scalars[i - 1] == "\\", "\(escaped)")
    }
  }

  @Test func codeSpansFenceLongerThanAnyRunInside() {
    #expect(MarkdownEscaper.code("Rules/us.yaml:38") == "`Rules/us.yaml:38`")
    #expect(MarkdownEscaper.code("a`b") == "``a`b``")
    #expect(MarkdownEscaper.code(Hostile.backticks) == "``` ``code` ```")
    #expect(MarkdownEscaper.code("`a") == "`` `a ``")
    #expect(MarkdownEscaper.code(" a ") == "`  a  `")
    #expect(MarkdownEscaper.code("  ") == "`  `")
    #expect(MarkdownEscaper.code("") == "")
    // Inside code, markup is literal: nothing to escape.
    #expect(MarkdownEscaper.code(Hostile.script) == "`<script>alert(\"x\")</script>`")
    #expect(MarkdownEscaper.code(Hostile.link) == "`](javascript:alert(1))`")
  }

  @Test func codeSpansEscapePipesOnlyInTables() {
    #expect(MarkdownEscaper.code(Hostile.pipe) == "`a | b`")
    #expect(MarkdownEscaper.code(Hostile.pipe, inTable: true) == "`a \\| b`")
  }

  @Test func codeSpansHaveNoLineBreaksOrControls() {
    #expect(MarkdownEscaper.code(Hostile.crlf) == "`one two`")
    #expect(MarkdownEscaper.code(Hostile.cr) == "`one two`")
    #expect(MarkdownEscaper.code("a\u{0}b") == "`a\u{FFFD}b`")
    #expect(MarkdownEscaper.code("a\r\n") == "`a `")
  }

  @Test func urlsArePercentEncodedWhereMarkdownWouldEndThem() {
    #expect(MarkdownEscaper.url("https://e.org/a b(c)|d<e>") == "https://e.org/a%20b%28c%29%7Cd%3Ce%3E")
    #expect(MarkdownEscaper.url("https://e.org/\r\nx\ty\rz") == "https://e.org/xyz")
    #expect(MarkdownEscaper.url("https://e.org/\u{1}\u{7F}") == "https://e.org/%01%7F")
    #expect(MarkdownEscaper.url("https://e.org/?a=1&b=é") == "https://e.org/?a=1&b=é")
  }

  @Test func onlyHTTPURLsBecomeLinks() {
    #expect(MarkdownEscaper.link("1", to: "https://e.org/a_(b)") == "[1](https://e.org/a_%28b%29)")
    #expect(MarkdownEscaper.link("1", to: "javascript:alert(1)") == "javascript:alert(1)")
    #expect(MarkdownEscaper.link("1", to: "https://e.org/<x>") == "https://e.org/\\<x\\>")
    #expect(MarkdownEscaper.link("1", to: "https://e.org/a\r\nb") == "https://e.org/a b")
  }
}

@Suite struct ExternalLinkTests {
  @Test func plainHTTPOnly() {
    #expect(ExternalLink.target("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2")
    #expect(ExternalLink.target("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG")
    for s in [
      "javascript:alert(1)", "JavaScript:alert(1)", " https://e.org", "data:text/html,<script>", "//e.org",
      "https://e.org/a b", "https://e.org/\r\n", "https://e.org/\u{85}", "https://e.org/\"", "https://e.org/<x>",
    ] {
      #expect(ExternalLink.target(s) == nil, "\(s)")
    }
  }
}

@Suite struct JSONEscaperTests {
  @Test func quotesBackslashesAndControls() {
    #expect(JSONEscaper.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
    #expect(JSONEscaper.quoted(Hostile.crlf) == "\"one\\r\\ntwo\"")
    #expect(JSONEscaper.quoted(Hostile.cr) == "\"one\\rtwo\"")
    #expect(JSONEscaper.quoted("\t\u{0}\u{1F}\u{7F}") == "\"\\t\\u0000\\u001f\u{7F}\"")
    #expect(JSONEscaper.quoted(Hostile.script) == "\"<script>alert(\\\"x\\\")</script>\"")
    #expect(JSONEscaper.quoted("Østfold 🍄") == "\"Østfold 🍄\"")
    #expect(JSON.string("a\r\nb").rendered() == "\"a\\r\\nb\"")
  }

  @Test(arguments: Hostile.all)
  func aJSONParserReadsTheStringBack(_ s: String) throws {
    let parsed = try JSONSerialization.jsonObject(with: Data("[\(JSONEscaper.quoted(s))]".utf8)) as? [String]
    #expect(parsed == [s])
  }
}

@Suite struct WorkflowCommandEscaperTests {
  @Test func dataEscapesPercentAndLineBreaks() {
    #expect(WorkflowCommandEscaper.data(Hostile.crlf) == "one%0D%0Atwo")
    #expect(WorkflowCommandEscaper.data(Hostile.cr) == "one%0Dtwo")
    #expect(WorkflowCommandEscaper.data("100%\n") == "100%25%0A")
    // The message is everything after the first `::`, so colons stay.
    #expect(WorkflowCommandEscaper.data("::error::x, y") == "::error::x, y")
    #expect(WorkflowCommandEscaper.data(Hostile.script) == Hostile.script)
  }

  @Test func propertiesEscapeColonsAndCommas() {
    #expect(WorkflowCommandEscaper.property("Rules/a,b:c.yaml") == "Rules/a%2Cb%3Ac.yaml")
    #expect(WorkflowCommandEscaper.property(Hostile.link) == "](javascript%3Aalert(1))")
    #expect(WorkflowCommandEscaper.property("a\r\n::b") == "a%0D%0A%3A%3Ab")
    #expect(WorkflowCommandEscaper.property("%3A:") == "%253A%3A")
  }

  @Test(arguments: Hostile.all)
  func aCommandStaysOneLine(_ s: String) {
    // The runner reads its output line by line, at CR and LF (U+0085 is not a line end there).
    #expect(!WorkflowCommandEscaper.data(s).unicodeScalars.contains { $0 == "\r" || $0 == "\n" })
    #expect(!WorkflowCommandEscaper.property(s).unicodeScalars.contains { "\r\n:,".unicodeScalars.contains($0) })
  }
}

@Suite struct URIEscaperTests {
  @Test func pathsArePercentEncoded() {
    #expect(URIEscaper.path("Rules/jurisdictions/us-or.yaml") == "Rules/jurisdictions/us-or.yaml")
    #expect(URIEscaper.path("My Rules/a,b:c.yaml") == "My%20Rules/a%2Cb%3Ac.yaml")
    #expect(URIEscaper.path("/tmp/x y") == "file:///tmp/x%20y")
    #expect(URIEscaper.path(Hostile.crlf) == "one%0D%0Atwo")
    #expect(URIEscaper.path(Hostile.cr) == "one%0Dtwo")
    #expect(URIEscaper.path("é") == "%C3%A9")
    #expect(URIEscaper.path("a\u{0}b") == "a%00b")
    #expect(URIEscaper.path(Hostile.link) == "%5D%28javascript%3Aalert%281%29%29")
    #expect(URIEscaper.path("<script>|`") == "%3Cscript%3E%7C%60")
  }

  @Test(arguments: Hostile.all)
  func onlyUnreservedCharactersAndEscapesRemain(_ s: String) {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/%")
    #expect(URIEscaper.path(s).allSatisfy { allowed.contains($0) })
  }
}

@Suite struct TerminalEscaperTests {
  @Test func controlCharactersBecomeVisibleText() {
    #expect(TerminalEscaper.sanitize("a\u{1B}[31mred\u{07}") == "a\\u{1B}[31mred\\u{7}")
    #expect(TerminalEscaper.sanitize("over\rwrite") == "over\\u{D}write")
    #expect(TerminalEscaper.sanitize("crlf\r\nline") == "crlf\\u{D}\nline")
    #expect(TerminalEscaper.sanitize("c1\u{9B}x\u{7F}") == "c1\\u{9B}x\\u{7F}")
    #expect(TerminalEscaper.sanitize("bidi \u{202E}txt.exe") == "bidi \\u{202E}txt.exe")
    #expect(TerminalEscaper.sanitize("tab\tand\nnewline, ünïcödé, 日本") == "tab\tand\nnewline, ünïcödé, 日本")
  }

  @Test func forgedWorkflowCommandsAreDefused() {
    #expect(TerminalEscaper.sanitize("key 'x\n::error file=a::b'\n") == "key 'x\n\\::error file=a::b'\n")
    #expect(TerminalEscaper.sanitize("::add-mask::x") == "\\::add-mask::x")
    #expect(TerminalEscaper.sanitize("t\n##[error]legacy") == "t\n\\##[error]legacy")
    #expect(TerminalEscaper.sanitize("## heading") == "## heading")
    #expect(TerminalEscaper.sanitize("a::b\n:x") == "a::b\n:x")
    #expect(TerminalEscaper.sanitize("::error::real\n", workflowCommands: true) == "::error::real\n")
  }
}
