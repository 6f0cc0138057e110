/// A question: is this substance allowed here, for this activity, on this day?
public struct Question: Sendable, Hashable {
  /// A substance id.
  public var substance: String
  /// A jurisdiction id; its answer covers it and every layer above it.
  public var jurisdiction: String
  /// What the person wants to do.
  public var activity: Activity
  /// The day asked about.
  public var date: CivilDate
  /// What the person says about themselves, to decide checkable conditions; empty decides none.
  public var facts: Facts

  /// A question by ids; `RuleBook.ask` makes one from names.
  public init(substance: String, jurisdiction: String, activity: Activity, date: CivilDate, facts: Facts = Facts()) {
    self.substance = substance
    self.jurisdiction = jurisdiction
    self.activity = activity
    self.date = date
    self.facts = facts
  }
}

/// The rule a layer's verdict rests on: a dated entry, or an initial status (which has no date).
public enum GoverningRule: Sendable, Hashable {
  /// A dated timeline entry.
  case entry(TimelineEntry)
  /// An `initial` status, or a layer's `unlisted` baseline.
  case initial(InitialStatus)

  /// The day it took effect; nil for an initial status, which holds for every earlier date.
  public var date: CivilDate? {
    if case .entry(let entry) = self { return entry.date }
    return nil
  }

  /// The entry; nil for an initial status.
  public var entry: TimelineEntry? {
    if case .entry(let entry) = self { return entry }
    return nil
  }

  /// Whether it is an `initial` status or a layer's `unlisted` baseline.
  public var isInitial: Bool { entry == nil }

  /// The entry's title; for an initial status "Initial status: …", for the unlisted baseline "Not listed: …".
  public var title: String {
    switch self {
    case .entry(let entry): entry.title
    case .initial(let status):
      status.substance == nil ? "Not listed: \(status.status)" : "Initial status: \(status.status)"
    }
  }

  /// The legal instrument it rests on.
  public var instrument: String {
    switch self {
    case .entry(let entry): entry.instrument
    case .initial(let status): status.instrument
    }
  }

  /// The URLs that back it.
  public var sources: [String] {
    switch self {
    case .entry(let entry): entry.sources
    case .initial(let status): status.sources
    }
  }

  /// How firmly its sources establish it.
  public var confidence: Confidence {
    switch self {
    case .entry(let entry): entry.confidence
    case .initial(let status): status.confidence
    }
  }

  /// The status label it carries; nil for an entry that sets none.
  public var status: String? {
    switch self {
    case .entry(let entry): entry.status
    case .initial(let status): status.status
    }
  }

  /// Its note, if it has one.
  public var note: String? {
    switch self {
    case .entry(let entry): entry.note
    case .initial(let status): status.note
    }
  }

  /// Where it is written.
  public var origin: RuleOrigin {
    switch self {
    case .entry(let entry): entry.origin
    case .initial(let status): status.origin
    }
  }

  /// The entry kind, or nil for an initial status.
  public var kind: EntryKind? { entry?.kind }
}

/// What one layer's law says.
public struct LayerAnswer: Sendable, Hashable {
  /// The layer.
  public var jurisdiction: Jurisdiction
  /// The layer's verdict once the facts are applied: `prohibited` when they fail a condition.
  public var verdict: Verdict
  /// The conditions still to be met (those the facts did not decide).
  public var conditions: [Condition]
  /// Why the facts fail this layer's conditions; non-empty makes the verdict `prohibited`.
  public var unmet: [String]
  /// The verdict the rule sets before the facts are applied.
  public var ruledVerdict: Verdict
  /// The status label of the governing rule (or its schedule), never one set about another activity.
  public var status: String?
  /// Where the answer comes from.
  public var origin: AnswerOrigin = .none
  /// The rule that governs; nil when no rule covers the question.
  public var governing: GoverningRule?
  /// The day the answer took its present value here (nil for an initial status or no rule).
  public var since: CivilDate?
  /// The schedule the answer comes through, when it does.
  public var schedule: Schedule?
  /// The class-wide entry that set what the schedule means for this activity, when one did.
  public var amendment: TimelineEntry?
  /// The adoption the answer (or the substance's listing) comes through, when it does.
  public var adoption: Adoption?
  /// Set when the governing rule is written for what the substance is an isomer or salt of.
  public var inheritedFrom: String?
  /// False for treaty and union layers, shown beside the answer.
  public var binding: Bool

  /// The layer adopted, for answers that come through an adoption.
  public var via: String? { adoption?.layer }
  /// The weakest confidence of what the answer rests on: the governing rule, and the adoption,
  /// schedule and class-wide amendment it came through (a doubtful schedule makes every answer
  /// read from it doubtful too). Nil when no rule governs.
  public var confidence: Confidence? {
    guard let rule = governing?.confidence else { return nil }
    let through = [adoption?.confidence, schedule?.confidence, amendment?.confidence].compactMap { $0 }
    return Confidence.allCases.last { $0 == rule || through.contains($0) }
  }
}

/// The answer to a question: the verdict of the binding layers combined, with every layer's
/// answer to explain it.
///
/// An answer holds indices into its rule book's compiled tables (the rule each layer answers
/// from), not copies: making one costs a few table lookups, and `layers`, `beside`,
/// `substance`, `jurisdiction` and `question` are read from the book when asked for.
public struct Answer: Sendable, Hashable {
  let index: QuestionIndex
  let substanceRef: Int32
  let jurisdictionRef: Int32
  let activity: Activity
  let date: CivilDate
  let facts: Facts
  /// Per layer of the jurisdiction's chain, the record it answers with.
  let records: LayerRecords

  /// The combined verdict: any prohibition governs; else any `unknown` layer makes it unknown;
  /// else the strictest.
  public var verdict: Verdict
  /// Known binding layers disagree.
  public var conflict: Bool

  /// The question, with the substance and jurisdiction as ids.
  public var question: Question {
    Question(
      substance: substance.id, jurisdiction: index.jurisdictions[Int(jurisdictionRef)].id, activity: activity,
      date: date, facts: facts)
  }
  /// The substance asked about.
  public var substance: Substance { index.substances[Int(substanceRef)] }
  /// The jurisdiction asked about: the layer nearest the person.
  public var jurisdiction: Jurisdiction { index.jurisdictions[Int(jurisdictionRef)] }
  /// The binding layers, nearest the person first.
  public var layers: [LayerAnswer] { layerAnswers(binding: true) }
  /// Treaty and union layers, for information.
  public var beside: [LayerAnswer] { layerAnswers(binding: false) }

  func layerAnswers(binding: Bool) -> [LayerAnswer] {
    let start = Int(index.chainStart[Int(jurisdictionRef)])
    let end = Int(index.chainStart[Int(jurisdictionRef) + 1])
    var result: [LayerAnswer] = []
    for i in start..<end where index.chainBinding[i] == binding {
      result.append(
        index.layerAnswer(layer: index.chainLayers[i], record: records[i - start], facts: facts, binding: binding))
    }
    return result
  }

  public static func == (a: Answer, b: Answer) -> Bool {
    a.question == b.question && a.verdict == b.verdict && a.conflict == b.conflict && a.substance == b.substance
      && a.jurisdiction == b.jurisdiction && a.layers == b.layers && a.beside == b.beside
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(question)
    hasher.combine(verdict)
    hasher.combine(conflict)
  }

  /// The binding layer that decides the verdict: the strictest; among equals, the nearest.
  public var governingLayer: LayerAnswer? {
    layers.first { $0.verdict == verdict }
  }

  /// Some layer that counts is governed by an entry whose confidence is not high.
  public var isUncertain: Bool { Self.isUncertain(layers) }

  static func isUncertain(_ layers: [LayerAnswer]) -> Bool {
    layers.contains { ($0.confidence ?? .high) != .high }
  }

  /// The conditions of a lawful (or decriminalized) answer: those of its binding layers.
  /// Empty when the answer is prohibited or unknown: no condition makes it lawful then.
  public var conditions: [Condition] { conditions(layers) }

  /// `conditions`, from the binding layers' answers already made.
  func conditions(_ layers: [LayerAnswer]) -> [Condition] {
    guard verdict == .conditional || verdict == .decriminalized else { return [] }
    var all: [Condition] = []
    for layer in layers where layer.verdict == .conditional || layer.verdict == .decriminalized {
      for condition in layer.conditions where !all.contains(condition) { all.append(condition) }
    }
    return all
  }
}

extension Answer {
  /// "lawful under Oregon law on conditions; still prohibited under United States law".
  public var conflictSentence: String? { conflictSentence(layers) }

  /// `conflictSentence`, from the binding layers' answers already made.
  func conflictSentence(_ layers: [LayerAnswer]) -> String? {
    guard conflict else { return nil }
    let permissive = layers.filter { $0.verdict != verdict && $0.verdict != .unknown }
    let strict = layers.filter { $0.verdict == verdict }
    func phrase(_ verdict: Verdict) -> String {
      switch verdict {
      case .allowed: "lawful"
      case .conditional: "lawful on conditions"
      case .decriminalized: "decriminalized"
      case .prohibited: "prohibited"
      case .unknown: "unknown"
      }
    }
    let first = permissive.map { "\(phrase($0.verdict)) under \($0.jurisdiction.name) law" }.joined(separator: ", ")
    let second = strict.map(\.jurisdiction.name).joined(separator: " and ")
    return "\(first); still \(phrase(verdict)) under \(second) law"
  }
}

/// The records of an answer's layers: six inline, more in an array.
struct LayerRecords: Sendable {
  private var inline: (Int32, Int32, Int32, Int32, Int32, Int32) = (-1, -1, -1, -1, -1, -1)
  private var more: [Int32]? = nil

  init(count: Int) {
    if count > 6 { more = Array(repeating: -1, count: count) }
  }

  subscript(i: Int) -> Int32 {
    @inline(__always) get {
      if let more { return more[i] }
      switch i {
      case 0: return inline.0
      case 1: return inline.1
      case 2: return inline.2
      case 3: return inline.3
      case 4: return inline.4
      default: return inline.5
      }
    }
    @inline(__always) set {
      if more != nil {
        more![i] = newValue
        return
      }
      switch i {
      case 0: inline.0 = newValue
      case 1: inline.1 = newValue
      case 2: inline.2 = newValue
      case 3: inline.3 = newValue
      case 4: inline.4 = newValue
      default: inline.5 = newValue
      }
    }
  }
}
