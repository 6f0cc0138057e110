/// Where a rule was written: file, line and column, for citations and diagnostics.
public typealias RuleOrigin = SourcePosition

public struct Substance: Sendable, Hashable {
  public var id: String
  public var name: String
  public var kind: SubstanceKind
  public var aliases: [String]
  /// `dea_code`, `cas`, `unii`, `pubchem`.
  public var identifiers: [String: String]
  public var isomerOf: String?
  public var saltOf: String?
  public var contains: [String]
  public var description: String?
  public var sources: [String]
  public var note: String?
  public var origin: RuleOrigin
  /// Where each related id (isomer_of, salt_of, contains) is written, for diagnostics.
  public var referenceOrigins: [String: RuleOrigin] = [:]

  /// What a rule for this substance may be inherited from (isomer_of, then salt_of).
  public var inheritsFrom: String? { isomerOf ?? saltOf }
}

/// A checkable or textual condition on a verdict.
public struct Condition: Sendable, Hashable {
  public var text: String
  public var minAge: Int?
  public var indications: [String]
  public var prescribers: [String]

  public init(text: String, minAge: Int? = nil, indications: [String] = [], prescribers: [String] = []) {
    self.text = text
    self.minAge = minAge
    self.indications = indications
    self.prescribers = prescribers
  }

  public var isCheckable: Bool { minAge != nil || !indications.isEmpty || !prescribers.isEmpty }
}

/// A verdict with the conditions under which it holds.
public struct Ruling: Sendable, Hashable {
  public var verdict: Verdict
  public var conditions: [Condition]
  public var note: String?

  public init(verdict: Verdict, conditions: [Condition] = [], note: String? = nil) {
    self.verdict = verdict
    self.conditions = conditions
    self.note = note
  }
}

/// The verdicts an entry sets, by activity, with an optional default for the rest.
public struct VerdictTable: Sendable, Hashable {
  public var byActivity: [Activity: Ruling]
  public var fallback: Ruling?

  public init(byActivity: [Activity: Ruling] = [:], fallback: Ruling? = nil) {
    self.byActivity = byActivity
    self.fallback = fallback
  }

  public var isEmpty: Bool { byActivity.isEmpty && fallback == nil }

  /// The ruling this table sets for an activity, if it sets one.
  public func ruling(for activity: Activity) -> Ruling? { byActivity[activity] ?? fallback }
}

/// One dated change of the law in one jurisdiction: for the substances it names, or, as a
/// class-wide change, for every substance listed in the schedules it targets.
public struct TimelineEntry: Sendable, Hashable {
  public var jurisdiction: String
  /// The substances it names; empty for a class-wide entry.
  public var substances: [String]
  /// For a listing (`scheduled`, `temporary-scheduled`, `rescheduled`): the schedule the
  /// substances are listed in from this date.
  public var schedule: String?
  /// For a class-wide entry: the schedules whose meaning it amends from this date.
  public var schedules: [String] = []
  /// The day it takes effect.
  public var date: CivilDate
  public var announced: CivilDate?
  public var kind: EntryKind
  public var title: String
  public var instrument: String
  public var sources: [String]
  public var confidence: Confidence
  public var status: String?
  public var verdicts: VerdictTable
  public var note: String?
  public var origin: RuleOrigin
  /// Where each substance id of the entry is written, for diagnostics.
  public var substanceOrigins: [RuleOrigin] = []
  /// Where `schedule` or each of `schedules` is written, for diagnostics.
  public var scheduleOrigins: [RuleOrigin] = []

  /// It amends schedules rather than naming substances.
  public var isClassWide: Bool { !schedules.isEmpty }
  /// It places its substances in a schedule.
  public var isListing: Bool { schedule != nil }
  /// It ends its substances' listing (they are no longer in any schedule of the layer).
  public var endsListing: Bool { kind == .descheduled || kind == .vacated }
}

/// The status of a substance before its first entry; or, as a layer's `unlisted` baseline,
/// of every substance that none of its schedules lists.
public struct InitialStatus: Sendable, Hashable {
  public var jurisdiction: String
  /// The substance it is written for; nil for the `unlisted` baseline.
  public var substance: String?
  public var status: String
  public var instrument: String
  public var sources: [String]
  public var confidence: Confidence
  public var verdicts: VerdictTable
  public var note: String?
  public var origin: RuleOrigin
}

/// A schedule class of a jurisdiction's law (CSA Schedule I, Poisons Standard Schedule 9):
/// what being listed there means, per activity.
public struct Schedule: Sendable, Hashable {
  public var id: String
  public var jurisdiction: String
  public var label: String
  public var instrument: String
  public var sources: [String]
  public var confidence: Confidence
  public var verdicts: VerdictTable
  public var note: String?
  public var origin: RuleOrigin
}

/// A layer's statement that its law follows another layer's schedules from a date.
public struct Adoption: Sendable, Hashable {
  /// The adopted layer.
  public var layer: String
  public var from: CivilDate
  public var instrument: String
  public var sources: [String]
  public var confidence: Confidence
  public var note: String?
  public var origin: RuleOrigin
  /// Where the adopted layer's id is written.
  public var layerOrigin: RuleOrigin
}

public struct Jurisdiction: Sendable, Hashable {
  public var id: String
  public var name: String
  public var kind: JurisdictionKind
  public var parent: String?
  public var aliases: [String]
  public var note: String?
  /// The status of a substance before its first entry, by substance id.
  public var initial: [String: InitialStatus]
  /// The status of a substance that no schedule of this layer lists (a treaty baseline).
  public var unlisted: InitialStatus?
  /// The schedule classes, in file order.
  public var schedules: [Schedule] = []
  /// The layers whose schedules this one follows, in file order.
  public var adoptions: [Adoption] = []
  /// As written in the file.
  public var timeline: [TimelineEntry]
  public var origin: RuleOrigin
  public var parentOrigin: RuleOrigin?

  /// A schedule of this layer by id.
  public func schedule(_ id: String) -> Schedule? { schedules.first { $0.id == id } }
}

/// One question of an expectation test file, with the answer it must get.
public struct ExpectationCase: Sendable, Hashable {
  public struct LayerExpectation: Sendable, Hashable {
    public var jurisdiction: String
    public var verdict: Verdict
    public var since: CivilDate?
    /// Where the layer's answer must come from, when the case says.
    public var answerOrigin: AnswerOrigin?
    public var origin: RuleOrigin
  }

  public var name: String
  public var substance: String
  public var jurisdiction: String
  public var activity: Activity
  public var date: CivilDate
  public var facts: [String: String]
  public var verdict: Verdict
  public var conflict: Bool?
  public var since: CivilDate?
  public var layers: [LayerExpectation]
  public var origin: RuleOrigin
  /// Where the substance and jurisdiction names stand, to point at them when they are unknown.
  public var substanceOrigin: RuleOrigin
  public var jurisdictionOrigin: RuleOrigin
}

/// Everything read from a set of rule files, before it is checked across files and compiled.
public struct RuleSet: Sendable {
  public var substances: [Substance] = []
  public var jurisdictions: [Jurisdiction] = []
  public var cases: [ExpectationCase] = []
  /// The files read, by path, with their bytes' hash, for report provenance.
  public var files: [String] = []

  public init() {}
}
