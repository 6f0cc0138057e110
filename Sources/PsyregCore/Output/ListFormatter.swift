/// `psyreg list`: substances, jurisdictions and coverage.
public enum ListFormatter {
  public static func substances(_ book: RuleBook) -> String {
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

  public static func jurisdictions(_ book: RuleBook) -> String {
    var rows = [["id", "name", "kind", "parent", "aliases"]]
    for j in book.sortedJurisdictions {
      rows.append([j.id, j.name, j.kind.rawValue, j.parent ?? "-", j.aliases.joined(separator: ", ")])
    }
    return TextTable.render(rows)
  }

  public static func substancesJSON(_ book: RuleBook) -> JSON {
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

  public static func jurisdictionsJSON(_ book: RuleBook) -> JSON {
    .array(
      book.sortedJurisdictions.map { j in
        .object([
          ("id", .string(j.id)), ("name", .string(j.name)), ("kind", .string(j.kind.rawValue)),
          ("parent", .string(j.parent)), ("aliases", .array(j.aliases.map { .string($0) })),
          ("layers", .array(book.layers(of: j.id).map { .string($0.id) })),
        ])
      })
  }

  /// Substance × jurisdiction: which pairs have data in the jurisdiction itself ("data"),
  /// only in a binding parent layer ("parent"), only in a treaty or union layer beside the
  /// answer ("treaty"), or nowhere ("-"), so gaps are visible rather than hidden.
  public static func coverage(_ book: RuleBook) -> String {
    let substances = book.sortedSubstances
    var rows = [["jurisdiction"] + substances.map(\.id)]
    var own = 0
    for j in book.sortedJurisdictions {
      var row = [j.id]
      let parents = book.layers(of: j.id).dropFirst()
      for s in substances {
        if book.hasData(substance: s.id, jurisdiction: j.id) {
          row.append("data")
          own += 1
        } else if parents.contains(where: { $0.kind.bindsPeople && book.hasData(substance: s.id, jurisdiction: $0.id) })
        {
          row.append("parent")
        } else if parents.contains(where: { book.hasData(substance: s.id, jurisdiction: $0.id) }) {
          row.append("treaty")
        } else {
          row.append("-")
        }
      }
      rows.append(row)
    }
    let total = substances.count * book.jurisdictions.count
    return TextTable.render(rows)
      + "\n\(own) of \(total) pairs have data of their own. 'parent': only a binding parent layer speaks;"
      + " 'treaty': only a treaty or union layer, shown beside answers; '-': nothing (answers are unknown).\n"
  }
}

/// `psyreg test` output.
public enum ExpectationFormatter {
  public static func text(_ results: [ExpectationResult], verbose: Bool = false) -> String {
    var out = ""
    for result in results {
      let c = result.testCase
      if result.passed {
        if verbose { out += "\(c.origin): pass: \(c.name)\n" }
        continue
      }
      out += "\(c.origin): error: test failed: \(c.name)\n"
      for line in details(result) { out += "    \(line)\n" }
    }
    let failed = results.filter { !$0.passed }.count
    out += "\(results.count - failed) passed, \(failed) failed\n"
    return out
  }

  /// What a failed case asked, what differed, and what each layer answered, one line each.
  public static func details(_ result: ExpectationResult) -> [String] {
    let c = result.testCase
    var question = "question: \(c.substance) in \(c.jurisdiction), \(c.activity.rawValue), on \(c.date)"
    if !c.facts.isEmpty {
      question += " with " + c.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
    var lines = [question] + result.failures
    if let answer = result.answer {
      for layer in answer.layers + answer.beside {
        var line = "layer \(layer.jurisdiction.id): \(layer.verdict.rawValue)"
        if let entry = layer.governing {
          line += " by '\(entry.title)' (\(entry.date?.description ?? "initial"))"
          if let l = entry.origin.line { line += " at \(entry.origin.file):\(l)" }
        } else {
          line += " (no rule)"
        }
        lines.append(line)
      }
    }
    return lines
  }
}
