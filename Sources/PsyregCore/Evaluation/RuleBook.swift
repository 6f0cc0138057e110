/// The rules compiled for answering: per substance and jurisdiction the entries sorted by
/// date and indexed by activity, the layer chains and the substance lineages resolved
/// once, so that one question is a few hash lookups and binary searches.
public struct RuleBook: Sendable {
  /// Substances by id (the first of duplicates).
  public let substances: [String: Substance]
  /// Jurisdictions by id (the first of duplicates), adoptions sorted by date.
  public let jurisdictions: [String: Jurisdiction]
  /// Resolves substance ids, names and aliases.
  public let substanceNames: NameIndex
  /// Resolves jurisdiction ids, names and aliases.
  public let jurisdictionNames: NameIndex
  /// Expectation tests read with the rules.
  public let cases: [ExpectationCase]
  /// The files the book was compiled from.
  public let files: [String]

  let histories: [HistoryKey: History]
  /// Class-wide amendments, per (schedule id, jurisdiction).
  let amendments: [HistoryKey: History]
  /// Jurisdiction id → itself, its parent, and so on up.
  let layerChains: [String: [String]]
  /// Substance id → itself, what it is an isomer or salt of, and so on up.
  let lineages: [String: [String]]
  /// Interned ids and, per (layer, substance, activity), the days answers change: what
  /// questions are answered from.
  let compiled: QuestionIndex

  struct HistoryKey: Hashable, Sendable {
    /// A substance id, or a schedule id for amendments.
    var substance: String
    var jurisdiction: String
  }

  /// The law of one substance (or, for amendments, one schedule) in one jurisdiction.
  struct History: Sendable {
    /// The initial status, boxed: a history is a dictionary value, and most have none.
    var initial: InitialStatus? {
      get { initialBox?.status }
      set { initialBox = newValue.map(InitialBox.init) }
    }
    private var initialBox: InitialBox?
    /// The layer's whole timeline, shared with its `Jurisdiction` (not copied: a history
    /// holds positions in it, so a book holds each entry once).
    var timeline: [TimelineEntry] = []
    /// Positions in `timeline` of this history's entries, sorted by date; entries of one day
    /// keep their order in the file.
    var positions: [Int32] = []
    /// Per activity, the indexes (into `positions`) of the entries that set a verdict for it.
    var setting: [Activity: [Int]] = [:]
    /// Indexes (into `positions`) of the entries that list the substance in a schedule or end its listing.
    var listings: [Int] = []

    init(timeline: [TimelineEntry] = []) { self.timeline = timeline }

    /// The history's `index`th entry.
    func entry(_ index: Int) -> TimelineEntry { timeline[Int(positions[index])] }

    /// The last entry on or before the date among the given indexes.
    func last(of indexes: [Int], onOrBefore date: CivilDate) -> TimelineEntry? {
      var low = 0
      var high = indexes.count
      while low < high {
        let mid = (low + high) / 2
        if entry(indexes[mid]).date <= date { low = mid + 1 } else { high = mid }
      }
      return low == 0 ? nil : entry(indexes[low - 1])
    }

    mutating func index() {
      // Timelines are written in date order: sort (stably) only when they are not.
      let timeline = self.timeline
      let date = { (position: Int32) in timeline[Int(position)].date }
      if zip(positions, positions.dropFirst()).contains(where: { date($0) > date($1) }) {
        positions = positions.enumerated().sorted {
          date($0.element) != date($1.element) ? date($0.element) < date($1.element) : $0.offset < $1.offset
        }.map(\.element)
      }
      for (index, position) in positions.enumerated() {
        // Read in place: copying each entry would retain every one of its fields.
        for activity in Activity.allCases where timeline[Int(position)].verdicts.ruling(for: activity) != nil {
          setting[activity, default: []].append(index)
        }
        if timeline[Int(position)].isListing || timeline[Int(position)].endsListing { listings.append(index) }
      }
    }
  }

  /// An initial status held by reference (see `History.initial`).
  final class InitialBox: Sendable {
    let status: InitialStatus
    init(_ status: InitialStatus) { self.status = status }
  }

  /// Compiles a rule set. Rules with errors compile as far as they can; check the
  /// loader's diagnostics before trusting the answers.
  public init(_ rules: RuleSet) {
    var substances: [String: Substance] = [:]
    for s in rules.substances where substances[s.id] == nil { substances[s.id] = s }
    var jurisdictions: [String: Jurisdiction] = [:]
    for j in rules.jurisdictions where jurisdictions[j.id] == nil {
      var j = j
      // Adoptions are looked up by date: keep them in date order.
      j.adoptions = j.adoptions.enumerated().sorted {
        $0.element.from != $1.element.from ? $0.element.from < $1.element.from : $0.offset < $1.offset
      }.map(\.element)
      jurisdictions[j.id] = j
    }
    self.substances = substances
    self.jurisdictions = jurisdictions
    substanceNames = .substances(Array(substances.values).sorted { $0.id < $1.id })
    jurisdictionNames = .jurisdictions(Array(jurisdictions.values).sorted { $0.id < $1.id })
    cases = rules.cases
    files = rules.files

    // Each layer's histories are built and indexed on its own (on all cores): their keys
    // never collide across layers, so joining them is only inserting.
    let layers = Array(jurisdictions.values)
    // A few layers (the part of a rule set a cached `ask` loads) are quicker on one thread.
    let entries = layers.reduce(0) { $0 + $1.timeline.count }
    let built = Parallel.map(layers.count, worthThreads: layers.count > 8 || entries > 5_000) { index in
      let jurisdiction = layers[index]
      var histories: [HistoryKey: History] = [:]
      var amendments: [HistoryKey: History] = [:]
      // Each history's entries reserved to their number (a grown array keeps unused room).
      var counts: [String: Int] = [:]
      for entry in jurisdiction.timeline {
        for substance in entry.substances { counts[substance, default: 0] += 1 }
      }
      let timeline = jurisdiction.timeline
      for (substance, count) in counts {
        var history = History(timeline: timeline)
        history.positions.reserveCapacity(count)
        histories[HistoryKey(substance: substance, jurisdiction: jurisdiction.id)] = history
      }
      for (substance, status) in jurisdiction.initial {
        histories[HistoryKey(substance: substance, jurisdiction: jurisdiction.id), default: History(timeline: timeline)]
          .initial = status
      }
      for (position, entry) in timeline.enumerated() {
        for substance in entry.substances {
          histories[
            HistoryKey(substance: substance, jurisdiction: jurisdiction.id), default: History(timeline: timeline)
          ]
          .positions.append(Int32(position))
        }
        for schedule in entry.schedules {
          amendments[
            HistoryKey(substance: schedule, jurisdiction: jurisdiction.id), default: History(timeline: timeline)
          ]
          .positions.append(Int32(position))
        }
      }
      for key in histories.keys { histories[key]!.index() }
      for key in amendments.keys { amendments[key]!.index() }
      return (histories: histories, amendments: amendments)
    }
    var histories: [HistoryKey: History] = [:]
    var amendments: [HistoryKey: History] = [:]
    histories.reserveCapacity(built.reduce(0) { $0 + $1.histories.count })
    amendments.reserveCapacity(built.reduce(0) { $0 + $1.amendments.count })
    for layer in built {
      for (key, history) in layer.histories { histories[key] = history }
      for (key, history) in layer.amendments { amendments[key] = history }
    }
    self.histories = histories
    self.amendments = amendments

    layerChains = Self.chains(jurisdictions.mapValues(\.parent))
    lineages = Self.chains(substances.mapValues(\.inheritsFrom))
    compiled = QuestionIndex(
      substances: substances, jurisdictions: jurisdictions, layerChains: layerChains, substanceNames: substanceNames,
      jurisdictionNames: jurisdictionNames)
  }

  /// Follows links up from every id, stopping at a cycle or an unknown id.
  static func chains(_ links: [String: String?]) -> [String: [String]] {
    var chains: [String: [String]] = [:]
    for id in links.keys {
      var chain = [id]
      // A set, not `chain.contains`: a chain of thousands of parents stays linear in its length.
      var seen: Set = [id]
      var next = links[id] ?? nil
      while let current = next, links[current] != nil, seen.insert(current).inserted {
        chain.append(current)
        next = links[current] ?? nil
      }
      chains[id] = chain
    }
    return chains
  }

  /// The layers whose law applies in a jurisdiction: itself, then its parents.
  public func layers(of jurisdiction: String) -> [Jurisdiction] {
    (layerChains[jurisdiction] ?? []).compactMap { jurisdictions[$0] }
  }

  /// A substance and what its rules may be inherited from (isomer_of, salt_of), nearest first.
  public func lineage(of substance: String) -> [String] { lineages[substance] ?? [substance] }

  /// Whether the jurisdiction itself records something for the substance: an entry or initial
  /// status for it (or its lineage), or a listing in one of its schedules, its own or adopted.
  public func hasData(substance: String, jurisdiction: String) -> Bool {
    if lineage(of: substance).contains(where: {
      histories[HistoryKey(substance: $0, jurisdiction: jurisdiction)] != nil
    }) {
      return true
    }
    guard let layer = jurisdictions[jurisdiction], !layer.schedules.isEmpty || !layer.adoptions.isEmpty else {
      return false
    }
    return hasListing(substance, in: jurisdiction, depth: 0)
  }

  private func hasListing(_ substance: String, in jurisdiction: String, depth: Int) -> Bool {
    if lineage(of: substance).contains(where: {
      !(histories[HistoryKey(substance: $0, jurisdiction: jurisdiction)]?.listings.isEmpty ?? true)
    }) {
      return true
    }
    guard depth < Self.adoptionDepthLimit else { return false }
    return (jurisdictions[jurisdiction]?.adoptions ?? []).contains {
      hasListing(substance, in: $0.layer, depth: depth + 1)
    }
  }

  /// Adoption chains longer than this are cut (a cycle is a validation error).
  static let adoptionDepthLimit = 16

  func history(_ substance: String, _ jurisdiction: String) -> History? {
    histories[HistoryKey(substance: substance, jurisdiction: jurisdiction)]
  }

  func amendmentHistory(_ schedule: String, _ jurisdiction: String) -> History? {
    amendments[HistoryKey(substance: schedule, jurisdiction: jurisdiction)]
  }

  /// The adoption in force in a layer on a date: the last one that took effect by then.
  func adoption(in jurisdiction: String, on date: CivilDate) -> Adoption? {
    jurisdictions[jurisdiction]?.adoptions.last { $0.from <= date }
  }

  /// All substances sorted by id, for listings.
  public var sortedSubstances: [Substance] { substances.values.sorted { $0.id < $1.id } }
  /// All jurisdictions sorted by id, for listings.
  public var sortedJurisdictions: [Jurisdiction] { jurisdictions.values.sorted { $0.id < $1.id } }
}
