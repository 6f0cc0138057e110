/// Text bound for a terminal or a CI log, made inert: the one place control characters and
/// forged workflow commands are neutralised, for every format psyreg prints.
///
/// - C0 controls other than tab and newline, DEL, and C1 controls (ESC sequences, OSC
///   hyperlinks and titles, BEL, a carriage return that overprints a line) are shown as
///   `\u{1B}`-style text; so are the bidirectional overrides that reorder what is read.
/// - A line that starts with `::` (or `##[`, the older syntax) is a GitHub workflow command (`::error`, `::add-mask::`,
///   `::stop-commands::`); unless the output is meant to hold such commands (`validate
///   --format github`, whose own values are percent-encoded), it gets a leading `\`.
public enum TerminalEscaper {
  /// `text` made safe to print; `workflowCommands` keeps lines starting with `::` as they are.
  public static func sanitize(_ text: String, workflowCommands: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    // Only spaces and tabs since the line began: the runner reads a command after them too.
    var atLineStart = true
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.first {
      scalars = scalars.dropFirst()
      // `::command` and the runner's older `##[command]` syntax.
      if atLineStart && !workflowCommands
        && ((scalar == ":" && scalars.first == ":") || (scalar == "#" && scalars.starts(with: "#[".unicodeScalars)))
      {
        out += "\\"
      }
      atLineStart = scalar == "\n" || (atLineStart && (scalar == " " || scalar == "\t"))
      if isInert(scalar) {
        out.unicodeScalars.append(scalar)
      } else {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return out
  }

  /// Printable, or a tab or newline.
  static func isInert(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: true
    case 0x00...0x1F, 0x7F...0x9F: false
    // Bidirectional embeddings, overrides and isolates; line and paragraph separators.
    case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: false
    default: true
    }
  }
}
