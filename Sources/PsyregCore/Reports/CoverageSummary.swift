/// The data's coverage as figures: for each activity, how many (substance, jurisdiction)
/// pairs answer a known verdict on a date, and how many rules cite a primary source.
public struct CoverageSummary: Sendable, Hashable {
  /// The pairs that answer a known verdict for one activity.
  public struct Share: Sendable, Hashable {
    /// The activity asked about.
    public var activity: Activity
    /// Pairs whose combined verdict is not `unknown`.
    public var known: Int
    /// All substance × jurisdiction pairs.
    public var pairs: Int
    /// `known / pairs`, 0 when there are no pairs.
    public var fraction: Double { pairs == 0 ? 0 : Double(known) / Double(pairs) }
  }

  /// The day every pair was asked about.
  public var date: CivilDate
  /// One share per activity, in the vocabulary's order.
  public var verdicts: [Share]
  /// The citations of every rule in the book.
  public var sources: SourceTally

  /// Asks every substance in every jurisdiction about every activity on `date`.
  public init(book: RuleBook, date: CivilDate) {
    self.date = date
    let substances = book.sortedSubstances
    let jurisdictions = book.sortedJurisdictions
    // Per jurisdiction (on all cores), how many substances have a known verdict, per activity.
    let counts = Parallel.map(jurisdictions.count) { index in
      Activity.allCases.map { activity in
        substances.count { s in
          book.answer(
            Question(substance: s.id, jurisdiction: jurisdictions[index].id, activity: activity, date: date)
          ).verdict != .unknown
        }
      }
    }
    verdicts = Activity.allCases.enumerated().map { a, activity in
      Share(
        activity: activity, known: counts.reduce(0) { $0 + $1[a] },
        pairs: substances.count * jurisdictions.count)
    }
    sources = SourceReport(book: book).total
  }
}

/// How many of a set of rules cite a primary source, and how many rest only on weak ones.
public struct SourceTally: Sendable, Hashable {
  /// Rules that cite sources: timeline entries, schedules, initial statuses, baselines, adoptions.
  public var rules: Int = 0
  /// Of those, the rules with at least one primary source (`SourceQuality.primary`).
  public var primary: Int = 0
  /// Of those, the rules whose every source is weak (`SourceQuality.weak`).
  public var weakOnly: Int = 0

  /// `primary / rules`, 0 when there are none.
  public var primaryFraction: Double { rules == 0 ? 0 : Double(primary) / Double(rules) }

  /// An empty tally.
  public init() {}

  /// Counts one rule by its sources.
  public mutating func add(_ sources: [String]) {
    let qualities = sources.map(SourceQuality.of)
    rules += 1
    if qualities.contains(.primary) { primary += 1 }
    if !qualities.isEmpty && qualities.allSatisfy({ $0 == .weak }) { weakOnly += 1 }
  }

  /// Two tallies added.
  public static func + (a: SourceTally, b: SourceTally) -> SourceTally {
    var sum = a
    sum.rules += b.rules
    sum.primary += b.primary
    sum.weakOnly += b.weakOnly
    return sum
  }
}

/// The sources of each jurisdiction's own rules, so maintainers see where the data is thin.
public struct SourceReport: Sendable, Hashable {
  /// One jurisdiction's tally.
  public struct Row: Sendable, Hashable {
    /// The jurisdiction id.
    public var jurisdiction: String
    /// Its own rules' citations (not its parents').
    public var tally: SourceTally
  }

  /// One row per jurisdiction, sorted by id.
  public var rows: [Row]
  /// All rows added up.
  public var total: SourceTally { rows.reduce(SourceTally()) { $0 + $1.tally } }

  /// Tallies every jurisdiction of a book.
  public init(book: RuleBook) {
    rows = book.sortedJurisdictions.map { j in
      var tally = SourceTally()
      for entry in j.timeline { tally.add(entry.sources) }
      for schedule in j.schedules { tally.add(schedule.sources) }
      for status in j.initial.values { tally.add(status.sources) }
      if let unlisted = j.unlisted { tally.add(unlisted.sources) }
      for adoption in j.adoptions { tally.add(adoption.sources) }
      return Row(jurisdiction: j.id, tally: tally)
    }
  }
}
