import PsyregCore

/// The report as JSON: the same content as the Markdown and HTML, shape in docs/reports.md.
public struct JSONReportRenderer: ReportRenderer {
  /// A JSON report renderer.
  public init() {}

  /// Bumped when a field is removed or changes meaning; adding fields does not bump it.
  public static let schemaVersion = 1

  /// A jurisdiction's report as one JSON object with `schema_version`.
  public func render(_ report: JurisdictionReport) -> String { json(report).rendered() + "\n" }
  /// The matrix as one JSON object with `schema_version`.
  public func render(_ matrix: MatrixReport) -> String { json(matrix).rendered() + "\n" }
  /// The index as one JSON object with `schema_version`.
  public func render(_ index: ReportIndex) -> String { json(index).rendered() + "\n" }

  package func json(_ report: JurisdictionReport) -> JSON {
    .object([
      ("report", "jurisdiction"),
      ("schema_version", .number(Self.schemaVersion)),
      ("jurisdiction", Self.layer(report.jurisdiction)),
      ("date", .string(report.date.description)),
      ("layers", .array(report.layers.map(Self.layer))),
      ("beside", .array(report.beside.map(Self.layer))),
      ("rule_set", Self.ruleSet(report.ruleSet)),
      ("band_activity", .string(report.bandActivity.rawValue)),
      (
        "summary",
        .array(
          report.substances.map { s in
            .object([
              ("substance", .string(s.id)),
              (
                "verdicts", .object(s.activities.map { ($0.activity.rawValue, Self.cell($0.cell)) })
              ),
            ])
          })
      ),
      ("substances", .array(report.substances.map(Self.substance))),
      (
        "sources",
        .array(
          report.sources.map {
            .object([("number", .number($0.number)), ("url", .string($0.url))])
          })
      ),
      ("disclaimer", .string(JurisdictionReport.disclaimer)),
    ])
  }

  static func layer(_ l: ReportLayer) -> JSON {
    .object([
      ("id", .string(l.id)), ("name", .string(l.name)), ("kind", .string(l.kind.rawValue)),
      ("binding", .bool(l.binding)),
    ])
  }

  static func ruleSet(_ r: RuleSetIdentity) -> JSON {
    .object([("sha256", .string(r.sha256)), ("files", .number(r.fileCount))])
  }

  static func cell(_ c: VerdictCell) -> JSON {
    .object([
      ("verdict", .string(c.verdict.rawValue)), ("conflict", .bool(c.conflict)),
      ("uncertain", .bool(c.uncertain)),
    ])
  }

  static func numbers(_ n: [Int]) -> JSON { .array(n.map { .number($0) }) }

  static func rule(_ origin: RuleOrigin?) -> JSON {
    guard let origin else { return .null }
    return .object([
      ("file", .string(origin.file)), ("line", origin.line.map { .number($0) } ?? .null),
    ])
  }

  static func layerVerdict(_ l: JurisdictionReport.LayerVerdict) -> JSON {
    .object([
      ("jurisdiction", .string(l.layer.id)),
      ("binding", .bool(l.layer.binding)),
      ("verdict", .string(l.verdict.rawValue)),
      ("conditions", .array(l.conditions.map { .string($0) })),
      ("status", .string(l.status)),
      ("since", .string(l.since?.description)),
      ("confidence", .string(l.confidence?.rawValue)),
      ("title", .string(l.title)),
      ("instrument", .string(l.instrument)),
      ("sources", numbers(l.sources)),
      ("inherited_from", .string(l.inheritedFrom)),
      ("rule", rule(l.rule)),
    ])
  }

  static func event(_ e: JurisdictionReport.Event) -> JSON {
    .object([
      ("date", .string(e.date?.description)),
      ("announced", .string(e.announced?.description)),
      ("jurisdiction", .string(e.layer.id)),
      ("kind", .string(e.kind.rawValue)),
      ("title", .string(e.title)),
      ("status", .string(e.status)),
      ("changes", .array(e.changes.map { .string($0) })),
      ("instrument", .string(e.instrument)),
      ("sources", numbers(e.sources)),
      ("confidence", .string(e.confidence.rawValue)),
      ("note", .string(e.note)),
      ("rule", rule(e.rule)),
    ])
  }

  static func substance(_ s: JurisdictionReport.SubstanceSection) -> JSON {
    .object([
      ("id", .string(s.id)),
      ("name", .string(s.name)),
      ("kind", .string(s.kind.rawValue)),
      ("aliases", .array(s.aliases.map { .string($0) })),
      ("inherits_from", .string(s.inheritsFrom)),
      (
        "status",
        .array(
          s.statusLabels.map {
            .object([("jurisdiction", .string($0.layer.id)), ("status", .string($0.status))])
          })
      ),
      (
        "activities",
        .array(
          s.activities.map { a in
            .object([
              ("activity", .string(a.activity.rawValue)),
              ("verdict", .string(a.verdict.rawValue)),
              ("conflict", .bool(a.conflict)),
              ("conflict_text", .string(a.conflictText)),
              ("uncertain", .bool(a.uncertain)),
              ("conditions", .array(a.conditions.map { .string($0) })),
              ("layers", .array(a.layers.map(layerVerdict))),
              ("beside", .array(a.beside.map(layerVerdict))),
            ])
          })
      ),
      ("designations", .array(s.designations.map(event))),
      ("timeline", .array(s.timeline.map(event))),
      ("upcoming", .array(s.upcoming.map(event))),
      (
        "uncertain",
        .array(
          s.uncertainties.map { u in
            .object([
              ("date", .string(u.event.date?.description)),
              ("jurisdiction", .string(u.event.layer.id)),
              ("title", .string(u.event.title)),
              ("confidence", .string(u.event.confidence.rawValue)),
              ("governs", .array(u.governs.map { .string($0.rawValue) })),
            ])
          })
      ),
      ("band", s.band.map(band) ?? .null),
    ])
  }

  static func segments(_ list: [JurisdictionReport.BandSegment]) -> JSON {
    .array(
      list.map { s in
        .object([
          ("from", .string(s.from.description)), ("to", .string(s.to.description)),
          ("verdict", .string(s.verdict.rawValue)), ("conflict", .bool(s.conflict)),
        ])
      })
  }

  static func band(_ b: JurisdictionReport.Band) -> JSON {
    .object([
      ("activity", .string(b.activity.rawValue)),
      ("from", .string(b.start.description)),
      ("to", .string(b.end.description)),
      (
        "layers",
        .array(
          b.layerBands.map { l in
            .object([("jurisdiction", .string(l.layer.id)), ("segments", segments(l.segments))])
          })
      ),
      (
        "segments",
        .array(
          b.segments.map { s in
            .object([
              ("from", .string(s.from.description)), ("to", .string(s.to.description)),
              ("verdict", .string(s.verdict.rawValue)), ("conflict", .bool(s.conflict)),
            ])
          })
      ),
    ])
  }

  package func json(_ matrix: MatrixReport) -> JSON {
    .object([
      ("report", "matrix"),
      ("schema_version", .number(Self.schemaVersion)),
      ("activity", .string(matrix.activity.rawValue)),
      ("date", .string(matrix.date.description)),
      ("rule_set", Self.ruleSet(matrix.ruleSet)),
      (
        "substances",
        .array(
          matrix.substances.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })
      ),
      (
        "rows",
        .array(
          matrix.rows.map { row in
            .object([
              ("jurisdiction", Self.layer(row.jurisdiction)),
              ("layers", .array(row.layers.map { .string($0) })),
              (
                "cells",
                .array(
                  row.cells.map { c in
                    .object([
                      ("substance", .string(c.substance)),
                      ("verdict", .string(c.verdict.verdict.rawValue)),
                      ("conflict", .bool(c.verdict.conflict)),
                      ("uncertain", .bool(c.verdict.uncertain)),
                      ("own_data", .bool(c.ownData)), ("status", .string(c.status)),
                    ])
                  })
              ),
            ])
          })
      ),
      ("disclaimer", .string(JurisdictionReport.disclaimer)),
    ])
  }

  package func json(_ index: ReportIndex) -> JSON {
    .object([
      ("report", "index"),
      ("schema_version", .number(Self.schemaVersion)),
      ("date", .string(index.date.description)),
      ("rule_set", Self.ruleSet(index.ruleSet)),
      (
        "reports",
        .array(
          index.items.map { item in
            .object([
              ("jurisdiction", Self.layer(item.jurisdiction)), ("file", .string(item.file)),
              ("substances", .number(item.substances)),
            ])
          })
      ),
      ("matrix", json(index.matrix)),
      ("coverage", index.coverage.map(ListJSONRenderer.summary) ?? .null),
    ])
  }
}
