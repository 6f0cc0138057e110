import PsyregCore

/// JSON (RFC 8259) string literals: `"` and `\` escaped, LF, CR and tab as `\n`, `\r`, `\t`
/// (a CRLF, one `Character` in Swift, is the two escapes `\r\n`), and every other control
/// character (C0, DEL, C1) and the bidirectional overrides and line separators as `\uXXXX`, so
/// the JSON printed to a terminal passes `TerminalEscaper` unchanged. Everything else,
/// non-ASCII included, is written as is.
package enum JSONEscaper {
  /// The string as a quoted JSON literal.
  package static func quoted(_ s: String) -> String {
    var out = ""
    quote(s, into: &out)
    return out
  }

  package static func quote(_ s: String, into out: inout String) {
    out += "\""
    // Bytes from 0x7F up may start a C1 control or a bidi override: those take the slow path.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
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
      case _ where !TerminalEscaper.isInert(scalar):
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
