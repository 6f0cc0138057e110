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

/// One dated change of the law in one jurisdiction, for one or more substances; or,
/// with `kind == .initial` and no date, the status before the first change.
public struct TimelineEntry: Sendable, Hashable {
  public var jurisdiction: String
  public var substances: [String]
  /// The day it takes effect; nil for an `initial` status.
  public var date: CivilDate?
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
}

public struct Jurisdiction: Sendable, Hashable {
  public var id: String
  public var name: String
  public var kind: JurisdictionKind
  public var parent: String?
  public var aliases: [String]
  public var note: String?
  /// The status of a substance before its first entry, by substance id.
  public var initial: [String: TimelineEntry]
  /// As written in the file.
  public var timeline: [TimelineEntry]
  public var origin: RuleOrigin
  public var parentOrigin: RuleOrigin?
}

/// One question of an expectation test file, with the answer it must get.
public struct ExpectationCase: Sendable, Hashable {
  public struct LayerExpectation: Sendable, Hashable {
    public var jurisdiction: String
    public var verdict: Verdict
    public var since: CivilDate?
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
