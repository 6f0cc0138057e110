import PsyregCore

/// What `psyreg list` lists.
public enum Listing: String, Sendable, CaseIterable {
  /// Every substance with its kind, relations and aliases.
  case substances
  /// Every jurisdiction with its kind, parent and aliases.
  case jurisdictions
  /// Which pairs have data and where, and the share that answers a known verdict.
  case coverage
  /// Per jurisdiction, the share of rules that cite a primary source.
  case sources
}

/// The formats `psyreg list` writes, each with its renderer.
public enum ListFormat: String, Sendable, CaseIterable {
  case text, json

  /// The renderer that writes this format.
  public var renderer: any ListRenderer {
    switch self {
    case .text: ListTextRenderer()
    case .json: ListJSONRenderer()
    }
  }
}

/// Lays out one listing of a rule book in one format.
public protocol ListRenderer: Sendable {
  /// The whole output, ending in a newline; `date` is the day coverage figures are asked for.
  func render(_ listing: Listing, of book: RuleBook, on date: CivilDate) -> String
}

/// Aligned columns, for a terminal.
public struct ListTextRenderer: ListRenderer {
  /// A text list renderer.
  public init() {}

  /// The listing as a table (coverage with a legend and a count of pairs with data of their own).
  public func render(_ listing: Listing, of book: RuleBook, on date: CivilDate) -> String {
    switch listing {
    case .substances: substances(book)
    case .jurisdictions: jurisdictions(book)
    case .coverage: coverage(Coverage(book)) + "\n" + Self.summary(CoverageSummary(book: book, date: date))
    case .sources: sources(SourceReport(book: book))
    }
  }

  /// "Known verdict on 2026-11-22: possession 91.2% (…)", one line per activity, and the
  /// share of rules citing a primary source.
  public static func summary(_ summary: CoverageSummary) -> String {
    var out = "Known verdict on \(summary.date) (substance × jurisdiction pairs):\n"
    var rows: [[String]] = []
    for share in summary.verdicts {
      rows.append(["  " + share.activity.rawValue, percent(share.fraction), "\(share.known) of \(share.pairs)"])
    }
    out += TextTable.render(rows)
    let sources = summary.sources
    out += "Rules citing a primary source: \(percent(sources.primaryFraction)) (\(sources.primary) of \(sources.rules))"
    out += "; resting only on weak sources: \(sources.weakOnly)\n"
    return out
  }

  static func percent(_ fraction: Double) -> String { ReportWords.percent(fraction) }

  func sources(_ report: SourceReport) -> String {
    var rows = [["jurisdiction", "rules", "primary", "share", "weak only"]]
    for row in report.rows {
      let t = row.tally
      rows.append([row.jurisdiction, "\(t.rules)", "\(t.primary)", Self.percent(t.primaryFraction), "\(t.weakOnly)"])
    }
    let t = report.total
    rows.append(["all", "\(t.rules)", "\(t.primary)", Self.percent(t.primaryFraction), "\(t.weakOnly)"])
    return TextTable.render(rows)
      + "\nA primary source is the official publisher (gazette, statute, court, regulator, treaty body);"
      + " weak: Wikipedia and its mirrors, document dumps, content farms, blogs (docs/checks.md, source.weak).\n"
  }

  func substances(_ book: RuleBook) -> String {
    var rows = [["id", "name", "kind", "relations", "aliases"]]
    for s in book.sortedSubstances {
      var relations: [String] = []
      if let i = s.isomerOf { relations.append("isomer of \(i)") }
      if let i = s.saltOf { relations.append("salt of \(i)") }
      if !s.contains.isEmpty { relations.append("contains \(s.contains.joined(separator: ", "))") }
      rows.append([s.id, s.name, s.kind.rawValue, relations.joined(separator: "; "), s.aliases.joined(separator: ", ")])
    }
    return TextTable.render(rows)
  }

  func jurisdictions(_ book: RuleBook) -> String {
    var rows = [["id", "name", "kind", "parent", "aliases"]]
    for j in book.sortedJurisdictions {
      rows.append([j.id, j.name, j.kind.rawValue, j.parent ?? "-", j.aliases.joined(separator: ", ")])
    }
    return TextTable.render(rows)
  }

  func coverage(_ coverage: Coverage) -> String {
    var rows = [["jurisdiction"] + coverage.substances]
    for row in coverage.rows {
      rows.append([row.jurisdiction] + row.cells.map { $0 == .none ? "-" : $0.rawValue })
    }
    return TextTable.render(rows)
      + "\n\(coverage.ownData) of \(coverage.pairs) pairs have data of their own. 'parent': only a binding parent layer speaks;"
      + " 'treaty': only a treaty or union layer, shown beside answers; '-': nothing (answers are unknown).\n"
  }
}

/// One JSON value per listing: arrays of substances and jurisdictions, an object for coverage.
public struct ListJSONRenderer: ListRenderer {
  /// A JSON list renderer.
  public init() {}

  /// The listing as one JSON value, ending in a newline.
  public func render(_ listing: Listing, of book: RuleBook, on date: CivilDate) -> String {
    json(listing, of: book, on: date).rendered() + "\n"
  }

  package func json(_ listing: Listing, of book: RuleBook, on date: CivilDate) -> JSON {
    switch listing {
    case .substances: substances(book)
    case .jurisdictions: jurisdictions(book)
    case .coverage: coverage(Coverage(book), summary: CoverageSummary(book: book, date: date))
    case .sources: sources(SourceReport(book: book))
    }
  }

  /// `{"summary": {...}, "sources": {...}}`: the figures of `CoverageSummary`.
  package static func summary(_ summary: CoverageSummary) -> JSON {
    .object([
      ("date", .string(summary.date.description)),
      (
        "known_verdicts",
        .object(
          summary.verdicts.map { share in
            (
              share.activity.rawValue,
              .object([("known", .number(share.known)), ("pairs", .number(share.pairs))])
            )
          })
      ),
      ("sources", tally(summary.sources)),
    ])
  }

  static func tally(_ t: SourceTally) -> JSON {
    .object([("rules", .number(t.rules)), ("primary", .number(t.primary)), ("weak_only", .number(t.weakOnly))])
  }

  /// `{"rows": [{"jurisdiction": "us", "rules": n, "primary": n, "weak_only": n}], "total": {...}}`.
  func sources(_ report: SourceReport) -> JSON {
    .object([
      (
        "rows",
        .array(
          report.rows.map { row in
            .object(
              [("jurisdiction", .string(row.jurisdiction))]
                + [
                  ("rules", .number(row.tally.rules)), ("primary", .number(row.tally.primary)),
                  ("weak_only", .number(row.tally.weakOnly)),
                ])
          })
      ),
      ("total", Self.tally(report.total)),
    ])
  }

  func substances(_ book: RuleBook) -> JSON {
    .array(
      book.sortedSubstances.map { s in
        .object([
          ("id", .string(s.id)), ("name", .string(s.name)), ("kind", .string(s.kind.rawValue)),
          ("aliases", .array(s.aliases.map { .string($0) })),
          ("identifiers", .object(s.identifiers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
          ("isomer_of", .string(s.isomerOf)), ("salt_of", .string(s.saltOf)),
          ("contains", .array(s.contains.map { .string($0) })),
        ])
      })
  }

  func jurisdictions(_ book: RuleBook) -> JSON {
    .array(
      book.sortedJurisdictions.map { j in
        .object([
          ("id", .string(j.id)), ("name", .string(j.name)), ("kind", .string(j.kind.rawValue)),
          ("parent", .string(j.parent)), ("aliases", .array(j.aliases.map { .string($0) })),
          ("layers", .array(book.layers(of: j.id).map { .string($0.id) })),
        ])
      })
  }

  /// `{"substances": [...], "rows": [{"jurisdiction": "us-or", "cells": {"mdma": "parent", ...}}],
  /// "pairs": n, "own_data": n}`, cells one of `data`, `parent`, `treaty`, `none`.
  func coverage(_ coverage: Coverage, summary: CoverageSummary) -> JSON {
    .object([
      ("summary", Self.summary(summary)),
      ("substances", .array(coverage.substances.map { .string($0) })),
      (
        "rows",
        .array(
          coverage.rows.map { row in
            .object([
              ("jurisdiction", .string(row.jurisdiction)),
              ("cells", .object(zip(coverage.substances, row.cells).map { ($0, .string($1.rawValue)) })),
            ])
          })
      ),
      ("pairs", .number(coverage.pairs)),
      ("own_data", .number(coverage.ownData)),
    ])
  }
}
