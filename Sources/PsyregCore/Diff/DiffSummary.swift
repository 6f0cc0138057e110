/// The counts the formatters share: "3 entries changed (1 added, 1 removed, 1 changed), …".
public struct DiffSummary: Sendable, Hashable {
  /// Records added: timeline entries, initial statuses, baselines, schedules, adoptions.
  public var entriesAdded: Int
  /// Records removed.
  public var entriesRemoved: Int
  /// Records changed in place.
  public var entriesChanged: Int
  /// Substances and jurisdictions added, removed or redefined.
  public var definitions: Int
  /// Answer changes, each for one substance, jurisdiction and activity over one range of dates.
  public var answers: Int
  /// The ids of the jurisdictions whose answers change, sorted.
  public var jurisdictions: [String]

  /// Counts a diff.
  public init(_ diff: RuleDiff) {
    entriesAdded = diff.entries.filter { $0.change == .added }.count
    entriesRemoved = diff.entries.filter { $0.change == .removed }.count
    entriesChanged = diff.entries.filter { $0.change == .changed }.count
    definitions = diff.definitions.count
    answers = diff.answers.count
    jurisdictions = diff.answerJurisdictions
  }

  /// Records added, removed or changed, together.
  public var entries: Int { entriesAdded + entriesRemoved + entriesChanged }

  static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? word : plural ?? word + "s")"
  }

  /// One sentence, without a final full stop.
  public var sentence: String {
    if entries == 0 && definitions == 0 && answers == 0 { return "No changes to the rules" }
    var parts = [
      Self.plural(entries, "entry", "entries") + " changed"
        + (entries == 0
          ? "" : " (\(entriesAdded) added, \(entriesRemoved) removed, \(entriesChanged) changed)")
    ]
    if definitions > 0 { parts.append(Self.plural(definitions, "definition") + " changed") }
    parts.append(
      Self.plural(answers, "answer") + " changed"
        + (answers == 0 ? "" : " in " + Self.plural(jurisdictions.count, "jurisdiction")))
    return parts.joined(separator: ", ")
  }
}

extension AnswerChange {
  /// "psilocybin · au · medical: conditional → prohibited from 2023-07-01 to 2024-06-30".
  public var line: String {
    "\(substance) · \(jurisdiction) · \(activity.rawValue): \(old) → \(new) \(range)"
  }

  /// "conditions: − "a prescription"; + "age 21 or older"", or nil when they are the same.
  public var conditionsLine: String? {
    let removed = conditionsRemoved.map { "− \"\($0)\"" }
    let added = conditionsAdded.map { "+ \"\($0)\"" }
    if removed.isEmpty && added.isEmpty { return nil }
    return "conditions: " + (removed + added).joined(separator: "; ")
  }
}

extension EntryChange {
  /// "2023-07-01", "2023-07-01 → 2023-08-01" for a move, "initial".
  public var dateText: String {
    func text(_ e: RuleRecord?) -> String { e.map { $0.date?.description ?? $0.kind.rawValue } ?? "" }
    if change == .changed, old?.date != new?.date { return "\(text(old)) → \(text(new))" }
    return text(entry)
  }

  /// `file:line` of the entry on the new side (the old side for a removal).
  public var location: String {
    origin.fileAndLine
  }
}

extension DefinitionChange {
  /// `file:line` of the definition on the new side (the old side for a removal).
  public var location: String { origin.fileAndLine }
}

extension SourcePosition {
  /// "Rules/jurisdictions/au.yaml:58", or the file alone.
  var fileAndLine: String { line.map { "\(file):\($0)" } ?? file }
}

extension FieldChange {
  /// "date: 2023-07-01 → 2023-08-01".
  public var text: String { "\(field): \(old ?? "(none)") → \(new ?? "(none)")" }
}
