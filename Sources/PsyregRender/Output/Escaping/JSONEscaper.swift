import PsyregCore

/// JSON (RFC 8259) string literals: `"` and `\` escaped, LF, CR and tab as `\n`, `\r`, `\t`
/// (a CRLF, one `Character` in Swift, is the two escapes `\r\n`), and every other control
/// character below U+0020 as `\u00XX`. Everything else, non-ASCII included, is written as is.
package enum JSONEscaper {
  /// The string as a quoted JSON literal.
  package static func quoted(_ s: String) -> String {
    var out = ""
    quote(s, into: &out)
    return out
  }

  package static func quote(_ s: String, into out: inout String) {
    out += "\""
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      out += s
      out += "\""
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
