/// One entry of a timeline, with what it changed.
public struct TimelineItem: Sendable, Hashable {
  public struct Change: Sendable, Hashable {
    public var substance: String
    public var activity: Activity
    public var before: Verdict
    public var after: Verdict
  }

  public var entry: TimelineEntry
  public var jurisdiction: Jurisdiction
  /// The substances of the entry that the query asked about (all of them without a substance filter).
  public var substances: [String]
  /// Verdicts the entry changes, per substance and activity ("possession: allowed → prohibited").
  public var changes: [Change]
  /// Verdicts the entry sets to the value already in force (it confirms them).
  public var confirms: [Change]
}

public struct TimelineQuery: Sendable, Hashable {
  public var substance: String?
  public var jurisdiction: String?
  public var from: CivilDate?
  public var to: CivilDate?

  public init(substance: String? = nil, jurisdiction: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
    self.substance = substance
    self.jurisdiction = jurisdiction
    self.from = from
    self.to = to
  }
}

extension RuleBook {
  /// The dated entries, oldest first, for a substance (and what it inherits from) across a
  /// jurisdiction's layers, treaty layers included. Entries that set no verdict belong too.
  public func timeline(_ query: TimelineQuery) -> [TimelineItem] {
    let substanceFilter: Set<String>? = query.substance.map { Set(lineage(of: $0)) }
    let layerIDs: [String] =
      query.jurisdiction.map { layerChains[$0] ?? [$0] } ?? jurisdictions.keys.sorted()
    var items: [TimelineItem] = []
    for layerID in layerIDs {
      guard let layer = jurisdictions[layerID] else { continue }
      var changesByEntry: [SourcePosition: ([TimelineItem.Change], [TimelineItem.Change])] = [:]
      let substancesHere = Set(layer.timeline.flatMap(\.substances)).union(layer.initial.keys)
      for substance in substancesHere where substanceFilter?.contains(substance) ?? true {
        guard let history = history(substance, layerID) else { continue }
        var current: [Activity: Verdict] = [:]
        for activity in Activity.allCases {
          current[activity] = history.initial?.verdicts.ruling(for: activity)?.verdict ?? .unknown
        }
        for entry in history.entries {
          for activity in Activity.allCases {
            guard let ruling = entry.verdicts.ruling(for: activity) else { continue }
            let change = TimelineItem.Change(
              substance: substance, activity: activity, before: current[activity]!, after: ruling.verdict)
            if change.before != change.after {
              changesByEntry[entry.origin, default: ([], [])].0.append(change)
            } else {
              changesByEntry[entry.origin, default: ([], [])].1.append(change)
            }
            current[activity] = ruling.verdict
          }
        }
      }
      for entry in layer.timeline {
        guard let date = entry.date else { continue }
        if let from = query.from, date < from { continue }
        if let to = query.to, date > to { continue }
        let substances = entry.substances.filter { substanceFilter?.contains($0) ?? true }
        if substances.isEmpty { continue }
        let (changes, confirms) = changesByEntry[entry.origin] ?? ([], [])
        items.append(
          TimelineItem(entry: entry, jurisdiction: layer, substances: substances, changes: changes, confirms: confirms))
      }
    }
    let depth = Dictionary(uniqueKeysWithValues: layerIDs.enumerated().map { ($1, $0) })
    return items.enumerated().sorted { a, b in
      let (x, y) = (a.element, b.element)
      if x.entry.date! != y.entry.date! { return x.entry.date! < y.entry.date! }
      if x.jurisdiction.id != y.jurisdiction.id {
        return depth[x.jurisdiction.id, default: 0] > depth[y.jurisdiction.id, default: 0]
      }
      return a.offset < b.offset
    }.map(\.element)
  }
}
