import PsyregCore

/// What `psyreg list` lists.
public enum Listing: String, Sendable, CaseIterable {
  case substances, jurisdictions, coverage
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
  /// The whole output, ending in a newline.
  func render(_ listing: Listing, of book: RuleBook) -> String
}

/// Substance × jurisdiction: which pairs have data in the jurisdiction itself (`data`), only
/// in a binding parent layer (`parent`), only in a treaty or union layer beside the answer
/// (`treaty`), or nowhere (`none`), so gaps are visible rather than hidden.
public struct Coverage: Sendable, Hashable {
  /// Where a pair's data is: `data`, `parent`, `treaty` or `none`, as described above.
  public enum Source: String, Sendable, Hashable {
    case data, parent, treaty, none
  }

  /// One jurisdiction's coverage of every substance.
  public struct Row: Sendable, Hashable {
    /// The jurisdiction id.
    public var jurisdiction: String
    /// One per substance, in the order of `substances`.
    public var cells: [Source]
  }

  /// Substance ids, sorted.
  public var substances: [String]
  /// One row per jurisdiction, sorted by id.
  public var rows: [Row]

  /// The coverage of every substance in every jurisdiction of a book.
  public init(_ book: RuleBook) {
    let substances = book.sortedSubstances
    self.substances = substances.map(\.id)
    rows = book.sortedJurisdictions.map { j in
      let parents = book.layers(of: j.id).dropFirst()
      return Row(
        jurisdiction: j.id,
        cells: substances.map { s in
          if book.hasData(substance: s.id, jurisdiction: j.id) { return .data }
          if parents.contains(where: { $0.kind.bindsPeople && book.hasData(substance: s.id, jurisdiction: $0.id) }) {
            return .parent
          }
          if parents.contains(where: { book.hasData(substance: s.id, jurisdiction: $0.id) }) { return .treaty }
          return .none
        })
    }
  }

  /// The pairs with data of their own.
  public var ownData: Int { rows.reduce(0) { $0 + $1.cells.filter { $0 == .data }.count } }
  /// All substance × jurisdiction pairs.
  public var pairs: Int { substances.count * rows.count }
}

/// Aligned columns, for a terminal.
public struct ListTextRenderer: ListRenderer {
  /// A text list renderer.
  public init() {}

  /// The listing as a table (coverage with a legend and a count of pairs with data of their own).
  public func render(_ listing: Listing, of book: RuleBook) -> String {
    switch listing {
    case .substances: substances(book)
    case .jurisdictions: jurisdictions(book)
    case .coverage: coverage(Coverage(book))
    }
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
  public func render(_ listing: Listing, of book: RuleBook) -> String {
    json(listing, of: book).rendered() + "\n"
  }

  package func json(_ listing: Listing, of book: RuleBook) -> JSON {
    switch listing {
    case .substances: substances(book)
    case .jurisdictions: jurisdictions(book)
    case .coverage: coverage(Coverage(book))
    }
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
  func coverage(_ coverage: Coverage) -> JSON {
    .object([
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
