/// `psyreg diff --format markdown`: a pull-request comment. It starts with a hidden marker
/// (`<!-- psyreg-diff -->`) so a workflow can find and update its earlier comment, and keeps
/// under GitHub's comment size limit by cutting long tables short.
public enum DiffMarkdownFormatter {
  public static let marker = "<!-- psyreg-diff -->"
  /// Rows per table before the rest is left out (GitHub comments hold 65,536 characters).
  public static let rowLimit = 150

  public static func markdown(_ diff: RuleDiff, old: String, new: String) -> String {
    let summary = DiffSummary(diff)
    var out = "\(marker)\n### psyreg: rule changes `\(code(old))` → `\(code(new))`\n\n"
    out += "**\(summary.sentence).**"
    if !summary.jurisdictions.isEmpty {
      out +=
        " Jurisdictions: " + summary.jurisdictions.map { "`\($0)`" }.joined(separator: ", ") + "."
    }
    out += "\n"
    if !diff.answers.isEmpty {
      out += "\n#### Answers that change\n\n"
      out +=
        "| Substance | Jurisdiction | Activity | Before | After | Dates |\n|---|---|---|---|---|---|\n"
      for a in diff.answers.prefix(rowLimit) {
        var after = a.new.description
        if let conditions = a.conditionsLine { after += "<br>" + conditions }
        let cells = [
          a.substance, a.jurisdiction, a.activity.rawValue, a.old.description, after, a.range,
        ]
        out += row(cells)
      }
      out += overflow(diff.answers.count)
    }
    if !diff.entries.isEmpty {
      out += "\n#### Timeline entries\n\n"
      out += "| Change | Jurisdiction | Date | Substances | Kind | Title | What changed | Where |\n"
      out += "|---|---|---|---|---|---|---|---|\n"
      for e in diff.entries.prefix(rowLimit) {
        let entry = e.entry
        let fields = e.fields.filter { $0.field != "date" }.map(\.text).map(Markdown.cell).joined(
          separator: "<br>")
        let cells = [
          e.change.rawValue, e.jurisdiction, e.dateText, entry.substances.joined(separator: ", "),
          entry.kind.rawValue,
          entry.title,
        ]
        out +=
          "| " + cells.map(Markdown.cell).joined(separator: " | ")
          + " | \(fields) | `\(code(e.location))` |\n"
      }
      out += overflow(diff.entries.count)
    }
    if !diff.definitions.isEmpty {
      out +=
        "\n#### Definitions\n\n| Change | What | Id | Fields | Where |\n|---|---|---|---|---|\n"
      for d in diff.definitions.prefix(rowLimit) {
        let fields = d.fields.map(\.text).map(Markdown.cell).joined(separator: "<br>")
        out +=
          "| \(d.change.rawValue) | \(d.what.rawValue) | \(Markdown.cell(d.id)) | \(fields) | `\(code(d.location))` |\n"
      }
      out += overflow(diff.definitions.count)
    }
    return out
  }

  static func row(_ cells: [String]) -> String {
    "| " + cells.map(Markdown.cell).joined(separator: " | ") + " |\n"
  }

  static func overflow(_ count: Int) -> String {
    count > rowLimit
      ? "\n…and \(count - rowLimit) more; run `psyreg diff` locally for the full list.\n" : ""
  }

  /// Text for inline code: no backticks, no line breaks, pipes escaped for tables.
  static func code(_ text: String) -> String {
    Markdown.cell(text.replacingAll("`", with: "'"))
  }
}
