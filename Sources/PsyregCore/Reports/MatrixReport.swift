/// Jurisdictions × substances for one activity on one date.
public struct MatrixReport: Sendable, Hashable {
  public var activity: Activity
  public var date: CivilDate
  public var ruleSet: RuleSetIdentity
  public var substances: [Column]
  public var rows: [Row]

  public struct Column: Sendable, Hashable {
    public var id: String
    public var name: String
  }

  public struct Row: Sendable, Hashable {
    public var jurisdiction: ReportLayer
    /// The binding layers, nearest first ("us-or", "us").
    public var layers: [String]
    /// One per substance, in the order of `substances`.
    public var cells: [Cell]
  }

  public struct Cell: Sendable, Hashable {
    public var substance: String
    public var verdict: VerdictCell
    /// The jurisdiction itself (not only a parent layer) has data for the substance.
    public var ownData: Bool
    /// The status label of the layer that governs.
    public var status: String?
  }

  public init(book: RuleBook, activity: Activity, date: CivilDate, ruleSet: RuleSetIdentity) {
    self.activity = activity
    self.date = date
    self.ruleSet = ruleSet
    let substances = book.sortedSubstances
    self.substances = substances.map { Column(id: $0.id, name: $0.name) }
    rows = book.sortedJurisdictions.map { j in
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
