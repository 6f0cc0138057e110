/// The rules compiled for answering: per substance and jurisdiction the entries sorted by
/// date and indexed by activity, the layer chains and the substance lineages resolved
/// once, so that one question is a few hash lookups and binary searches.
public struct RuleBook: Sendable {
  public let substances: [String: Substance]
  public let jurisdictions: [String: Jurisdiction]
  public let substanceNames: NameIndex
  public let jurisdictionNames: NameIndex
  /// Expectation tests read with the rules.
  public let cases: [ExpectationCase]
  /// The files the book was compiled from.
  public let files: [String]

  let histories: [HistoryKey: History]
  /// Jurisdiction id → itself, its parent, and so on up.
  let layerChains: [String: [String]]
  /// Substance id → itself, what it is an isomer or salt of, and so on up.
  let lineages: [String: [String]]

  struct HistoryKey: Hashable, Sendable {
    var substance: String
    var jurisdiction: String
  }

  /// The law of one substance in one jurisdiction.
  struct History: Sendable {
    var initial: TimelineEntry?
    /// Sorted by date; entries of one day keep their order in the file.
    var entries: [TimelineEntry] = []
    /// Per activity, the indexes of the entries that set a verdict for it.
    var setting: [Activity: [Int]] = [:]
    /// Indexes of the entries that set a status label.
    var labelled: [Int] = []

    /// The last entry on or before the date among the given indexes.
    func last(of indexes: [Int], onOrBefore date: CivilDate) -> TimelineEntry? {
      var low = 0
      var high = indexes.count
      while low < high {
        let mid = (low + high) / 2
        if entries[indexes[mid]].date! <= date { low = mid + 1 } else { high = mid }
      }
      return low == 0 ? nil : entries[indexes[low - 1]]
    }
  }

  /// Compiles a rule set. Rules with errors compile as far as they can; check the
  /// loader's diagnostics before trusting the answers.
  public init(_ rules: RuleSet) {
    var substances: [String: Substance] = [:]
    for s in rules.substances where substances[s.id] == nil { substances[s.id] = s }
    var jurisdictions: [String: Jurisdiction] = [:]
    for j in rules.jurisdictions where jurisdictions[j.id] == nil { jurisdictions[j.id] = j }
    self.substances = substances
    self.jurisdictions = jurisdictions
    substanceNames = .substances(Array(substances.values).sorted { $0.id < $1.id })
    jurisdictionNames = .jurisdictions(Array(jurisdictions.values).sorted { $0.id < $1.id })
    cases = rules.cases
    files = rules.files

    var histories: [HistoryKey: History] = [:]
    for jurisdiction in jurisdictions.values {
      for (substance, entry) in jurisdiction.initial {
        histories[HistoryKey(substance: substance, jurisdiction: jurisdiction.id), default: History()].initial = entry
      }
      for entry in jurisdiction.timeline {
        for substance in entry.substances {
          histories[HistoryKey(substance: substance, jurisdiction: jurisdiction.id), default: History()].entries
            .append(entry)
        }
      }
    }
    for key in histories.keys {
      var history = histories[key]!
      history.entries = history.entries.enumerated().sorted {
        $0.element.date! != $1.element.date! ? $0.element.date! < $1.element.date! : $0.offset < $1.offset
      }.map(\.element)
      for (index, entry) in history.entries.enumerated() {
        for activity in Activity.allCases where entry.verdicts.ruling(for: activity) != nil {
          history.setting[activity, default: []].append(index)
        }
        if entry.status != nil { history.labelled.append(index) }
      }
      histories[key] = history
    }
    self.histories = histories

    layerChains = Self.chains(jurisdictions.mapValues(\.parent))
    lineages = Self.chains(substances.mapValues(\.inheritsFrom))
  }

  /// Follows links up from every id, stopping at a cycle or an unknown id.
  static func chains(_ links: [String: String?]) -> [String: [String]] {
    var chains: [String: [String]] = [:]
    for id in links.keys {
      var chain = [id]
      var next = links[id] ?? nil
      while let current = next, links[current] != nil, !chain.contains(current) {
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

  /// Whether any entry or initial status mentions the substance in the jurisdiction itself.
  public func hasData(substance: String, jurisdiction: String) -> Bool {
    lineage(of: substance).contains { histories[HistoryKey(substance: $0, jurisdiction: jurisdiction)] != nil }
  }

  func history(_ substance: String, _ jurisdiction: String) -> History? {
    histories[HistoryKey(substance: substance, jurisdiction: jurisdiction)]
  }

  /// All substances and jurisdictions sorted by id, for listings.
  public var sortedSubstances: [Substance] { substances.values.sorted { $0.id < $1.id } }
  public var sortedJurisdictions: [Jurisdiction] { jurisdictions.values.sorted { $0.id < $1.id } }
}

extension RuleBook {
  public enum LoadError: Error, CustomStringConvertible {
    /// The rule files have errors; they are listed.
    case invalidRules([Diagnostic])

    public var description: String {
      switch self {
      case .invalidRules(let diagnostics):
        (diagnostics.filter { $0.severity == .error }.map(\.formatted)).joined(separator: "\n")
      }
    }
  }

  /// Loads and compiles the rules under the given paths; throws when they have errors.
  public static func load(paths: [String]) throws(LoadError) -> RuleBook {
    let output = RuleLoader().load(paths: paths)
    if output.diagnostics.hasErrors { throw .invalidRules(output.diagnostics) }
    return RuleBook(output.rules)
  }
}
