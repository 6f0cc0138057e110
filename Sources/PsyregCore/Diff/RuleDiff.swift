/// What changes between two rule sets: the definitions and timeline entries added, removed
/// and changed, and, computed exactly from the two timelines, every answer that changes.
///
/// Entries are matched by jurisdiction, substance set, date, kind and title; what is left
/// is matched in passes that each relax one part of that key (the title, then the kind,
/// then the substance set, then the date), so an edited title or a moved date shows as one
/// changed entry rather than a removal and an addition. A date move is reported as
/// `changed`, with its `date` field changed.
///
/// The answer to (substance, jurisdiction, activity) only changes on the date of an entry of
/// one of its layers for the substance or what it inherits from (the verdict in force, the
/// status label and the conflict are all read from the last entry on or before the day).
/// The breakpoints are those dates, on either side; between two breakpoints the answer is
/// constant, so it is evaluated once per interval on each side and adjacent intervals with
/// the same difference are merged.
public struct RuleDiff: Sendable {
  /// Substances, then jurisdictions, added, removed or redefined; each sorted by id.
  public var definitions: [DefinitionChange]
  /// Records added, removed or changed, by jurisdiction, then date (undated first).
  public var entries: [EntryChange]
  /// Every answer that differs, asked without facts, by jurisdiction, substance, activity and date.
  public var answers: [AnswerChange]

  /// Whether nothing changed.
  public var isEmpty: Bool { definitions.isEmpty && entries.isEmpty && answers.isEmpty }

  /// The jurisdictions whose answers change, sorted.
  public var answerJurisdictions: [String] { Array(Set(answers.map(\.jurisdiction))).sorted() }

  /// Compares two rule sets, compiling each into a `RuleBook`.
  public init(old: RuleSet, new: RuleSet) {
    self.init(old: RuleBook(old), new: RuleBook(new))
  }

  /// Compares two compiled rule books.
  public init(old: RuleBook, new: RuleBook) {
    let layers = LayerChanges(old, new)
    definitions = Self.definitionChanges(old, new)
    entries = Self.entryChanges(old, new, layers)
    answers = Self.answerChanges(old, new, layers)
  }
}

/// How a definition or record differs from the old side to the new.
public enum ChangeKind: String, Sendable, Hashable {
  /// `added`: only on the new side; `removed`: only on the old; `changed`: on both, with fields that differ.
  case added, removed, changed
}

/// One field of an entry or a definition, before and after (nil: absent on that side).
public struct FieldChange: Sendable, Hashable {
  /// The field's name as in the format (`title`, `verdicts.possession`).
  public var field: String
  /// The value before, as text.
  public var old: String?
  /// The value after, as text.
  public var new: String?
}

/// A substance or jurisdiction defined, dropped or redefined (name, kind, relations, parent).
public struct DefinitionChange: Sendable, Hashable {
  /// Which kind of definition it is.
  public enum What: String, Sendable, Hashable { case substance, jurisdiction }
  /// A substance or a jurisdiction.
  public var what: What
  /// The substance's or jurisdiction's id.
  public var id: String
  /// Added, removed or changed.
  public var change: ChangeKind
  /// For `changed`: the fields that differ; empty otherwise.
  public var fields: [FieldChange]
  /// Where it is defined on the new side (else the old).
  public var origin: RuleOrigin
}

/// A rule record as the diff compares it: a timeline entry, an initial status, the unlisted
/// baseline, a schedule or an adoption, flattened to its fields by their names in the format.
public struct RuleRecord: Sendable, Hashable {
  /// What kind of record: an entry's kind (`scheduled`), or `initial`, `unlisted`, `schedule`, `adoption`.
  public struct Kind: RawRepresentable, Sendable, Hashable {
    /// The entry kind's spelling, or `initial`, `unlisted`, `schedule`, `adoption`.
    public var rawValue: String
    /// A kind by its spelling.
    public init(rawValue: String) { self.rawValue = rawValue }
  }

  /// The id of the layer it belongs to.
  public var jurisdiction: String
  /// Whether it is a dated timeline entry (else a definition of the layer).
  public var isEntry: Bool
  /// What it is about: the entry's substances (or `schedule:ID` for a class-wide entry), the
  /// substance of an initial status, the id of a schedule, the adopted layer.
  public var substances: [String]
  /// An entry's date or an adoption's `from`; nil for initial statuses, baselines and schedules.
  public var date: CivilDate?
  /// What kind of record it is.
  public var kind: Kind
  /// An entry's title, a status's label, a schedule's label, or "follows LAYER" for an adoption.
  public var title: String
  /// The fields compared, in format order.
  public var fields: [FieldValue]
  /// Where it is written.
  public var origin: RuleOrigin

  /// One compared field: its name as in the format and its value as text.
  public struct FieldValue: Sendable, Hashable {
    /// The field's name as in the format (`instrument`, `verdicts.default`).
    public var name: String
    /// The value as text (lists joined with ", "); nil when absent.
    public var value: String?
  }

  init(_ e: TimelineEntry) {
    jurisdiction = e.jurisdiction
    isEntry = true
    substances = e.isClassWide ? e.schedules.map { "schedule:\($0)" } : e.substances
    date = e.date
    kind = Kind(rawValue: e.kind.rawValue)
    title = e.title
    origin = e.origin
    var fields: [(String, String?)] = [
      ("date", e.date.description), ("announced", e.announced?.description), ("kind", e.kind.rawValue),
      ("substances", RuleDiff.list(e.substances)), ("schedule", e.schedule),
      ("schedules", RuleDiff.list(e.schedules)), ("title", e.title), ("instrument", e.instrument),
      ("sources", RuleDiff.list(e.sources)), ("confidence", e.confidence.rawValue), ("status", e.status),
    ]
    fields += RuleDiff.verdictFields(e.verdicts)
    fields.append(("note", e.note))
    self.fields = fields.map { FieldValue(name: $0.0, value: $0.1) }
  }

  init(_ s: InitialStatus) {
    jurisdiction = s.jurisdiction
    isEntry = false
    substances = s.substance.map { [$0] } ?? []
    kind = Kind(rawValue: s.substance == nil ? "unlisted" : "initial")
    title = s.status
    origin = s.origin
    let fields: [(String, String?)] =
      [
        ("status", s.status), ("instrument", s.instrument), ("sources", RuleDiff.list(s.sources)),
        ("confidence", s.confidence.rawValue),
      ] + RuleDiff.verdictFields(s.verdicts) + [("note", s.note)]
    self.fields = fields.map { FieldValue(name: $0.0, value: $0.1) }
  }

  init(_ s: Schedule) {
    jurisdiction = s.jurisdiction
    isEntry = false
    substances = [s.id]
    kind = Kind(rawValue: "schedule")
    title = s.label
    origin = s.origin
    let fields: [(String, String?)] =
      [
        ("label", s.label), ("instrument", s.instrument), ("sources", RuleDiff.list(s.sources)),
        ("confidence", s.confidence.rawValue),
      ] + RuleDiff.verdictFields(s.verdicts) + [("note", s.note)]
    self.fields = fields.map { FieldValue(name: $0.0, value: $0.1) }
  }

  init(_ a: Adoption, in jurisdiction: String) {
    self.jurisdiction = jurisdiction
    isEntry = false
    substances = [a.layer]
    date = a.from
    kind = Kind(rawValue: "adoption")
    title = "follows \(a.layer)"
    origin = a.origin
    let fields: [(String, String?)] = [
      ("layer", a.layer), ("from", a.from.description), ("instrument", a.instrument),
      ("sources", RuleDiff.list(a.sources)), ("confidence", a.confidence.rawValue), ("note", a.note),
    ]
    self.fields = fields.map { FieldValue(name: $0.0, value: $0.1) }
  }

  /// The record with its file position left out (moving lines changes no answer).
  var placeless: RuleRecord {
    var copy = self
    copy.origin = RuleOrigin(file: "", location: nil)
    return copy
  }
}

/// A timeline entry, initial status, schedule or adoption added, removed or changed.
public struct EntryChange: Sendable, Hashable {
  /// Added, removed or changed.
  public var change: ChangeKind
  /// The id of the layer the record belongs to.
  public var jurisdiction: String
  /// The record before; nil when it was added.
  public var old: RuleRecord?
  /// The record after; nil when it was removed.
  public var new: RuleRecord?
  /// For `changed`: what differs.
  public var fields: [FieldChange]

  /// The record as it stands on the new side, else as it stood.
  public var entry: RuleRecord { (new ?? old)! }
  /// File and line on the new side (the old side for a removal).
  public var origin: RuleOrigin { entry.origin }
}

/// What an answer is, for comparison: its verdict, whether layers conflict, its conditions.
public struct AnswerOutcome: Sendable, Hashable, CustomStringConvertible {
  /// The combined verdict.
  public var verdict: Verdict
  /// Whether known binding layers disagree.
  public var conflict: Bool
  /// The conditions' texts; empty unless the verdict is conditional or decriminalized.
  public var conditions: [String]

  /// The outcome where the question cannot be asked: its substance or jurisdiction is not defined
  /// on that side.
  public static let unknown = AnswerOutcome(verdict: .unknown, conflict: false, conditions: [])

  /// An outcome from its parts.
  public init(verdict: Verdict, conflict: Bool, conditions: [String]) {
    self.verdict = verdict
    self.conflict = conflict
    self.conditions = conditions
  }

  /// `Answer.conditions` is already empty where no condition makes the answer lawful.
  public init(_ answer: Answer) {
    self.init(verdict: answer.verdict, conflict: answer.conflict, conditions: answer.conditions.map(\.text))
  }

  /// "conditional", "prohibited (conflict)".
  public var description: String { verdict.rawValue + (conflict ? " (conflict)" : "") }
}

/// The answer to one question differs on a range of dates.
public struct AnswerChange: Sendable, Hashable {
  /// The substance id.
  public var substance: String
  /// The id of the jurisdiction asked about.
  public var jurisdiction: String
  /// The activity asked about.
  public var activity: Activity
  /// The first day; nil: since the beginning of time.
  public var from: CivilDate?
  /// The last day, inclusive; nil: open-ended.
  public var to: CivilDate?
  /// The answer under the old rules.
  public var old: AnswerOutcome
  /// The answer under the new rules.
  public var new: AnswerOutcome

  /// Conditions of the old answer that the new one lacks.
  public var conditionsRemoved: [String] { old.conditions.filter { !new.conditions.contains($0) } }
  /// Conditions of the new answer that the old one lacks.
  public var conditionsAdded: [String] { new.conditions.filter { !old.conditions.contains($0) } }

  /// "from 2023-07-01 to 2024-06-30", "from 2023-07-01", "until 1985-06-30", "on every date".
  public var range: String {
    switch (from, to) {
    case (let from?, let to?) where from == to: "on \(from)"
    case (let from?, let to?): "from \(from) to \(to)"
    case (let from?, nil): "from \(from)"
    case (nil, let to?): "until \(to)"
    case (nil, nil): "on every date"
    }
  }
}

// MARK: - Definitions

extension RuleDiff {
  static func definitionChanges(_ old: RuleBook, _ new: RuleBook) -> [DefinitionChange] {
    func fields(_ s: Substance) -> [(String, String?)] {
      [
        ("name", s.name), ("kind", s.kind.rawValue), ("isomer_of", s.isomerOf),
        ("salt_of", s.saltOf),
        ("aliases", list(s.aliases)), ("contains", list(s.contains)),
      ]
    }
    func fields(_ j: Jurisdiction) -> [(String, String?)] {
      [
        ("name", j.name), ("kind", j.kind.rawValue), ("parent", j.parent),
        ("aliases", list(j.aliases)),
      ]
    }
    var changes: [DefinitionChange] = []
    for id in Set(old.substances.keys).union(new.substances.keys).sorted() {
      if let change = definitionChange(
        .substance, id, old.substances[id].map { ($0.origin, fields($0)) },
        new.substances[id].map { ($0.origin, fields($0)) })
      {
        changes.append(change)
      }
    }
    for id in Set(old.jurisdictions.keys).union(new.jurisdictions.keys).sorted() {
      if let change = definitionChange(
        .jurisdiction, id, old.jurisdictions[id].map { ($0.origin, fields($0)) },
        new.jurisdictions[id].map { ($0.origin, fields($0)) })
      {
        changes.append(change)
      }
    }
    return changes
  }

  static func definitionChange(
    _ what: DefinitionChange.What, _ id: String, _ old: (RuleOrigin, [(String, String?)])?,
    _ new: (RuleOrigin, [(String, String?)])?
  ) -> DefinitionChange? {
    switch (old, new) {
    case (nil, let new?):
      return DefinitionChange(what: what, id: id, change: .added, fields: [], origin: new.0)
    case (let old?, nil):
      return DefinitionChange(what: what, id: id, change: .removed, fields: [], origin: old.0)
    case (let old?, let new?):
      let fields = zip(old.1, new.1).compactMap { a, b in
        a.1 == b.1 ? nil : FieldChange(field: a.0, old: a.1, new: b.1)
      }
      return fields.isEmpty
        ? nil
        : DefinitionChange(what: what, id: id, change: .changed, fields: fields, origin: new.0)
    case (nil, nil): return nil
    }
  }

  static func list(_ items: [String]) -> String? {
    items.isEmpty ? nil : items.joined(separator: ", ")
  }
}

// MARK: - Entries

extension RuleDiff {
  /// The records of a book by jurisdiction: definitions (schedules, adoptions, baselines,
  /// initial statuses), then the timeline.
  static func entries(_ book: RuleBook) -> [RuleRecord] {
    book.sortedJurisdictions.flatMap { records($0) }
  }

  static func records(_ j: Jurisdiction) -> [RuleRecord] {
    j.schedules.map(RuleRecord.init) + j.adoptions.map { RuleRecord($0, in: j.id) }
      + (j.unlisted.map { [RuleRecord($0)] } ?? []) + j.initial.keys.sorted().map { RuleRecord(j.initial[$0]!) }
      + j.timeline.map(RuleRecord.init)
  }

  /// The parts of a record that identify it, at a level of matching from 0 (strictest: jurisdiction,
  /// substances, date, kind, title) to 4 (loosest); each level after the first leaves one part out.
  static func matchKey(_ e: RuleRecord, level: Int) -> [String] {
    let substances = e.substances.sorted().joined(separator: ",")
    let date = e.date?.description ?? "undated"
    let parts: [String] =
      switch level {
      case 0: [substances, date, e.kind.rawValue, e.title]
      case 1: [substances, date, e.kind.rawValue]  // the title was edited
      case 2: [substances, date, e.title]  // the kind was corrected
      case 3: [date, e.kind.rawValue, e.title]  // substances were added or removed
      default: [substances, e.kind.rawValue, e.title]  // the date moved
      }
    // A definition only ever matches a definition of its own kind.
    return [e.jurisdiction, e.isEntry ? "entry" : e.kind.rawValue] + parts
  }

  static func entryChanges(_ old: RuleBook, _ new: RuleBook, _ layers: LayerChanges) -> [EntryChange] {
    // Matching never crosses layers (every key starts with the layer's id), and a layer whose
    // records are all the same on both sides pairs each with its copy: only the others are matched.
    let changed = layers.layers
    var oldLeft = old.sortedJurisdictions.filter { changed[$0.id] != nil }.flatMap { records($0) }
    var newLeft = new.sortedJurisdictions.filter { changed[$0.id] != nil }.flatMap { records($0) }
    var pairs: [(RuleRecord, RuleRecord)] = []
    for level in 0...4 {
      // Entries of one key pair up in file order.
      var buckets: [[String]: [Int]] = [:]
      for (index, entry) in oldLeft.enumerated() {
        buckets[matchKey(entry, level: level), default: []].append(index)
      }
      var matchedOld: Set<Int> = []
      var unmatchedNew: [RuleRecord] = []
      for entry in newLeft {
        let bucketKey = matchKey(entry, level: level)
        if var candidates = buckets[bucketKey], !candidates.isEmpty {
          // Prefer a candidate with the same date (a loose key may match several).
          let pick = candidates.firstIndex { oldLeft[$0].date == entry.date } ?? 0
          let index = candidates.remove(at: pick)
          buckets[bucketKey] = candidates
          matchedOld.insert(index)
          pairs.append((oldLeft[index], entry))
        } else {
          unmatchedNew.append(entry)
        }
      }
      oldLeft = oldLeft.enumerated().filter { !matchedOld.contains($0.offset) }.map(\.element)
      newLeft = unmatchedNew
    }
    var changes: [EntryChange] = []
    for (a, b) in pairs {
      let fields = entryFields(a, b)
      if !fields.isEmpty {
        changes.append(
          EntryChange(
            change: .changed, jurisdiction: b.jurisdiction, old: a, new: b, fields: fields))
      }
    }
    changes += oldLeft.map {
      EntryChange(change: .removed, jurisdiction: $0.jurisdiction, old: $0, new: nil, fields: [])
    }
    changes += newLeft.map {
      EntryChange(change: .added, jurisdiction: $0.jurisdiction, old: nil, new: $0, fields: [])
    }
    return changes.sorted { a, b in
      if a.jurisdiction != b.jurisdiction { return a.jurisdiction < b.jurisdiction }
      let (x, y) = (a.entry, b.entry)
      if x.date != y.date {
        return (x.date.map { $0.dayNumber } ?? Int.min) < (y.date.map { $0.dayNumber } ?? Int.min)
      }
      if x.substances != y.substances {
        return x.substances.lexicographicallyPrecedes(y.substances)
      }
      return a.origin < b.origin
    }
  }

  /// The fields that differ between two versions of a record.
  static func entryFields(_ a: RuleRecord, _ b: RuleRecord) -> [FieldChange] {
    zip(a.fields, b.fields).compactMap { x, y in
      x.value == y.value ? nil : FieldChange(field: x.name, old: x.value, new: y.value)
    }
  }

  /// A verdict table as fields: one per activity, then the default.
  static func verdictFields(_ verdicts: VerdictTable) -> [(String, String?)] {
    Activity.allCases.map { ("verdicts.\($0.rawValue)", verdicts.byActivity[$0].map(describeRuling)) }
      + [("verdicts.default", verdicts.fallback.map(describeRuling))]
  }

  /// "conditional [a prescription; age 21+]".
  static func describeRuling(_ ruling: Ruling) -> String {
    var text = ruling.verdict.rawValue
    if !ruling.conditions.isEmpty {
      text += " [" + ruling.conditions.map(\.text).joined(separator: "; ") + "]"
    }
    if let note = ruling.note { text += " (note: \(note))" }
    return text
  }
}

// MARK: - Answers

extension RuleDiff {
  static func answerChanges(_ old: RuleBook, _ new: RuleBook, _ layerChanges: LayerChanges) -> [AnswerChange] {
    let substances = Set(old.substances.keys).union(new.substances.keys).sorted()
    let jurisdictions = Set(old.jurisdictions.keys).union(new.jurisdictions.keys).sorted()
    // Jurisdictions in contiguous chunks on all cores (each chunk with its own record caches),
    // the chunks' changes joined in order: the same list as one pass in order.
    let chunks = min(jurisdictions.count, 4 * Parallel.cores)
    let parts = Parallel.map(chunks) { chunk in
      let oldRecords = RecordCache(old)
      let newRecords = RecordCache(new)
      var changes: [AnswerChange] = []
      let range = (chunk * jurisdictions.count / chunks)..<((chunk + 1) * jurisdictions.count / chunks)
      for jurisdiction in jurisdictions[range] {
        // The substances whose answers here may differ; the others have the same inputs on both sides.
        let touched = layerChanges.touched(jurisdiction)
        for substance in substances {
          if case .some(let ids) = touched,
            layerChanges.sameLineage(substance),
            !old.lineage(of: substance).contains(where: ids.contains)
          {
            continue
          }
          let a = Inputs(old, substance, jurisdiction, oldRecords)
          let b = Inputs(new, substance, jurisdiction, newRecords)
          // Identical inputs give identical answers on every date: nothing to evaluate.
          if a == b { continue }
          let breakpoints = Set(a.dates).union(b.dates).sorted()
          for activity in Activity.allCases {
            changes += answerChanges(
              substance, jurisdiction, activity, breakpoints: breakpoints, old: old, new: new,
              oldKnown: a.known, newKnown: b.known)
          }
        }
      }
      return changes
    }
    return parts.flatMap { $0 }
  }

  /// The intervals the breakpoints cut the calendar into: before the first, between two, after the last.
  static func intervals(_ breakpoints: [CivilDate]) -> [(from: CivilDate?, to: CivilDate?)] {
    guard let first = breakpoints.first else { return [(nil, nil)] }
    var result: [(from: CivilDate?, to: CivilDate?)] = []
    if first.dayNumber > CivilDate(year: 1, month: 1, day: 1)!.dayNumber {
      result.append((nil, first.adding(days: -1)))
    }
    for (index, date) in breakpoints.enumerated() {
      let next = index + 1 < breakpoints.count ? breakpoints[index + 1].adding(days: -1) : nil
      result.append((date, next))
    }
    return result
  }

  static func answerChanges(
    _ substance: String, _ jurisdiction: String, _ activity: Activity, breakpoints: [CivilDate],
    old: RuleBook, new: RuleBook, oldKnown: Bool, newKnown: Bool
  ) -> [AnswerChange] {
    func outcome(_ book: RuleBook, _ known: Bool, _ date: CivilDate) -> AnswerOutcome {
      guard known else { return .unknown }
      let question = Question(
        substance: substance, jurisdiction: jurisdiction, activity: activity, date: date)
      return AnswerOutcome(book.answer(question))
    }
    var changes: [AnswerChange] = []
    for interval in intervals(breakpoints) {
      // Any day of the interval will do: the answer is the same on all of them.
      let day = interval.from ?? interval.to ?? CivilDate(year: 2000, month: 1, day: 1)!
      let a = outcome(old, oldKnown, day)
      let b = outcome(new, newKnown, day)
      if a == b { continue }
      if var last = changes.last, last.old == a, last.new == b, let end = last.to,
        let from = interval.from,
        end.adding(days: 1) == from
      {
        last.to = interval.to
        changes[changes.count - 1] = last
        continue
      }
      changes.append(
        AnswerChange(
          substance: substance, jurisdiction: jurisdiction, activity: activity, from: interval.from,
          to: interval.to,
          old: a, new: b))
    }
    return changes
  }

  /// Everything an answer for one substance and jurisdiction is computed from, on one side,
  /// with file positions left out (moving lines changes no answer): the records of every layer
  /// of the chain and of the layers they adopt, and the dates on which any of them takes effect.
  struct Inputs: Equatable {
    /// Both the substance and the jurisdiction are defined: the question can be asked.
    var known: Bool
    var layers: [String] = []
    var layerBinding: [Bool] = []
    var lineage: [String] = []
    var records: [RuleRecord] = []
    var dates: [CivilDate] = []

    init(_ book: RuleBook, _ substance: String, _ jurisdiction: String, _ cache: RecordCache) {
      known = book.substances[substance] != nil && book.jurisdictions[jurisdiction] != nil
      guard known else { return }
      let chain = book.layers(of: jurisdiction)
      layers = chain.map(\.id)
      layerBinding = chain.map { $0.kind.bindsPeople || $0.id == jurisdiction }
      lineage = book.lineage(of: substance)
      let related = Set(lineage)
      var queue = chain
      var seen: Set<String> = []
      while !queue.isEmpty {
        let layer = queue.removeFirst()
        guard seen.insert(layer.id).inserted else { continue }
        queue += layer.adoptions.compactMap { book.jurisdictions[$0.layer] }
        for record in cache.records(layer) {
          // Entries for other substances cannot change this answer; everything else may.
          if record.isEntry && !record.substances.contains(where: { related.contains($0) || $0.hasPrefix("schedule:") })
          {
            continue
          }
          if record.kind.rawValue == "initial" && !record.substances.contains(where: related.contains) { continue }
          if let date = record.date { dates.append(date) }
          records.append(record)
        }
      }
    }
  }
}

/// Each layer's records with file positions left out, made once per layer on one side.
final class RecordCache {
  let book: RuleBook
  var byLayer: [String: [RuleRecord]] = [:]

  init(_ book: RuleBook) { self.book = book }

  func records(_ layer: Jurisdiction) -> [RuleRecord] {
    if let records = byLayer[layer.id] { return records }
    let records = RuleDiff.records(layer).map(\.placeless)
    byLayer[layer.id] = records
    return records
  }
}

/// Which layers differ between two books, and for which substances: what lets the diff
/// evaluate only the (substance, jurisdiction) pairs whose inputs may have changed.
///
/// A layer is unchanged when its records (schedules, adoptions, baseline, initial statuses,
/// timeline) are equal on both sides, file positions aside. A changed layer touches every
/// substance when a record that reaches every substance differs (a schedule, an adoption, the
/// baseline, a class-wide entry), when it exists on one side only, or when its unchanged records
/// are in another order; else only the substances named by the records that differ. A pair is
/// evaluated when a layer its answer reads (the chain and what the chain adopts) touches a
/// substance of its lineage, or when the chain, the lineage or whether it can be asked differs.
/// Every pair skipped has equal `RuleDiff.Inputs` on both sides (the old exhaustive comparison
/// skipped exactly those too, so the output is the same).
struct LayerChanges {
  enum Touch {
    case all
    case substances(Set<String>)
  }

  let old: RuleBook
  let new: RuleBook
  /// Changed layers only, by id.
  var layers: [String: Touch] = [:]

  init(_ old: RuleBook, _ new: RuleBook) {
    self.old = old
    self.new = new
    for id in Self.changedLayers(old, new) {
      guard let a = old.jurisdictions[id], let b = new.jurisdictions[id] else {
        layers[id] = .all
        continue
      }
      layers[id] = Self.touch(RuleDiff.records(a).map(\.placeless), RuleDiff.records(b).map(\.placeless))
    }
  }

  /// The ids of the layers defined on one side only or whose records differ, sorted.
  static func changedLayers(_ old: RuleBook, _ new: RuleBook) -> [String] {
    Set(old.jurisdictions.keys).union(new.jurisdictions.keys).sorted().filter { id in
      guard let a = old.jurisdictions[id], let b = new.jurisdictions[id] else { return true }
      return !sameRecords(a, b)
    }
  }

  /// The substances a changed layer touches.
  static func touch(_ a: [RuleRecord], _ b: [RuleRecord]) -> Touch {
    var counts: [RuleRecord: Int] = [:]
    for r in a { counts[r, default: 0] += 1 }
    for r in b { counts[r, default: 0] -= 1 }
    let differing = Set(counts.filter { $0.value != 0 }.keys)
    var substances: Set<String> = []
    for record in differing {
      let reachesAll =
        (!record.isEntry && record.kind.rawValue != "initial")
        || record.substances.contains { $0.hasPrefix("schedule:") }
      if reachesAll { return .all }
      substances.formUnion(record.substances)
    }
    // The records that do not differ must come in the same order on both sides.
    if a.filter({ !differing.contains($0) }) != b.filter({ !differing.contains($0) }) { return .all }
    return .substances(substances)
  }

  /// Whether two versions of a layer have equal records, file positions aside (compared on the
  /// model's values, which is at least as strict as comparing the records made from them).
  static func sameRecords(_ a: Jurisdiction, _ b: Jurisdiction) -> Bool {
    guard a.timeline.count == b.timeline.count, a.schedules.count == b.schedules.count,
      a.adoptions.count == b.adoptions.count, a.initial.count == b.initial.count
    else { return false }
    let nowhere = RuleOrigin(file: "", location: nil)
    func plain(_ e: TimelineEntry) -> TimelineEntry {
      var e = e
      e.origin = nowhere
      e.substanceOrigins = []
      e.scheduleOrigins = []
      return e
    }
    func plain(_ s: InitialStatus?) -> InitialStatus? {
      guard var s else { return nil }
      s.origin = nowhere
      return s
    }
    func plain(_ s: Schedule) -> Schedule {
      var s = s
      s.origin = nowhere
      return s
    }
    func plain(_ a: Adoption) -> Adoption {
      var a = a
      a.origin = nowhere
      a.layerOrigin = nowhere
      return a
    }
    if a.id != b.id || plain(a.unlisted) != plain(b.unlisted) { return false }
    for (x, y) in zip(a.schedules, b.schedules) where plain(x) != plain(y) { return false }
    for (x, y) in zip(a.adoptions, b.adoptions) where plain(x) != plain(y) { return false }
    for (key, x) in a.initial where plain(x) != plain(b.initial[key]) { return false }
    for (x, y) in zip(a.timeline, b.timeline) where plain(x) != plain(y) { return false }
    return true
  }

  /// The substances whose answers in a jurisdiction may differ: nil for every substance, else
  /// those the changed layers it reads touch (an empty set: none).
  func touched(_ jurisdiction: String) -> Set<String>? {
    let a = old.layers(of: jurisdiction)
    let b = new.layers(of: jurisdiction)
    guard a.map(\.id) == b.map(\.id), a.map(\.kind) == b.map(\.kind) else { return nil }
    if layers.isEmpty { return [] }
    // The layers the answer reads: the chain and, transitively, what they adopt (by id, on
    // either side; an adoption that differs already touches every substance).
    var queue = a.map(\.id)
    var seen: Set<String> = []
    var substances: Set<String> = []
    while let id = queue.popLast() {
      guard seen.insert(id).inserted else { continue }
      switch layers[id] {
      case .all?: return nil
      case .substances(let ids)?: substances.formUnion(ids)
      case nil: break
      }
      for book in [old, new] {
        queue += (book.jurisdictions[id]?.adoptions ?? []).map(\.layer)
      }
    }
    return substances
  }

  /// Whether the substance is defined on both sides or neither, with the same lineage.
  func sameLineage(_ substance: String) -> Bool {
    (old.substances[substance] == nil) == (new.substances[substance] == nil)
      && old.lineage(of: substance) == new.lineage(of: substance)
  }
}
