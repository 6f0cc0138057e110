import PsyregCore

/// The formats `psyreg ask` answers in, each with its renderer.
public enum AnswerFormat: String, Sendable, CaseIterable {
  case text, json

  /// The renderer that writes this format.
  public var renderer: any AnswerRenderer {
    switch self {
    case .text: AnswerTextRenderer()
    case .json: AnswerJSONRenderer()
    }
  }
}

/// Lays out answers in one format.
public protocol AnswerRenderer: Sendable {
  /// One answer, with every layer's verdict, conditions and sources.
  func render(_ answer: Answer) -> String
  /// The answers for every activity to one question (`ask` without `--activity`).
  func render(_ answers: [Answer]) -> String
}

/// The JSON contract of DESIGN.md: an object for one answer, an array of them for several.
public struct AnswerJSONRenderer: AnswerRenderer {
  /// A JSON answer renderer.
  public init() {}

  /// One answer as a JSON object, ending in a newline.
  public func render(_ answer: Answer) -> String { json(answer).rendered() + "\n" }
  /// The answers as a JSON array of answer objects, ending in a newline.
  public func render(_ answers: [Answer]) -> String { JSON.array(answers.map(json)).rendered() + "\n" }

  /// One answer as the JSON contract of DESIGN.md (plus the governing rule's file and line).
  package func json(_ answer: Answer) -> JSON {
    let q = answer.question
    return .object([
      ("substance", .string(q.substance)),
      ("jurisdiction", .string(q.jurisdiction)),
      ("activity", .string(q.activity.rawValue)),
      ("date", .string(q.date.description)),
      ("verdict", .string(answer.verdict.rawValue)),
      ("conflict", .bool(answer.conflict)),
      ("uncertain", .bool(answer.isUncertain)),
      ("conditions", .array(answer.conditions.map { .string($0.text) })),
      ("facts", Self.factsJSON(q.facts)),
      ("layers", .array(answer.layers.map(Self.layerJSON))),
      ("beside", .array(answer.beside.map(Self.layerJSON))),
    ])
  }

  static func factsJSON(_ facts: Facts) -> JSON {
    var pairs: [(String, JSON)] = []
    if let age = facts.age { pairs.append(("age", .number(age))) }
    if let indication = facts.indication { pairs.append(("indication", .string(indication))) }
    if let prescriber = facts.prescriber { pairs.append(("prescriber", .string(prescriber))) }
    return .object(pairs)
  }

  package static func layerJSON(_ layer: LayerAnswer) -> JSON {
    var pairs: [(String, JSON)] = [
      ("jurisdiction", .string(layer.jurisdiction.id)),
      ("name", .string(layer.jurisdiction.name)),
      ("kind", .string(layer.jurisdiction.kind.rawValue)),
      ("binding", .bool(layer.binding)),
      ("verdict", .string(layer.verdict.rawValue)),
      ("conditions", .array(layer.conditions.map { .string($0.text) })),
      ("unmet", .array(layer.unmet.map { .string($0) })),
      ("status", .string(layer.status)),
      ("since", .string(layer.since?.description)),
      ("origin", .string(layer.origin.rawValue)),
    ]
    if let via = layer.via { pairs.append(("via", .string(via))) }
    if let schedule = layer.schedule { pairs.append(("schedule", .string(schedule.id))) }
    if let entry = layer.governing {
      pairs += [
        ("title", .string(entry.title)),
        ("kind_of_entry", .string(entry.kind?.rawValue ?? "initial")),
        ("instrument", .string(entry.instrument)),
        ("sources", .array(entry.sources.map { .string($0) })),
        ("confidence", .string(layer.confidence?.rawValue)),
        ("inherited_from", .string(layer.inheritedFrom)),
        ("note", .string(entry.note)),
        (
          "rule",
          .object([("file", .string(entry.origin.file)), ("line", entry.origin.line.map { .number($0) } ?? .null)])
        ),
      ]
    } else {
      pairs += [("sources", []), ("confidence", .null), ("rule", .null)]
    }
    return .object(pairs)
  }

}

/// Careful text: one answer in full, or every activity's answer as a table.
public struct AnswerTextRenderer: AnswerRenderer {
  /// A plain-text answer renderer.
  public init() {}

  /// A careful answer: the verdict, what would make it lawful, the conflict in words, and
  /// per layer the verdict, status, conditions, since when, instrument and sources.
  public func render(_ answer: Answer) -> String {
    let q = answer.question
    var out = "\(answer.substance.name) in \(answer.jurisdiction.name) (\(answer.jurisdiction.id)), "
    out += "\(q.activity.rawValue), on \(q.date): \(answer.verdict.rawValue.uppercased())"
    if answer.isUncertain { out += "  [not all sources are certain]" }
    out += "\n"
    if answer.verdict == .conditional || (answer.verdict == .decriminalized && !answer.conditions.isEmpty) {
      out += "Allowed if: \(answer.conditions.map(\.text).joined(separator: "; "))\n"
    }
    if let conflict = answer.conflictSentence { out += "Conflict: \(conflict)\n" }
    if answer.verdict == .unknown {
      let unknown = answer.layers.filter { $0.verdict == .unknown }.map(\.jurisdiction.name)
      out += "Unknown: no rule covers this under \(unknown.joined(separator: " or ")) law.\n"
    }
    let facts = Self.factsText(q.facts)
    if !facts.isEmpty { out += "Facts given: \(facts)\n" }
    out += "\n"
    for layer in answer.layers { out += Self.layerText(layer) }
    if !answer.beside.isEmpty {
      out += "Beside the answer (binds states, not people):\n"
      for layer in answer.beside { out += Self.layerText(layer) }
    }
    return out
  }

  static func factsText(_ facts: Facts) -> String {
    var parts: [String] = []
    if let age = facts.age { parts.append("age \(age)") }
    if let indication = facts.indication { parts.append("indication \(indication)") }
    if let prescriber = facts.prescriber { parts.append("prescriber \(prescriber)") }
    return parts.joined(separator: ", ")
  }

  static func layerText(_ layer: LayerAnswer) -> String {
    let j = layer.jurisdiction
    var out = "  \(j.name) (\(j.id), \(j.kind.rawValue)): \(layer.verdict.rawValue)"
    if let status = layer.status { out += " — \(status)" }
    out += "\n"
    guard let entry = layer.governing else {
      out += "    no rule recorded: nothing in the data covers this, so the answer is unknown for want of data\n"
      return out
    }
    if let date = entry.date {
      out += "    since \(layer.since ?? date): \(entry.title)\n"
    } else {
      out += "    before the first dated entry: \(entry.status ?? entry.title)\n"
    }
    if let line = originLine(layer) { out += "    \(line)\n" }
    if !layer.conditions.isEmpty {
      out += "    conditions: \(layer.conditions.map(\.text).joined(separator: "; "))\n"
    }
    for reason in layer.unmet { out += "    not met: \(reason)\n" }
    out += "    instrument: \(entry.instrument)\n"
    for source in entry.sources { out += "    source: \(source)\n" }
    if let confidence = layer.confidence, confidence != .high {
      out += "    (!) confidence: \(confidence.rawValue)\n"
    }
    if let line = entry.origin.line { out += "    rule: \(entry.origin.file):\(line)\n" }
    return out
  }

  /// Where a layer's answer comes from, in words, when that is more than its own entry.
  static func originLine(_ layer: LayerAnswer) -> String? {
    originParts(layer).map { "(" + $0 + ")" }
  }

  /// The same without the parentheses, for the server's pages.
  package static func originParts(_ layer: LayerAnswer) -> String? {
    var parts: [String] = []
    if let adoption = layer.adoption {
      parts.append("follows the schedules of \(adoption.layer) since \(adoption.from) (\(adoption.instrument))")
    }
    if let schedule = layer.schedule, layer.origin != .own {
      parts.append("listed in \(schedule.label) [\(schedule.id)] (\(schedule.instrument))")
    }
    if let amendment = layer.amendment, amendment.origin != layer.governing?.origin {
      parts.append("as amended on \(amendment.date) by \(amendment.title) (\(amendment.instrument))")
    }
    if let from = layer.inheritedFrom {
      parts.append("the rule for \(from), which this substance is an isomer or salt of")
    }
    if layer.origin == .initial && layer.governing?.title.hasPrefix("Not listed") == true {
      parts.append("not listed in any schedule of this layer")
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// Every activity in a compact table, one row each, one column per layer.
  public func render(_ answers: [Answer]) -> String {
    guard let first = answers.first else { return "" }
    var out =
      "\(first.substance.name) in \(first.jurisdiction.name) (\(first.jurisdiction.id)) on \(first.question.date)\n\n"
    let layerIDs = first.layers.map(\.jurisdiction.id) + first.beside.map { "(\($0.jurisdiction.id))" }
    var rows: [[String]] = [["activity", "verdict"] + layerIDs]
    for answer in answers {
      var verdict = answer.verdict.rawValue
      if answer.conflict { verdict += " *" }
      if answer.isUncertain { verdict += " ?" }
      let cells = (answer.layers + answer.beside).map { layer -> String in
        var cell = layer.verdict.rawValue
        if let c = layer.confidence, c != .high { cell += " ?" }
        return cell
      }
      rows.append([answer.question.activity.rawValue, verdict] + cells)
    }
    out += TextTable.render(rows)
    out += "\n* layers conflict   ? confidence not high   (…) shown beside, not binding\n"
    out += "Ask with --activity for conditions, sources and the rules behind each verdict.\n"
    return out
  }
}

/// Left-aligned columns separated by two spaces.
public enum TextTable {
  /// The rows as text, each column as wide as its widest cell, every line ending in a newline.
  public static func render(_ rows: [[String]]) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    return rows.map { row in
      row.enumerated().map { i, cell in
        i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
