import PsyregCore

/// The formats `psyreg timeline` writes, each with its renderer.
public enum TimelineFormat: String, Sendable, CaseIterable {
  case text, json, markdown

  /// The renderer that writes this format.
  public var renderer: any TimelineRenderer {
    switch self {
    case .text: TimelineTextRenderer()
    case .json: TimelineJSONRenderer()
    case .markdown: TimelineMarkdownRenderer()
    }
  }
}

/// Lays out timeline entries (`RuleBook.timeline`) in one format.
public protocol TimelineRenderer: Sendable {
  /// The whole output for the items, in the order given.
  func render(_ items: [TimelineItem]) -> String
}

extension TimelineItem {
  /// "possession, supply: allowed → prohibited; research: allowed → conditional": activities
  /// that changed the same way are named together, prefixed with the substance when the entry
  /// is about several.
  var changeText: [String] {
    let multiSubstance = substances.count > 1
    var groups: [(substance: String, before: Verdict, after: Verdict, activities: [String])] = []
    for c in changes {
      let substance = multiSubstance ? c.substance + " " : ""
      if let i = groups.firstIndex(where: { $0.substance == substance && $0.before == c.before && $0.after == c.after })
      {
        groups[i].activities.append(c.activity.rawValue)
      } else {
        groups.append((substance, c.before, c.after, [c.activity.rawValue]))
      }
    }
    return groups.map {
      "\($0.substance)\($0.activities.joined(separator: ", ")): \($0.before.rawValue) → \($0.after.rawValue)"
    }
  }

  /// "class-wide: every substance listed in csa-i, csa-ii", for an entry that amends schedules.
  var classWideText: String? {
    entry.isClassWide
      ? "class-wide: every substance listed in \(entry.schedules.joined(separator: ", ")) on this date" : nil
  }
}

/// For a terminal: one block per entry.
public struct TimelineTextRenderer: TimelineRenderer {
  /// A text timeline renderer.
  public init() {}

  /// A block per entry, a heading line then indented details; one line saying so when none match.
  public func render(_ items: [TimelineItem]) -> String {
    if items.isEmpty { return "No timeline entries match.\n" }
    var out = ""
    for item in items {
      let e = item.entry
      out += "\(e.date)  \(item.jurisdiction.id)  \(e.kind.rawValue)  \(item.substances.joined(separator: ", "))\n"
      out += "    \(e.title)\n"
      if let scope = item.classWideText { out += "    \(scope)\n" }
      if let announced = e.announced { out += "    announced \(announced)\n" }
      let changes = item.changeText
      if !changes.isEmpty { out += "    changes: \(changes.joined(separator: "; "))\n" }
      if let status = e.status { out += "    status: \(status)\n" }
      out += "    instrument: \(e.instrument)\n"
      for source in e.sources { out += "    source: \(source)\n" }
      if e.confidence != .high { out += "    (!) confidence: \(e.confidence.rawValue)\n" }
    }
    return out
  }
}

/// A GFM table, for a pull request or a wiki. Every string from the rules is escaped as the
/// Markdown reports escape it, and only http(s) sources become links.
public struct TimelineMarkdownRenderer: TimelineRenderer {
  /// A Markdown timeline renderer.
  public init() {}

  /// One table row per entry, under a header row (just the header when there are none).
  public func render(_ items: [TimelineItem]) -> String {
    var out = "| Date | Layer | Kind | Substances | Entry | Changes | Instrument | Sources | Confidence |\n"
    out += "|---|---|---|---|---|---|---|---|---|\n"
    for item in items {
      let e = item.entry
      let text = [
        e.date.description, item.jurisdiction.id, e.kind.rawValue + (e.isClassWide ? " (class-wide)" : ""),
        item.substances.joined(separator: ", "), e.title,
      ].map(MarkdownEscaper.text)
      let changes = item.changeText.map(MarkdownEscaper.text)
      let sources = e.sources.enumerated().map { MarkdownEscaper.link("\($0.offset + 1)", to: $0.element) }
      let cells =
        text + [
          changes.joined(separator: "<br>"), MarkdownEscaper.text(e.instrument), sources.joined(separator: " "),
          e.confidence == .high ? "high" : "**\(e.confidence.rawValue)**",
        ]
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    return out
  }
}

/// An array of entries, oldest first.
public struct TimelineJSONRenderer: TimelineRenderer {
  /// A JSON timeline renderer.
  public init() {}

  /// The entries as a JSON array, in the order given, ending in a newline.
  public func render(_ items: [TimelineItem]) -> String { json(items).rendered() + "\n" }

  package func json(_ items: [TimelineItem]) -> JSON {
    .array(items.map(Self.itemJSON))
  }

  package static func itemJSON(_ item: TimelineItem) -> JSON {
    let e = item.entry
    func change(_ c: TimelineItem.Change) -> JSON {
      .object([
        ("substance", .string(c.substance)), ("activity", .string(c.activity.rawValue)),
        ("from", .string(c.before.rawValue)), ("to", .string(c.after.rawValue)),
      ])
    }
    return .object([
      ("date", .string(e.date.description)),
      ("announced", .string(e.announced?.description)),
      ("jurisdiction", .string(item.jurisdiction.id)),
      ("substances", .array(item.substances.map { .string($0) })),
      ("class_wide", .bool(e.isClassWide)),
      ("schedules", .array((e.isClassWide ? e.schedules : e.schedule.map { [$0] } ?? []).map { .string($0) })),
      ("kind", .string(e.kind.rawValue)),
      ("title", .string(e.title)),
      ("status", .string(e.status)),
      ("changes", .array(item.changes.map(change))),
      ("instrument", .string(e.instrument)),
      ("sources", .array(e.sources.map { .string($0) })),
      ("confidence", .string(e.confidence.rawValue)),
      ("note", .string(e.note)),
      ("rule", .object([("file", .string(e.origin.file)), ("line", e.origin.line.map { .number($0) } ?? .null)])),
    ])
  }
}
