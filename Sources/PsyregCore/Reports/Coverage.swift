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
