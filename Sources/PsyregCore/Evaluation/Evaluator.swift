extension RuleBook {
  /// Why a question given by names cannot be answered.
  public enum QuestionError: Error, CustomStringConvertible, Equatable {
    /// No substance has this id, name or alias; `suggestions` are the nearest known names.
    case unknownSubstance(String, suggestions: [String])
    /// No jurisdiction has this id, name or alias; `suggestions` are the nearest known names.
    case unknownJurisdiction(String, suggestions: [String])
    /// The name stands for several ids, listed in `candidates`.
    case ambiguous(String, candidates: [String])

    public var description: String {
      switch self {
      case .unknownSubstance(let name, let suggestions):
        "unknown substance '\(name)'" + Self.didYouMean(suggestions)
      case .unknownJurisdiction(let name, let suggestions):
        "unknown jurisdiction '\(name)'" + Self.didYouMean(suggestions)
      case .ambiguous(let name, let candidates):
        "'\(name)' is ambiguous: it may mean \(candidates.joined(separator: " or "))"
      }
    }

    static func didYouMean(_ suggestions: [String]) -> String {
      suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
    }
  }

  /// The substance a name, alias or id stands for.
  public func resolveSubstance(_ name: String) throws(QuestionError) -> Substance {
    compiled.substances[Int(try resolveSubstanceID(name).raw)]
  }

  /// The jurisdiction a name, alias or id stands for.
  public func resolveJurisdiction(_ name: String) throws(QuestionError) -> Jurisdiction {
    compiled.jurisdictions[Int(try resolveJurisdictionID(name).raw)]
  }

  /// The interned substance a name, alias or id stands for.
  public func resolveSubstanceID(_ name: String) throws(QuestionError) -> SubstanceID {
    if let index = compiled.substanceByName[ExactText(name)] { return SubstanceID(raw: index) }
    let ids = substanceNames.resolve(name)
    if ids.count > 1 { throw .ambiguous(name, candidates: ids) }
    guard let id = ids.first, let index = compiled.substanceIndex[id] else {
      throw .unknownSubstance(name, suggestions: substanceNames.suggestions(for: name))
    }
    return SubstanceID(raw: index)
  }

  /// The interned jurisdiction a name, alias or id stands for.
  public func resolveJurisdictionID(_ name: String) throws(QuestionError) -> JurisdictionID {
    if let index = compiled.jurisdictionByName[ExactText(name)] { return JurisdictionID(raw: index) }
    let ids = jurisdictionNames.resolve(name)
    if ids.count > 1 { throw .ambiguous(name, candidates: ids) }
    guard let id = ids.first, let index = compiled.jurisdictionIndex[id] else {
      throw .unknownJurisdiction(name, suggestions: jurisdictionNames.suggestions(for: name))
    }
    return JurisdictionID(raw: index)
  }

  /// The interned substance of an id (not a name or alias); nil when the book has none.
  public func substanceID(_ id: String) -> SubstanceID? { compiled.substanceIndex[id].map(SubstanceID.init) }

  /// The interned jurisdiction of an id (not a name or alias); nil when the book has none.
  public func jurisdictionID(_ id: String) -> JurisdictionID? {
    compiled.jurisdictionIndex[id].map(JurisdictionID.init)
  }

  /// Answers a question given by names (ids, names or aliases).
  public func ask(
    _ substance: String, in jurisdiction: String, activity: Activity, on date: CivilDate, facts: Facts = Facts()
  ) throws(QuestionError) -> Answer {
    let s = try resolveSubstanceID(substance)
    let j = try resolveJurisdictionID(jurisdiction)
    return answer(s, in: j, activity: activity, on: date, facts: facts)
  }

  /// Every activity, in the vocabulary's order.
  public func askAll(_ substance: String, in jurisdiction: String, on date: CivilDate, facts: Facts = Facts())
    throws(QuestionError) -> [Answer]
  {
    let s = try resolveSubstanceID(substance)
    let j = try resolveJurisdictionID(jurisdiction)
    return Activity.allCases.map { answer(s, in: j, activity: $0, on: date, facts: facts) }
  }

  /// Answers a question whose substance and jurisdiction are ids known to the book.
  public func answer(_ question: Question) -> Answer {
    compiled.answer(
      substance: compiled.substanceIndex[question.substance]!,
      jurisdiction: compiled.jurisdictionIndex[question.jurisdiction]!, activity: question.activity,
      date: question.date, facts: question.facts)
  }

  /// Answers a question by interned ids: the fastest full answer, every layer's governing rule included.
  public func answer(
    _ substance: SubstanceID, in jurisdiction: JurisdictionID, activity: Activity, on date: CivilDate,
    facts: Facts = Facts()
  ) -> Answer {
    compiled.answer(
      substance: substance.raw, jurisdiction: jurisdiction.raw, activity: activity, date: date, facts: facts)
  }

  /// The combined verdict alone (no facts), as `answer(…).verdict` would give it.
  public func verdict(
    _ substance: SubstanceID, in jurisdiction: JurisdictionID, activity: Activity, on date: CivilDate
  ) -> Verdict {
    compiled.verdict(
      substance: substance.raw, jurisdiction: jurisdiction.raw, activity: activity, day: QuestionIndex.day(date))
  }

  /// The reference evaluator's verdict, its full answer made as before the compiled index (the
  /// question benchmark's baseline).
  package func _referenceVerdict(_ question: Question) -> Verdict { referenceAnswer(question).verdict }

  /// Asking by name as before the compiled index: scalar-wise name normalisation, substance
  /// and jurisdiction copied, the reference evaluator's answer (the question benchmark's baseline).
  package func _referenceAsk(_ substance: String, in jurisdiction: String, activity: Activity, on date: CivilDate)
    -> Verdict?
  {
    let sIDs = substanceNames.resolveScalars(substance)
    guard sIDs.count == 1, let s = substances[sIDs[0]] else { return nil }
    let jIDs = jurisdictionNames.resolveScalars(jurisdiction)
    guard jIDs.count == 1, let j = jurisdictions[jIDs[0]] else { return nil }
    return referenceAnswer(Question(substance: s.id, jurisdiction: j.id, activity: activity, date: date)).verdict
  }

  /// The reference evaluator's answer, every layer resolved from the histories with no
  /// compiled table: the oracle `answer` is tested against.
  func referenceAnswer(_ question: Question) -> ReferenceAnswer {
    let substance = substances[question.substance]!
    let jurisdiction = jurisdictions[question.jurisdiction]!
    var binding: [LayerAnswer] = []
    var beside: [LayerAnswer] = []
    for layer in layers(of: jurisdiction.id) {
      let bindsHere = layer.kind.bindsPeople || layer.id == jurisdiction.id
      let answer = layerAnswer(question, layer: layer, binding: bindsHere)
      if bindsHere { binding.append(answer) } else { beside.append(answer) }
    }
    let verdict = Self.combine(binding.map(\.verdict))
    let known = Set(binding.map(\.verdict).filter { $0 != .unknown })
    return ReferenceAnswer(
      question: question, substance: substance, jurisdiction: jurisdiction, verdict: verdict,
      conflict: known.count > 1, layers: binding, beside: beside)
  }

  /// Any prohibition governs; else any unknown makes the whole unknown; else the strictest.
  static func combine(_ verdicts: [Verdict]) -> Verdict {
    if verdicts.contains(.prohibited) { return .prohibited }
    if verdicts.isEmpty || verdicts.contains(.unknown) { return .unknown }
    return verdicts.max { $0.strictness! < $1.strictness! }!
  }

  func layerAnswer(_ question: Question, layer: Jurisdiction, binding: Bool) -> LayerAnswer {
    let resolution = resolve(question.substance, in: layer.id, question.activity, on: question.date)
    let ruling = resolution?.ruling
    var answer = LayerAnswer(
      jurisdiction: layer, verdict: ruling?.verdict ?? .unknown, conditions: ruling?.conditions ?? [], unmet: [],
      ruledVerdict: ruling?.verdict ?? .unknown, status: resolution?.status, origin: resolution?.origin ?? .none,
      governing: resolution?.governing, since: resolution?.since, schedule: resolution?.schedule,
      amendment: resolution?.amendment,
      adoption: resolution?.adoption, inheritedFrom: resolution?.inheritedFrom, binding: binding)
    guard let ruling, !ruling.conditions.isEmpty, !question.facts.isEmpty else { return answer }
    var residual: [Condition] = []
    for condition in ruling.conditions {
      switch condition.check(question.facts) {
      case .met: break
      case .undecided: residual.append(condition)
      case .unmet(let reason): answer.unmet.append(reason)
      }
    }
    answer.conditions = residual
    if !answer.unmet.isEmpty { answer.verdict = .prohibited }
    return answer
  }

  /// How one layer answers for a substance, activity and date, before facts are applied.
  struct Resolution {
    var ruling: Ruling
    var origin: AnswerOrigin
    var governing: GoverningRule
    var since: CivilDate?
    var status: String?
    var schedule: Schedule? = nil
    var amendment: TimelineEntry? = nil
    var adoption: Adoption? = nil
    var inheritedFrom: String? = nil
  }

  /// Where a substance is listed in a layer on a date.
  struct Listing {
    /// The listing entry (in this layer, or in the adopted layer), or the entry that ended it.
    var entry: TimelineEntry
    /// The substance of the lineage the listing is written for.
    var substance: String
    /// When the listing took effect here (no earlier than the adoption it came through).
    var since: CivilDate
    var adoption: Adoption?

    /// The schedule, unless the entry ended the listing.
    var schedule: String? { entry.endsListing ? nil : entry.schedule }
  }

  /// Which rule governs in one layer ("Which entry governs" in docs/rule-format.md): the
  /// substance's own verdict or its schedule's, whichever took effect later (own on a tie);
  /// else the adopted layer's answer; else an initial status; else the unlisted baseline.
  func resolve(_ substance: String, in layer: String, _ activity: Activity, on date: CivilDate, depth: Int = 0)
    -> Resolution?
  {
    let lineage = lineage(of: substance)
    var own: Resolution?
    for id in lineage {
      if let history = history(id, layer), let indexes = history.setting[activity],
        let entry = history.last(of: indexes, onOrBefore: date)
      {
        let schedule = entry.schedule.flatMap { jurisdictions[layer]?.schedule($0) }
        own = Resolution(
          ruling: entry.verdicts.ruling(for: activity)!, origin: id == substance ? .own : .inherited,
          governing: .entry(entry), since: entry.date, status: entry.status ?? schedule?.label, schedule: schedule,
          inheritedFrom: id == substance ? nil : id)
        break
      }
    }
    let listing = listing(of: substance, in: layer, on: date, depth: depth)
    if let listing, let scheduled = scheduleAnswer(listing, substance: substance, in: layer, activity, on: date),
      own.map({ $0.since! < scheduled.since! }) ?? true
    {
      return scheduled
    }
    if let own { return own }
    if depth < Self.adoptionDepthLimit, let adoption = adoption(in: layer, on: date),
      var adopted = resolve(substance, in: adoption.layer, activity, on: date, depth: depth + 1)
    {
      adopted.origin = .adopted
      adopted.adoption = adoption
      adopted.since = max(adopted.since ?? adoption.from, adoption.from)
      return adopted
    }
    for id in lineage {
      if let initial = history(id, layer)?.initial, let ruling = initial.verdicts.ruling(for: activity) {
        return Resolution(
          ruling: ruling, origin: .initial, governing: .initial(initial), since: nil, status: initial.status,
          inheritedFrom: id == substance ? nil : id)
      }
    }
    if listing?.schedule == nil, let unlisted = jurisdictions[layer]?.unlisted,
      let ruling = unlisted.verdicts.ruling(for: activity)
    {
      return Resolution(
        ruling: ruling, origin: .initial, governing: .initial(unlisted), since: nil, status: unlisted.status)
    }
    return nil
  }

  /// The substance's (or its lineage's) listing in force: the later of its own in this layer
  /// and the one it has in the layer adopted on the date (own on a tie).
  func listing(of substance: String, in layer: String, on date: CivilDate, depth: Int) -> Listing? {
    var found: Listing?
    for id in lineage(of: substance) {
      if let history = history(id, layer), let entry = history.last(of: history.listings, onOrBefore: date) {
        found = Listing(entry: entry, substance: id, since: entry.date, adoption: nil)
        break
      }
    }
    if depth < Self.adoptionDepthLimit, let adoption = adoption(in: layer, on: date),
      let adopted = listing(of: substance, in: adoption.layer, on: date, depth: depth + 1),
      adopted.schedule != nil
    {
      let since = max(adopted.since, adoption.from)
      if found.map({ $0.since < since }) ?? true {
        found = Listing(entry: adopted.entry, substance: adopted.substance, since: since, adoption: adoption)
      }
    }
    return found
  }

  /// What the substance's listing means in this layer: the layer's own schedule of that id,
  /// as amended by its class-wide entries on or before the date.
  func scheduleAnswer(
    _ listing: Listing, substance: String, in layer: String, _ activity: Activity, on date: CivilDate
  ) -> Resolution? {
    guard let id = listing.schedule, let schedule = jurisdictions[layer]?.schedule(id),
      var ruling = schedule.verdicts.ruling(for: activity)
    else { return nil }
    var governing = listing.entry
    var since = listing.since
    var amended: TimelineEntry?
    // A listing's own label describes the listing only when it overrides no activity; one that
    // does (a religious exemption) labels those activities alone.
    let listingLabel = listing.adoption == nil && listing.entry.verdicts.isEmpty ? listing.entry.status : nil
    var status = listingLabel ?? schedule.label
    if let history = amendmentHistory(id, layer), let indexes = history.setting[activity],
      let amendment = history.last(of: indexes, onOrBefore: date)
    {
      ruling = amendment.verdicts.ruling(for: activity)!
      status = amendment.status ?? schedule.label
      amended = amendment
      if amendment.date >= since {
        governing = amendment
        since = amendment.date
      }
    }
    let inherited = listing.substance != substance
    return Resolution(
      ruling: ruling, origin: inherited ? .inherited : .schedule, governing: .entry(governing), since: since,
      status: status, schedule: schedule, amendment: amended, adoption: listing.adoption,
      inheritedFrom: inherited ? listing.substance : nil)
  }
}

/// An answer as the reference evaluator makes it: every value copied.
struct ReferenceAnswer: Hashable {
  var question: Question
  var substance: Substance
  var jurisdiction: Jurisdiction
  var verdict: Verdict
  var conflict: Bool
  var layers: [LayerAnswer]
  var beside: [LayerAnswer]
}
