import PsyregCore

/// `psyreg diff --format json`: one object with the summary, the definitions, the entries and the answers.
public struct DiffJSONRenderer: DiffRenderer {
  /// A JSON diff renderer.
  public init() {}

  /// The diff as one JSON object, ending in a newline.
  public func render(_ diff: RuleDiff, old: String, new: String) -> String {
    json(diff, old: old, new: new).rendered() + "\n"
  }

  package func json(_ diff: RuleDiff, old: String, new: String) -> JSON {
    let summary = DiffSummary(diff)
    return .object([
      ("old", .string(old)),
      ("new", .string(new)),
      ("changed", .bool(!diff.isEmpty)),
      (
        "summary",
        .object([
          ("entries", .number(summary.entries)), ("entries_added", .number(summary.entriesAdded)),
          ("entries_removed", .number(summary.entriesRemoved)),
          ("entries_changed", .number(summary.entriesChanged)),
          ("definitions", .number(summary.definitions)), ("answers", .number(summary.answers)),
          ("jurisdictions", .array(summary.jurisdictions.map { .string($0) })),
          ("text", .string(summary.sentence)),
        ])
      ),
      ("definitions", .array(diff.definitions.map(Self.definition))),
      ("entries", .array(diff.entries.map(Self.entry))),
      ("answers", .array(diff.answers.map(Self.answer))),
    ])
  }

  static func position(_ origin: RuleOrigin) -> JSON {
    .object([("file", .string(origin.file)), ("line", origin.line.map { .number($0) } ?? .null)])
  }

  static func fields(_ fields: [FieldChange]) -> JSON {
    .array(
      fields.map {
        .object([("field", .string($0.field)), ("old", .string($0.old)), ("new", .string($0.new))])
      })
  }

  static func definition(_ d: DefinitionChange) -> JSON {
    .object([
      ("change", .string(d.change.rawValue)), ("type", .string(d.what.rawValue)),
      ("id", .string(d.id)),
      ("fields", fields(d.fields)), ("rule", position(d.origin)),
    ])
  }

  static func entry(_ e: EntryChange) -> JSON {
    let entry = e.entry
    return .object([
      ("change", .string(e.change.rawValue)),
      ("jurisdiction", .string(e.jurisdiction)),
      ("substances", .array(entry.substances.map { .string($0) })),
      ("date", .string(entry.date?.description)),
      ("old_date", .string(e.old.flatMap { $0.date?.description })),
      ("kind", .string(entry.kind.rawValue)),
      ("title", .string(entry.title)),
      ("fields", fields(e.fields)),
      ("rule", position(e.origin)),
    ])
  }

  static func outcome(_ o: AnswerOutcome) -> JSON {
    .object([
      ("verdict", .string(o.verdict.rawValue)), ("conflict", .bool(o.conflict)),
      ("conditions", .array(o.conditions.map { .string($0) })),
    ])
  }

  static func answer(_ a: AnswerChange) -> JSON {
    .object([
      ("substance", .string(a.substance)), ("jurisdiction", .string(a.jurisdiction)),
      ("activity", .string(a.activity.rawValue)), ("from", .string(a.from?.description)),
      ("to", .string(a.to?.description)), ("old", outcome(a.old)), ("new", outcome(a.new)),
      ("text", .string(a.line)),
    ])
  }
}
