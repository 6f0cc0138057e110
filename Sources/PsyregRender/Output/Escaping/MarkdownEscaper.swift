import PsyregCore

/// GitHub-flavoured Markdown: inline text, code spans and link destinations, for the Markdown
/// reports, `psyreg timeline --format markdown` and `psyreg diff --format markdown` alike.
///
/// Everything here is inline: the renderers never start a line with a string from the rules,
/// so block syntax (`- `, `1. `, `> `, `===`) cannot be triggered by one. Line breaks — LF,
/// CR, CRLF (one `Character` in Swift), U+2028 and U+2029 — become one space, since a line
/// break would end a table row or a list item; other control characters become U+FFFD.
package enum MarkdownEscaper {
  /// The ASCII punctuation that can open or close inline markup: `\` escapes, `` ` `` code,
  /// `*` `_` emphasis, `~` strikethrough, `[` `]` links and images, `<` `>` HTML and autolinks,
  /// `&` entities, `|` table cells, `#` headings' closing sequence, `$` GitHub's maths.
  static let punctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "~", "[", "]", "<", ">", "&", "|", "#", "$"]

  /// Text safe anywhere inline: a paragraph, a list item, a heading, a GFM table cell. It
  /// renders as the text itself, never as markup: `<script>` stays text, `](javascript:…)`
  /// cannot close a link, `|` cannot split a cell.
  package static func text(_ s: String) -> String {
    if isPlain(s) { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count)
    forEachScalar(s) { scalar in
      switch scalar {
      case _ where punctuation.contains(scalar):
        out += "\\"
        out.unicodeScalars.append(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A code span, backtick fences included: `` `a|b` ``. Code spans cannot escape a backtick,
  /// so the fence is one backtick longer than the longest run inside, padded with a space when
  /// the content starts or ends with a backtick or a space (CommonMark strips one of each).
  /// In a table (`inTable`), `|` is written `\|`, which GFM reads as a pipe even in code.
  /// Empty text gives an empty string: Markdown has no empty code span.
  package static func code(_ s: String, inTable: Bool = false) -> String {
    var content = ""
    var longestRun = 0
    var run = 0
    forEachScalar(s) { scalar in
      run = scalar == "`" ? run + 1 : 0
      longestRun = max(longestRun, run)
      if inTable && scalar == "|" { content += "\\" }
      content.unicodeScalars.append(scalar)
    }
    guard let first = content.unicodeScalars.first, let last = content.unicodeScalars.last else { return "" }
    let fence = String(repeating: "`", count: longestRun + 1)
    let allSpaces = content.unicodeScalars.allSatisfy { $0 == " " }
    let pad = first == "`" || last == "`" || (first == " " && last == " " && !allSpaces)
    return pad ? "\(fence) \(content) \(fence)" : fence + content + fence
  }

  /// A link destination safe inside `<…>` and `(…)`, also in a table cell: space, `<`, `>`,
  /// `(`, `)`, `|` and control characters are percent-encoded; tab, CR and LF are dropped, as
  /// URL parsers drop them. Whether a string may be a link at all is `ExternalLink`'s question.
  package static func url(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\t", "\n", "\r": break
      case " ", "<", ">", "(", ")", "|", "\u{7F}": out += percent(UInt8(scalar.value))
      case _ where scalar.value < 0x20: out += percent(UInt8(scalar.value))
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A numbered link (`[1](https://…)`) when the URL may be a link, else the URL as text.
  package static func link(_ label: String, to url: String) -> String {
    guard let target = ExternalLink.target(url) else { return text(url) }
    return "[\(text(label))](\(self.url(target)))"
  }

  /// Whether `text` would return the string unchanged: no punctuation, control character or
  /// line separator in it (C1 controls start with 0xC2, U+2028 and U+2029 with 0xE2).
  static func isPlain(_ s: String) -> Bool {
    s.utf8.allSatisfy { b in
      switch b {
      case 0x00..<0x20, 0x7F, 0xC2, 0xE2: false
      case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"),
        UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
        UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "$"):
        false
      default: true
      }
    }
  }

  /// Calls `body` with every scalar of `s`, line breaks (CRLF once) as one space and other
  /// control characters as U+FFFD; tab stays.
  static func forEachScalar(_ s: String, _ body: (Unicode.Scalar) -> Void) {
    var afterCR = false
    for scalar in s.unicodeScalars {
      defer { afterCR = scalar == "\r" }
      switch scalar.value {
      case 0x0A where afterCR: continue
      case 0x0A, 0x0D, 0x2028, 0x2029: body(" ")
      case 0x09: body(scalar)
      case 0x00...0x1F, 0x7F...0x9F: body("\u{FFFD}")
      default: body(scalar)
      }
    }
  }

  static func percent(_ byte: UInt8) -> String {
    let hex = String(byte, radix: 16, uppercase: true)
    return "%" + (hex.count == 1 ? "0" + hex : hex)
  }
}
