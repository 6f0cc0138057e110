import PsyregCore

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as the runner
/// unescapes them. Percent first, so an escape is never escaped twice.
package enum WorkflowCommandEscaper {
  /// The message after `::`: `%`, CR and LF are percent-encoded (a CRLF, one `Character` in
  /// Swift, is `%0D%0A`), so a message of several lines stays one command.
  package static func data(_ s: String) -> String { escape(s, property: false) }

  /// A property value (`file=`, `title=`): as data, and `:` and `,`, which end a value.
  package static func property(_ s: String) -> String { escape(s, property: true) }

  static func escape(_ s: String, property: Bool) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":" where property: out += "%3A"
      case "," where property: out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
