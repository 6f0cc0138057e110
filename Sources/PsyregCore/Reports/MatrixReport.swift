/// Jurisdictions × substances for one activity on one date.
public struct MatrixReport: Sendable, Hashable {
  /// The activity every cell answers.
  public var activity: Activity
  /// The day every cell answers for.
  public var date: CivilDate
  /// The rule files the matrix was made from.
  public var ruleSet: RuleSetIdentity
  /// The columns: every substance, sorted by id.
  public var substances: [Column]
  /// One row per jurisdiction, sorted by id.
  public var rows: [Row]

  /// A substance heading.
  public struct Column: Sendable, Hashable {
    /// The substance id.
    public var id: String
    /// The display name.
    public var name: String
  }

  /// One jurisdiction's answers for every substance.
  public struct Row: Sendable, Hashable {
    /// The jurisdiction asked about; binding even when it is a treaty layer, as it answers for itself.
    public var jurisdiction: ReportLayer
    /// The binding layers, nearest first ("us-or", "us").
    public var layers: [String]
    /// One per substance, in the order of `substances`.
    public var cells: [Cell]
  }

  /// The answer for one substance in one jurisdiction.
  public struct Cell: Sendable, Hashable {
    /// The substance id.
    public var substance: String
    /// The combined verdict with its marks.
    public var verdict: VerdictCell
    /// The jurisdiction itself (not only a parent layer) has data for the substance.
    public var ownData: Bool
    /// The status label of the layer that governs.
    public var status: String?
  }

  /// Asks every substance in every jurisdiction of the book about one activity on one date.
  public init(book: RuleBook, activity: Activity, date: CivilDate, ruleSet: RuleSetIdentity) {
    self.activity = activity
    self.date = date
    self.ruleSet = ruleSet
    let substances = book.sortedSubstances
    self.substances = substances.map { Column(id: $0.id, name: $0.name) }
    let jurisdictions = book.sortedJurisdictions
    rows = Parallel.map(jurisdictions.count) { index in
      let j = jurisdictions[index]
      let cells = substances.map { s in
        let answer = book.answer(
          Question(substance: s.id, jurisdiction: j.id, activity: activity, date: date))
        return Cell(
          substance: s.id,
          verdict: VerdictCell(
            verdict: answer.verdict, conflict: answer.conflict, uncertain: answer.isUncertain),
          ownData: book.hasData(substance: s.id, jurisdiction: j.id),
          status: answer.governingLayer?.status)
      }
      let binding = book.layers(of: j.id).filter { $0.kind.bindsPeople || $0.id == j.id }
      return Row(
        jurisdiction: ReportLayer(j, binding: true), layers: binding.map(\.id), cells: cells)
    }
  }
}
