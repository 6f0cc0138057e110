import PsyregCore

/// Which strings from the rules may become links that leave the page, in HTML and Markdown
/// alike: plain `http(s)` URLs without spaces, control characters, quotes or angle brackets.
/// Anything else (`javascript:`, `data:`, a relative path) is shown as text, never linked.
package enum ExternalLink {
  /// The link target, or nil when the string must stay text.
  package static func target(_ s: String) -> String? {
    let lower = s.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    let unsafe = s.unicodeScalars.contains { scalar in
      scalar.value < 0x21 || (0x7F...0x9F).contains(scalar.value) || scalar == "\"" || scalar == "<"
        || scalar == ">"
    }
    return unsafe ? nil : s
  }
}
