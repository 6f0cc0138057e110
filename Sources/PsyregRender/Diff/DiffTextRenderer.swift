import PsyregCore

/// The formats `psyreg diff` writes, each with its renderer.
public enum DiffFormat: String, Sendable, CaseIterable {
  case text, markdown, json

  /// The renderer that writes this format.
  public var renderer: any DiffRenderer {
    switch self {
    case .text: DiffTextRenderer()
    case .markdown: DiffMarkdownRenderer()
    case .json: DiffJSONRenderer()
    }
  }
}

/// Lays out a rule diff in one format; `old` and `new` name the two sides (folders or revisions).
public protocol DiffRenderer: Sendable {
  /// The whole output, ending in a newline.
  func render(_ diff: RuleDiff, old: String, new: String) -> String
}

/// `psyreg diff` as plain text: definitions, entries and answers by jurisdiction, then a summary.
public struct DiffTextRenderer: DiffRenderer {
  /// A plain-text diff renderer.
  public init() {}

  /// The diff as indented plain text, ending with the summary sentence.
  public func render(_ diff: RuleDiff, old: String, new: String) -> String {
    var out = "Rule changes from \(old) to \(new)\n"
    if !diff.definitions.isEmpty {
      out += "\nDefinitions\n"
      for d in diff.definitions {
        out += "  \(d.change.rawValue) \(d.what.rawValue) \(d.id)  \(d.location)\n"
        for field in d.fields { out += "      \(field.text)\n" }
      }
    }
    if !diff.entries.isEmpty {
      out += "\nEntries\n"
      var jurisdiction = ""
      for e in diff.entries {
        if e.jurisdiction != jurisdiction {
          jurisdiction = e.jurisdiction
          out += "  \(jurisdiction)\n"
        }
        let entry = e.entry
        out +=
          "    \(e.change.rawValue)  \(e.dateText)  \(entry.substances.joined(separator: ", "))  "
        out += "\(entry.kind.rawValue)  \"\(entry.title)\"  \(e.location)\n"
        for field in e.fields where field.field != "date" { out += "        \(field.text)\n" }
      }
    }
    if !diff.answers.isEmpty {
      out += "\nAnswers that change\n"
      var jurisdiction = ""
      for a in diff.answers {
        if a.jurisdiction != jurisdiction {
          jurisdiction = a.jurisdiction
          out += "  \(jurisdiction)\n"
        }
        out += "    \(a.line)\n"
        if let conditions = a.conditionsLine { out += "        \(conditions)\n" }
      }
    }
    out += "\n\(DiffSummary(diff).sentence).\n"
    return out
  }
}
