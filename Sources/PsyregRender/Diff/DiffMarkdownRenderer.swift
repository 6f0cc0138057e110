import PsyregCore

/// `psyreg diff --format markdown`: a pull-request comment. It starts with a hidden marker
/// (`<!-- psyreg-diff -->`) so a workflow can find and update its earlier comment, and keeps
/// under GitHub's comment size limit by cutting long tables short. Every string from the rules
/// is escaped as the Markdown reports escape it.
public struct DiffMarkdownRenderer: DiffRenderer {
  /// The hidden first line that identifies psyreg's comment on a pull request.
  public static let marker = "<!-- psyreg-diff -->"
  /// Rows per table before the rest is left out (GitHub comments hold 65,536 characters).
  public static let rowLimit = 150

  /// A Markdown diff renderer.
  public init() {}

  /// The comment: marker, heading, summary, then tables of answers, entries and definitions that change.
  public func render(_ diff: RuleDiff, old: String, new: String) -> String {
    let summary = DiffSummary(diff)
    var out = "\(Self.marker)\n### psyreg: rule changes \(MarkdownEscaper.code(old)) → \(MarkdownEscaper.code(new))\n\n"
    out += "**\(MarkdownEscaper.text(summary.sentence)).**"
    if !summary.jurisdictions.isEmpty {
      out +=
        " Jurisdictions: " + summary.jurisdictions.map { MarkdownEscaper.code($0) }.joined(separator: ", ") + "."
    }
    out += "\n"
    if !diff.answers.isEmpty {
      out += "\n#### Answers that change\n\n"
      out +=
        "| Substance | Jurisdiction | Activity | Before | After | Dates |\n|---|---|---|---|---|---|\n"
      for a in diff.answers.prefix(Self.rowLimit) {
        var after = Self.text(a.new.description)
        if let conditions = a.conditionsLine { after += "<br>" + Self.text(conditions) }
        out += Self.row([
          Self.text(a.substance), Self.text(a.jurisdiction), Self.text(a.activity.rawValue),
          Self.text(a.old.description), after,
          Self.text(a.range),
        ])
      }
      out += Self.overflow(diff.answers.count)
    }
    if !diff.entries.isEmpty {
      out += "\n#### Timeline entries\n\n"
      out += "| Change | Jurisdiction | Date | Substances | Kind | Title | What changed | Where |\n"
      out += "|---|---|---|---|---|---|---|---|\n"
      for e in diff.entries.prefix(Self.rowLimit) {
        let entry = e.entry
        let fields = e.fields.filter { $0.field != "date" }
        let cells = [
          e.change.rawValue, e.jurisdiction, e.dateText, entry.substances.joined(separator: ", "),
          entry.kind.rawValue, entry.title,
        ].map(Self.text)
        out += Self.row(cells + [Self.lines(fields.map(\.text)), MarkdownEscaper.code(e.location, inTable: true)])
      }
      out += Self.overflow(diff.entries.count)
    }
    if !diff.definitions.isEmpty {
      out +=
        "\n#### Definitions\n\n| Change | What | Id | Fields | Where |\n|---|---|---|---|---|\n"
      for d in diff.definitions.prefix(Self.rowLimit) {
        out += Self.row([
          Self.text(d.change.rawValue), Self.text(d.what.rawValue), Self.text(d.id), Self.lines(d.fields.map(\.text)),
          MarkdownEscaper.code(d.location, inTable: true),
        ])
      }
      out += Self.overflow(diff.definitions.count)
    }
    return out
  }

  static func text(_ s: String) -> String { MarkdownEscaper.text(s) }

  /// Several lines in one table cell.
  static func lines(_ lines: [String]) -> String { lines.map(Self.text).joined(separator: "<br>") }

  /// A table row of cells that are Markdown already.
  static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

  static func overflow(_ count: Int) -> String {
    count > rowLimit
      ? "\n…and \(count - rowLimit) more; run `psyreg diff` locally for the full list.\n" : ""
  }
}
