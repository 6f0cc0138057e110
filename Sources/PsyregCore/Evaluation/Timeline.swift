/// One entry of a timeline, with what it changed.
public struct TimelineItem: Sendable, Hashable {
  /// One layer's verdict for a substance and activity, the day before the entry and the day of it
  /// (facts not applied).
  public struct Change: Sendable, Hashable {
    /// A substance id.
    public var substance: String
    /// The activity.
    public var activity: Activity
    /// The verdict the day before the entry's date.
    public var before: Verdict
    /// The verdict on the entry's date.
    public var after: Verdict
  }

  /// The entry, as written.
  public var entry: TimelineEntry
  /// The layer the entry is written in.
  public var jurisdiction: Jurisdiction
  /// The substances of the entry that the query asked about (all of them without a substance filter).
  public var substances: [String]
  /// Verdicts the entry changes, per substance and activity ("possession: allowed → prohibited").
  public var changes: [Change]
  /// Verdicts the entry sets to the value already in force (it confirms them).
  public var confirms: [Change]
}

/// Which entries `RuleBook.timeline(_:)` returns; each filter is by id, and nil does not filter.
public struct TimelineQuery: Sendable, Hashable {
  /// A substance id; entries for it and for what it is an isomer or salt of.
  public var substance: String?
  /// A jurisdiction id; entries of it and every layer above it. Nil for every jurisdiction.
  public var jurisdiction: String?
  /// The earliest entry date included.
  public var from: CivilDate?
  /// The latest entry date included.
  public var to: CivilDate?

  /// A query; with no arguments, every entry of every jurisdiction.
  public init(substance: String? = nil, jurisdiction: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
    self.substance = substance
    self.jurisdiction = jurisdiction
    self.from = from
    self.to = to
  }
}

extension RuleBook {
  /// The dated entries, oldest first, for a substance (and what it inherits from) across a
  /// jurisdiction's layers, treaty layers included. Entries that set no verdict belong too; a
  /// class-wide entry appears with the substances it reached (those listed in its schedules on
  /// its date). What an entry changed is read from the layer's answers the day before and the day of.
  public func timeline(_ query: TimelineQuery) -> [TimelineItem] {
    let substanceFilter: Set<String>? = query.substance.map { Set(lineage(of: $0)) }
    let layerIDs: [String] =
      query.jurisdiction.map { layerChains[$0] ?? [$0] } ?? jurisdictions.keys.sorted()
    // A class-wide entry is checked only against the substances the query can return.
    let allSubstances = substances.keys.sorted().filter { substanceFilter?.contains($0) ?? true }
    var items: [TimelineItem] = []
    for layerID in layerIDs {
      guard let layer = jurisdictions[layerID], let layerRef = compiled.jurisdictionIndex[layerID] else { continue }
      // Entries are read in place: most are skipped by the filters, and copying one costs a
      // retain per field.
      for position in layer.timeline.indices {
        let date = layer.timeline[position].date
        if let from = query.from, date < from { continue }
        if let to = query.to, date > to { continue }
        if let substanceFilter, !layer.timeline[position].isClassWide,
          !layer.timeline[position].substances.contains(where: substanceFilter.contains)
        {
          continue
        }
        let entry = layer.timeline[position]
        let named = entry.isClassWide ? reached(by: entry, among: allSubstances) : entry.substances
        let substances = named.filter { substanceFilter?.contains($0) ?? true }
        if substances.isEmpty { continue }
        let (before, after) = (QuestionIndex.day(date.adding(days: -1)), QuestionIndex.day(date))
        var changes: [TimelineItem.Change] = []
        var confirms: [TimelineItem.Change] = []
        for substance in substances {
          guard let substanceRef = compiled.substanceIndex[substance] else { continue }
          for activity in Activity.allCases where entry.isListing || entry.verdicts.ruling(for: activity) != nil {
            let change = TimelineItem.Change(
              substance: substance, activity: activity,
              before: compiled.layerVerdict(layer: layerRef, substance: substanceRef, activity: activity, day: before),
              after: compiled.layerVerdict(layer: layerRef, substance: substanceRef, activity: activity, day: after))
            if change.before != change.after { changes.append(change) } else { confirms.append(change) }
          }
        }
        items.append(
          TimelineItem(entry: entry, jurisdiction: layer, substances: substances, changes: changes, confirms: confirms))
      }
    }
    // Same day: along a chain the outer layer first (the treaty, then the nation, then the
    // state); across every jurisdiction, by id.
    let depth = Dictionary(uniqueKeysWithValues: layerIDs.enumerated().map { ($1, $0) })
    let alongChain = query.jurisdiction != nil
    return items.enumerated().sorted { a, b in
      let (x, y) = (a.element, b.element)
      if x.entry.date != y.entry.date { return x.entry.date < y.entry.date }
      if x.jurisdiction.id != y.jurisdiction.id {
        guard alongChain else { return x.jurisdiction.id < y.jurisdiction.id }
        return depth[x.jurisdiction.id, default: 0] > depth[y.jurisdiction.id, default: 0]
      }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// The substances a class-wide entry reaches: those listed on its date, in its layer, in one
  /// of the schedules it amends.
  func reached(by entry: TimelineEntry, among candidates: [String]) -> [String] {
    let targets = Set(entry.schedules)
    return candidates.filter { substance in
      guard let schedule = listing(of: substance, in: entry.jurisdiction, on: entry.date, depth: 0)?.schedule else {
        return false
      }
      return targets.contains(schedule)
    }
  }
}
