import PsyregCore

/// XML 1.0 and HTML, one escaper for both: the HTML reports, their SVG timelines and JUnit XML.
///
/// `& < > " '` become `&amp; &lt; &gt; &quot; &#39;` in text and attributes alike (`&#39;`
/// rather than `&apos;`, which HTML 4 lacks). Line breaks are normalised to LF, as XML and
/// HTML parsers normalise them themselves: CRLF (one `Character` in Swift) and a lone CR
/// each become one line break. Characters XML 1.0 forbids and HTML reports as parse errors
/// (C0 controls but tab, LF and CR; DEL and the C1 controls; U+FFFE and U+FFFF) become U+FFFD.
package enum XMLEscaper {
  /// Element content: HTML text, an SVG `<title>`, a JUnit failure body. Tab and line breaks stay.
  package static func text(_ s: String) -> String { escape(s, attribute: false) }

  /// A double- or single-quoted attribute value. Tab and line breaks become `&#9;` and `&#10;`,
  /// so that attribute-value normalisation does not turn them into spaces.
  package static func attribute(_ s: String) -> String { escape(s, attribute: true) }

  static func escape(_ s: String, attribute: Bool) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    var afterCR = false
    for scalar in s.unicodeScalars {
      defer { afterCR = scalar == "\r" }
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t": out += attribute ? "&#9;" : "\t"
      case "\n" where afterCR: break  // the LF of a CRLF: its line break is written
      case "\n", "\r": out += attribute ? "&#10;" : "\n"
      case _ where isForbidden(scalar): out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Not allowed in XML 1.0 (or a parse error in HTML) even as a character reference.
  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F: scalar != "\t" && scalar != "\n" && scalar != "\r"
    case 0x7F...0x9F, 0xFFFE, 0xFFFF: true
    default: false
    }
  }
}
