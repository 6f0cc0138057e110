extension RuleBook {
  public enum QuestionError: Error, CustomStringConvertible, Equatable {
    case unknownSubstance(String, suggestions: [String])
    case unknownJurisdiction(String, suggestions: [String])
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

  /// The substance id a name, alias or id stands for.
  public func resolveSubstance(_ name: String) throws(QuestionError) -> Substance {
    let ids = substanceNames.resolve(name)
    if ids.count > 1 { throw .ambiguous(name, candidates: ids) }
    guard let id = ids.first, let substance = substances[id] else {
      throw .unknownSubstance(name, suggestions: substanceNames.suggestions(for: name))
    }
    return substance
  }

  public func resolveJurisdiction(_ name: String) throws(QuestionError) -> Jurisdiction {
    let ids = jurisdictionNames.resolve(name)
    if ids.count > 1 { throw .ambiguous(name, candidates: ids) }
    guard let id = ids.first, let jurisdiction = jurisdictions[id] else {
      throw .unknownJurisdiction(name, suggestions: jurisdictionNames.suggestions(for: name))
    }
    return jurisdiction
  }

  /// Answers a question given by names (ids, names or aliases).
  public func ask(
    _ substance: String, in jurisdiction: String, activity: Activity, on date: CivilDate, facts: Facts = Facts()
  ) throws(QuestionError) -> Answer {
    let s = try resolveSubstance(substance)
    let j = try resolveJurisdiction(jurisdiction)
    return answer(Question(substance: s.id, jurisdiction: j.id, activity: activity, date: date, facts: facts))
  }

  /// Every activity, in the vocabulary's order.
  public func askAll(_ substance: String, in jurisdiction: String, on date: CivilDate, facts: Facts = Facts())
    throws(QuestionError) -> [Answer]
  {
    let s = try resolveSubstance(substance)
    let j = try resolveJurisdiction(jurisdiction)
    return Activity.allCases.map {
      answer(Question(substance: s.id, jurisdiction: j.id, activity: $0, date: date, facts: facts))
    }
  }

  /// Answers a question whose substance and jurisdiction are ids known to the book.
  public func answer(_ question: Question) -> Answer {
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
    return Answer(
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
    let (governing, from) = governingEntry(question.substance, layer.id, question.activity, question.date)
    let ruling = governing?.verdicts.ruling(for: question.activity)
    var answer = LayerAnswer(
      jurisdiction: layer, verdict: ruling?.verdict ?? .unknown, conditions: ruling?.conditions ?? [], unmet: [],
      ruledVerdict: ruling?.verdict ?? .unknown,
      status: statusLabel(question.substance, layer.id, question.date) ?? governing?.status,
      governing: governing, inheritedFrom: from == question.substance ? nil : from, binding: binding)
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

  /// The last entry in force for the activity, for the substance or else what it inherits
  /// from; else the initial status; with the substance it was written for.
  func governingEntry(_ substance: String, _ jurisdiction: String, _ activity: Activity, _ date: CivilDate)
    -> (TimelineEntry?, String?)
  {
    let lineage = lineage(of: substance)
    for id in lineage {
      if let history = history(id, jurisdiction), let indexes = history.setting[activity],
        let entry = history.last(of: indexes, onOrBefore: date)
      {
        return (entry, id)
      }
    }
    for id in lineage {
      if let initial = history(id, jurisdiction)?.initial, initial.verdicts.ruling(for: activity) != nil {
        return (initial, id)
      }
    }
    return (nil, nil)
  }

  /// The status label in force: the last labelled entry on or before the date, else the initial's.
  func statusLabel(_ substance: String, _ jurisdiction: String, _ date: CivilDate) -> String? {
    for id in lineage(of: substance) {
      guard let history = history(id, jurisdiction) else { continue }
      if let entry = history.last(of: history.labelled, onOrBefore: date) { return entry.status }
      if let initial = history.initial { return initial.status }
    }
    return nil
  }
}
