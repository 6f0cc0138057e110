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

  /// Scans the UTF-8 bytes and copies the runs that need no escaping whole; a string with
  /// nothing to escape is returned as it is.
  static func escape(_ s: String, attribute: Bool) -> String {
    var s = s
    let escaped: String? = s.withUTF8 { bytes in
      guard let first = firstSpecial(bytes, from: 0) else { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
      var runStart = 0
      var i = first
      while i < bytes.count {
        let b = bytes[i]
        var width = 1
        var replacement: StaticString?
        switch b {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&#39;"
        case UInt8(ascii: "\t"): replacement = attribute ? "&#9;" : nil
        case UInt8(ascii: "\n") where i > 0 && bytes[i - 1] == UInt8(ascii: "\r"):
          replacement = ""  // the LF of a CRLF: its line break is written
        case UInt8(ascii: "\n"): replacement = attribute ? "&#10;" : nil
        case UInt8(ascii: "\r"): replacement = attribute ? "&#10;" : "\n"
        case 0x00..<0x20, 0x7F: replacement = "\u{FFFD}"
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F:
          replacement = "\u{FFFD}"  // C1 controls
          width = 2
        case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
          replacement = "\u{FFFD}"  // U+FFFE, U+FFFF
          width = 3
        default: break
        }
        if let replacement {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
          replacement.withUTF8Buffer { out.append(contentsOf: $0) }
          i += width
          runStart = i
          guard let next = firstSpecial(bytes, from: i) else { break }
          i = next
        } else {
          guard let next = firstSpecial(bytes, from: i + 1) else { break }
          i = next
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
      return String(decoding: out, as: UTF8.self)
    }
    return escaped ?? s
  }

  /// The index of the first byte that may need escaping, from `start`.
  @inline(__always)
  static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xEF { return i }
      switch b {
      case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return i
      default: i += 1
      }
    }
    return nil
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
