/// Checks that need more than one file: references, duplicate ids, cycles, timeline order
/// and contradictions, and the names used by expectation tests.
struct RuleSetValidator {
  let rules: RuleSet
  /// The first definition of each jurisdiction id, for following adoptions.
  let jurisdictionsByID: [String: Jurisdiction]

  init(_ rules: RuleSet) {
    self.rules = rules
    jurisdictionsByID = Dictionary(rules.jurisdictions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func check() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let substanceIDs = firstDefinitions(
      rules.substances.map { ($0.id, $0.origin) }, what: "substance", into: &diagnostics)
    let jurisdictionIDs = firstDefinitions(
      rules.jurisdictions.map { ($0.id, $0.origin) }, what: "jurisdiction", into: &diagnostics)
    let knownSubstances = substanceIDs.keys.sorted()
    let knownJurisdictions = jurisdictionIDs.keys.sorted()

    func checkSubstance(_ id: String, at position: SourcePosition) {
      if substanceIDs[id] == nil {
        diagnostics.append(
          .unknownReference(.refUnknownSubstance, what: "substance", id, known: knownSubstances, at: position))
      }
    }

    for substance in rules.substances {
      for related in [substance.isomerOf, substance.saltOf].compactMap({ $0 }) + substance.contains {
        checkSubstance(related, at: substance.referenceOrigins[related] ?? substance.origin)
      }
      checkFileName(substance.origin, id: substance.id, into: &diagnostics)
    }
    diagnostics += relationCycles()

    for jurisdiction in rules.jurisdictions {
      checkFileName(jurisdiction.origin, id: jurisdiction.id, into: &diagnostics)
      if let parent = jurisdiction.parent, jurisdictionIDs[parent] == nil {
        diagnostics.append(
          .unknownReference(
            .refUnknownJurisdiction, what: "parent jurisdiction", parent, known: knownJurisdictions,
            at: jurisdiction.parentOrigin ?? jurisdiction.origin))
      }
      for (substance, status) in jurisdiction.initial { checkSubstance(substance, at: status.origin) }
      for adoption in jurisdiction.adoptions where jurisdictionIDs[adoption.layer] == nil {
        diagnostics.append(
          .unknownReference(
            .refUnknownJurisdiction, what: "adopted layer", adoption.layer, known: knownJurisdictions,
            at: adoption.layerOrigin))
      }
      diagnostics += scheduleReferences(jurisdiction)
      diagnostics += doubleListings(jurisdiction)
      for entry in jurisdiction.timeline {
        for (index, substance) in entry.substances.enumerated() {
          checkSubstance(
            substance, at: index < entry.substanceOrigins.count ? entry.substanceOrigins[index] : entry.origin)
        }
      }
      diagnostics += timelineOrder(jurisdiction)
      diagnostics += contradictions(jurisdiction)
    }
    diagnostics += aliasesNamingIDs(
      rules.substances.map { ($0.id, $0.aliases, $0.aliasOrigins) }, what: "substance")
    diagnostics += aliasesNamingIDs(
      rules.jurisdictions.map { ($0.id, $0.aliases, $0.aliasOrigins) }, what: "jurisdiction")
    diagnostics += parentCycles()
    diagnostics += adoptionCycles()
    diagnostics += caseReferences(jurisdictionIDs: Set(knownJurisdictions))
    return diagnostics
  }

  /// An alias that is another's id (as people type it) would make the id ambiguous: an id must
  /// name one thing. Reported at the alias.
  private func aliasesNamingIDs(_ entities: [(id: String, aliases: [String], origins: [RuleOrigin])], what: String)
    -> [Diagnostic]
  {
    var ids: [String: String] = [:]
    for entity in entities { ids[NameIndex.normalize(entity.id)] = entity.id }
    var diagnostics: [Diagnostic] = []
    for entity in entities {
      for (index, alias) in entity.aliases.enumerated() {
        guard let other = ids[NameIndex.normalize(alias)], other != entity.id else { continue }
        let at = index < entity.origins.count ? entity.origins[index] : RuleOrigin(file: "", location: nil)
        diagnostics.append(.aliasNamesID(alias, of: entity.id, other: other, what: what, at: at))
      }
    }
    return diagnostics
  }

  /// Ids to where they are first defined; later definitions are reported.
  private func firstDefinitions(
    _ items: [(String, SourcePosition)], what: String, into diagnostics: inout [Diagnostic]
  ) -> [String: SourcePosition] {
    var first: [String: SourcePosition] = [:]
    for (id, origin) in items {
      if let earlier = first[id] {
        diagnostics.append(.duplicateID(what, id, at: origin, first: earlier))
      } else {
        first[id] = origin
      }
    }
    return first
  }

  private func checkFileName(_ origin: SourcePosition, id: String, into diagnostics: inout [Diagnostic]) {
    let name = origin.file.split(separator: "/").last.map(String.init) ?? origin.file
    let stem =
      name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
    if stem != id { diagnostics.append(.fileName(name, id: id, at: origin)) }
  }

  private func parentCycles() -> [Diagnostic] {
    Self.cycles(rules.jurisdictions.map { ($0.id, $0.parent) }).compactMap { chain in
      let start = rules.jurisdictions.first { $0.id == chain[0] }!
      return .parentCycle(chain, at: start.parentOrigin ?? start.origin)
    }
  }

  /// Adoption links form a graph (a layer may adopt several); report each cycle once.
  private func adoptionCycles() -> [Diagnostic] {
    let byID = jurisdictionsByID
    var state: [String: Bool] = [:]  // false: on the current path; true: finished
    var path: [String] = []
    var diagnostics: [Diagnostic] = []
    func visit(_ id: String) {
      state[id] = false
      path.append(id)
      for adoption in byID[id]?.adoptions ?? [] where byID[adoption.layer] != nil {
        switch state[adoption.layer] {
        case nil: visit(adoption.layer)
        case false?:
          let start = path.firstIndex(of: adoption.layer)!
          let cycle = Array(path[start...]) + [adoption.layer]
          let first = byID[cycle[0]]!.adoptions.first { $0.layer == cycle[1] }!
          diagnostics.append(.adoptionCycle(cycle, at: first.layerOrigin))
        case true?: break
        }
      }
      path.removeLast()
      state[id] = true
    }
    for jurisdiction in rules.jurisdictions where state[jurisdiction.id] == nil { visit(jurisdiction.id) }
    return diagnostics
  }

  /// The schedule ids a layer may list substances in: its own and those of the layers it
  /// adopts, transitively.
  private func listableSchedules(_ jurisdiction: String) -> Set<String> {
    let byID = jurisdictionsByID
    var ids: Set<String> = []
    var seen: Set<String> = []
    var queue = [jurisdiction]
    while let layer = queue.popLast() {
      guard seen.insert(layer).inserted, let found = byID[layer] else { continue }
      ids.formUnion(found.schedules.map(\.id))
      queue += found.adoptions.map(\.layer)
    }
    return ids
  }

  /// Listings name a schedule of the layer or of a layer it adopts; class-wide entries amend
  /// the layer's own schedules only.
  private func scheduleReferences(_ jurisdiction: Jurisdiction) -> [Diagnostic] {
    let own = Set(jurisdiction.schedules.map(\.id))
    // The adopted layers' schedules, gathered only when a listing names one (a chain of
    // thousands of adoptions is walked only for the layers that need it).
    var adopted: Set<String>?
    var diagnostics: [Diagnostic] = []
    for entry in jurisdiction.timeline {
      let targets = entry.schedule.map { [$0] } ?? entry.schedules
      var known = own
      if !entry.isClassWide && !jurisdiction.adoptions.isEmpty && !targets.allSatisfy(own.contains) {
        if adopted == nil { adopted = listableSchedules(jurisdiction.id) }
        known = adopted ?? own
      }
      for (index, id) in targets.enumerated() where !known.contains(id) {
        let position = index < entry.scheduleOrigins.count ? entry.scheduleOrigins[index] : entry.origin
        diagnostics.append(
          .unknownReference(.refUnknownSchedule, what: "schedule", id, known: known.sorted(), at: position))
      }
    }
    return diagnostics
  }

  /// A substance listed in two different schedules on one day.
  private func doubleListings(_ jurisdiction: Jurisdiction) -> [Diagnostic] {
    struct Key: Hashable {
      var substance: String
      var date: CivilDate
    }
    var first: [Key: (schedule: String, origin: SourcePosition)] = [:]
    var diagnostics: [Diagnostic] = []
    for entry in jurisdiction.timeline {
      guard let schedule = entry.schedule else { continue }
      for (index, substance) in entry.substances.enumerated() {
        let position = index < entry.substanceOrigins.count ? entry.substanceOrigins[index] : entry.origin
        let key = Key(substance: substance, date: entry.date)
        if let earlier = first[key] {
          if earlier.schedule != schedule {
            diagnostics.append(
              .doubleListing(
                substance, date: entry.date, earlier.schedule, schedule, at: position, other: earlier.origin))
          }
        } else {
          first[key] = (schedule, position)
        }
      }
    }
    return diagnostics
  }

  private func relationCycles() -> [Diagnostic] {
    Self.cycles(rules.substances.map { ($0.id, $0.inheritsFrom) }).compactMap { chain in
      let start = rules.substances.first { $0.id == chain[0] }!
      return .relationCycle(chain, at: start.referenceOrigins[start.inheritsFrom ?? ""] ?? start.origin)
    }
  }

  /// Each cycle of `id → link` once, as the chain from the first id (in input order) that is
  /// on it back to itself.
  static func cycles(_ links: [(id: String, link: String?)]) -> [[String]] {
    // Each id is walked once (a path is marked done when its walk ends), so a chain of
    // thousands of parents costs thousands of steps, not their square.
    let next = Dictionary(links.map { ($0.id, $0.link) }, uniquingKeysWith: { first, _ in first })
    let order = Dictionary(links.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    enum Walk { case onPath(Int), done }
    var state: [String: Walk] = [:]
    var found: [(first: Int, cycle: [String])] = []
    for (id, _) in links where state[id] == nil {
      var path: [String] = []
      var current: String? = id
      while let node = current, next[node] != nil, state[node] == nil {
        state[node] = .onPath(path.count)
        path.append(node)
        current = next[node] ?? nil
      }
      if let node = current, case .onPath(let start)? = state[node] {
        // Start the cycle at its member listed first, as people read the files.
        var cycle = Array(path[start...])
        let rank = { (id: String) in order[id] ?? Int.max }
        if let first = cycle.indices.min(by: { rank(cycle[$0]) < rank(cycle[$1]) }) {
          cycle = Array(cycle[first...] + cycle[..<first])
        }
        found.append((rank(cycle[0]), cycle + [cycle[0]]))
      }
      for node in path { state[node] = .done }
    }
    return found.sorted { $0.first < $1.first }.map(\.cycle)
  }

  private func timelineOrder(_ jurisdiction: Jurisdiction) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var latest: TimelineEntry?
    for entry in jurisdiction.timeline {
      let date = entry.date
      if let previous = latest, date < previous.date {
        diagnostics.append(.outOfOrder(date, after: previous.date, at: entry.origin, previousAt: previous.origin))
      } else {
        latest = entry
      }
    }
    return diagnostics
  }

  /// Two entries on one day that set different verdicts for the same substance (or the same
  /// schedule, for class-wide entries) and activity.
  private func contradictions(_ jurisdiction: Jurisdiction) -> [Diagnostic] {
    var byDate: [CivilDate: [TimelineEntry]] = [:]
    for entry in jurisdiction.timeline where !entry.verdicts.isEmpty {
      byDate[entry.date, default: []].append(entry)
    }
    var diagnostics: [Diagnostic] = []
    for (date, entries) in byDate where entries.count > 1 {
      // Per (target, activity), the verdicts set so far and the first entry setting each: a
      // later entry is compared with those, not with every earlier entry (linear in entries).
      var seen: [String: [(verdict: Verdict, entry: Int)]] = [:]
      for (i, later) in entries.enumerated() {
        var firstContradicted: Int?
        for target in Self.targets(later) {
          for activity in Activity.allCases {
            guard let ruling = later.verdicts.ruling(for: activity) else { continue }
            let key = target + "\u{0}" + activity.rawValue
            for earlier in seen[key, default: []] where earlier.verdict != ruling.verdict {
              firstContradicted = min(firstContradicted ?? earlier.entry, earlier.entry)
            }
          }
        }
        // Report a later entry once, against the first earlier one it contradicts.
        if let e = firstContradicted, let d = Self.contradiction(entries[e], later, on: date) {
          diagnostics.append(d)
        }
        for target in Self.targets(later) {
          for activity in Activity.allCases {
            guard let ruling = later.verdicts.ruling(for: activity) else { continue }
            let key = target + "\u{0}" + activity.rawValue
            if !seen[key, default: []].contains(where: { $0.verdict == ruling.verdict }) {
              seen[key, default: []].append((ruling.verdict, i))
            }
          }
        }
      }
    }
    return diagnostics
  }

  /// What an entry sets verdicts for: its substances, or its schedules (class-wide).
  static func targets(_ entry: TimelineEntry) -> [String] {
    entry.substances + entry.schedules.map { "schedule '\($0)'" }
  }

  /// The first target and activity on which `later` contradicts `earlier`, as a diagnostic.
  static func contradiction(_ earlier: TimelineEntry, _ later: TimelineEntry, on date: CivilDate) -> Diagnostic? {
    let earlierTargets = targets(earlier)
    for target in targets(later) where earlierTargets.contains(target) {
      for activity in Activity.allCases {
        guard let a = earlier.verdicts.ruling(for: activity), let b = later.verdicts.ruling(for: activity),
          a.verdict != b.verdict
        else { continue }
        return .contradiction(
          substance: target, activity: activity.rawValue, date: date, a.verdict, b.verdict,
          at: later.origin, other: earlier.origin)
      }
    }
    return nil
  }

  private func caseReferences(jurisdictionIDs: Set<String>) -> [Diagnostic] {
    let substances = NameIndex.substances(rules.substances)
    let jurisdictions = NameIndex.jurisdictions(rules.jurisdictions)
    var diagnostics: [Diagnostic] = []
    for testCase in rules.cases {
      if substances.resolve(testCase.substance).count != 1 {
        diagnostics.append(
          .unknownReference(
            .refUnknownSubstance, what: "substance", testCase.substance,
            known: substances.names, at: testCase.substanceOrigin))
      }
      if jurisdictions.resolve(testCase.jurisdiction).count != 1 {
        diagnostics.append(
          .unknownReference(
            .refUnknownJurisdiction, what: "jurisdiction", testCase.jurisdiction,
            known: jurisdictions.names, at: testCase.jurisdictionOrigin))
      }
      for layer in testCase.layers where !jurisdictionIDs.contains(layer.jurisdiction) {
        diagnostics.append(
          .unknownReference(
            .refUnknownJurisdiction, what: "jurisdiction", layer.jurisdiction,
            known: jurisdictionIDs.sorted(), at: layer.origin))
      }
    }
    return diagnostics
  }
}
