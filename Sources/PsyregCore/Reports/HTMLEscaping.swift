/// Escaping for HTML text and attribute values: every string from the rules passes through it.
public enum HTML {
  /// Text or a double- or single-quoted attribute value: `& < > " '` become entities.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// An external link target, or nil when it is not plain http(s) (so `javascript:` never becomes a link).
  public static func externalURL(_ s: String) -> String? {
    let lower = s.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    guard
      !s.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" })
    else {
      return nil
    }
    return s
  }
}
