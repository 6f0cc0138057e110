/// Where a rule was written: file, line and column, for citations and diagnostics.
public typealias RuleOrigin = SourcePosition

/// A substance rules are written for, as read from its file under `Rules/substances/`.
public struct Substance: Sendable, Hashable {
  /// Lower-case kebab id (`mdma`, `esketamine`), unique across the rule set.
  public var id: String
  /// The display name ("Esketamine").
  public var name: String
  /// Compound, plant, fungus or product.
  public var kind: SubstanceKind
  /// Other names people may type ("ecstasy", "Spravato"), resolved like the id and name.
  public var aliases: [String]
  /// `dea_code`, `cas`, `unii`, `pubchem`.
  public var identifiers: [String: String]
  /// The id of the substance this is an isomer of; rules for it reach this one unless this one has its own.
  public var isomerOf: String?
  /// The id of the substance this is a salt of; followed like `isomerOf` when that is nil.
  public var saltOf: String?
  /// Ids of its constituents (psilocybin mushrooms contain psilocybin); informative only: rules are
  /// not inherited through it.
  public var contains: [String]
  /// A sentence or two on what it is.
  public var description: String?
  /// URLs that back its identifiers; may be empty.
  public var sources: [String]
  /// Free text for maintainers and readers.
  public var note: String?
  /// Where its `id` is written.
  public var origin: RuleOrigin
  /// Where each related id (isomer_of, salt_of, contains) is written, for diagnostics.
  public var referenceOrigins: [String: RuleOrigin] = [:]
  /// Where each alias is written, in the order of `aliases` (empty when built in code).
  public var aliasOrigins: [RuleOrigin] = []

  /// What a rule for this substance may be inherited from (isomer_of, then salt_of).
  public var inheritsFrom: String? { isomerOf ?? saltOf }
}

/// A checkable or textual condition on a verdict.
public struct Condition: Sendable, Hashable {
  /// The condition as shown to people; every condition has one, checkable or not.
  public var text: String
  /// The least age, in years, the person must have; nil when age is not a requirement.
  public var minAge: Int?
  /// Indication tokens (`ptsd`), one of which must be the person's; empty when not a requirement.
  public var indications: [String]
  /// Prescriber tokens (`psychiatrist`), one of which must be the person's; empty when not a requirement.
  public var prescribers: [String]

  /// A condition; with only `text` it is a plain, uncheckable one.
  public init(text: String, minAge: Int? = nil, indications: [String] = [], prescribers: [String] = []) {
    self.text = text
    self.minAge = minAge
    self.indications = indications
    self.prescribers = prescribers
  }

  /// Whether facts can decide it: it sets an age, indication or prescriber requirement.
  public var isCheckable: Bool { minAge != nil || !indications.isEmpty || !prescribers.isEmpty }
}

/// A verdict with the conditions under which it holds.
public struct Ruling: Sendable, Hashable {
  /// What the law says.
  public var verdict: Verdict
  /// What must hold for the verdict; a `conditional` ruling without any is a validation error.
  public var conditions: [Condition]
  /// Why the verdict is what it is, when the file says.
  public var note: String?

  /// A ruling; a bare verdict when `conditions` is empty.
  public init(verdict: Verdict, conditions: [Condition] = [], note: String? = nil) {
    self.verdict = verdict
    self.conditions = conditions
    self.note = note
  }
}

/// The verdicts an entry sets, by activity, with an optional default for the rest.
public struct VerdictTable: Sendable, Hashable {
  /// The rulings written for named activities.
  public var byActivity: [Activity: Ruling]
  /// The `default` ruling, for every activity `byActivity` does not name; nil when there is none.
  public var fallback: Ruling?

  /// A table; empty by default, setting no verdict.
  public init(byActivity: [Activity: Ruling] = [:], fallback: Ruling? = nil) {
    self.byActivity = byActivity
    self.fallback = fallback
  }

  /// Whether it sets no verdict for any activity.
  public var isEmpty: Bool { byActivity.isEmpty && fallback == nil }

  /// The ruling this table sets for an activity, if it sets one.
  public func ruling(for activity: Activity) -> Ruling? { byActivity[activity] ?? fallback }
}

/// One dated change of the law in one jurisdiction: for the substances it names, or, as a
/// class-wide change, for every substance listed in the schedules it targets.
public struct TimelineEntry: Sendable, Hashable {
  /// The id of the jurisdiction whose file it is written in.
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
  /// The day it was published, passed or announced, when given; informative only.
  public var announced: CivilDate?
  /// What kind of change it is.
  public var kind: EntryKind
  /// A one-line headline ("Oregon Psilocybin Services begins licensing").
  public var title: String
  /// The legal instrument that makes the change ("50 FR 23118", "Measure 109").
  public var instrument: String
  /// The http(s) URLs that back it.
  public var sources: [String]
  /// How firmly the sources establish it.
  public var confidence: Confidence
  /// The status label in force from this date ("CSA Schedule I"); nil when the entry sets none
  /// (a listing then takes its schedule's label).
  public var status: String?
  /// The verdicts it sets, by activity; empty for an entry that sets none (a designation). On a
  /// listing they override the schedule's for those activities only.
  public var verdicts: VerdictTable
  /// Free text; says why a verdict is what it is when that is not obvious.
  public var note: String?
  /// Where the entry starts in its file.
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
  /// The id of the jurisdiction whose file it is written in.
  public var jurisdiction: String
  /// The substance it is written for; nil for the `unlisted` baseline.
  public var substance: String?
  /// The status label ("Not controlled", "Not under international control").
  public var status: String
  /// The legal instrument (or the absence of one) the status rests on.
  public var instrument: String
  /// The http(s) URLs that back it.
  public var sources: [String]
  /// How firmly the sources establish it.
  public var confidence: Confidence
  /// The verdicts it sets; may be empty for an `initial` status (it then answers no activity),
  /// never for the `unlisted` baseline.
  public var verdicts: VerdictTable
  /// Free text for maintainers and readers.
  public var note: String?
  /// Where it is written: the substance's key under `initial`, or the `unlisted` key.
  public var origin: RuleOrigin
}

/// A schedule class of a jurisdiction's law (CSA Schedule I, Poisons Standard Schedule 9):
/// what being listed there means, per activity.
public struct Schedule: Sendable, Hashable {
  /// Lower-case kebab id (`csa-i`), unique in its layer; listings and class-wide entries name it.
  public var id: String
  /// The id of the jurisdiction that declares it.
  public var jurisdiction: String
  /// The status label of every substance listed in it ("CSA Schedule I").
  public var label: String
  /// The provision that defines it ("21 U.S.C. 812(b)(1), (c) Schedule I").
  public var instrument: String
  /// The http(s) URLs that back it.
  public var sources: [String]
  /// How firmly the sources establish it.
  public var confidence: Confidence
  /// What being listed means, per activity; one for every activity (a `default` or all six), or
  /// the file is in error.
  public var verdicts: VerdictTable
  /// Free text for maintainers and readers.
  public var note: String?
  /// Where its id is written under `schedules`.
  public var origin: RuleOrigin
}

/// A layer's statement that its law follows another layer's schedules from a date.
public struct Adoption: Sendable, Hashable {
  /// The adopted layer.
  public var layer: String
  /// The day the adoption takes effect; before it the layer does not follow `layer`.
  public var from: CivilDate
  /// The statute that adopts ("Tex. Health & Safety Code 481.034").
  public var instrument: String
  /// The http(s) URLs that back it.
  public var sources: [String]
  /// How firmly the sources establish it; answers that come through it are no surer than this.
  public var confidence: Confidence
  /// Free text for maintainers and readers.
  public var note: String?
  /// Where the adoption starts in the `adopts` list.
  public var origin: RuleOrigin
  /// Where the adopted layer's id is written.
  public var layerOrigin: RuleOrigin
}

/// One layer of law, as read from its file under `Rules/jurisdictions/`: who it is, the layer
/// above it, its schedules and adoptions, and the dated history of every substance there.
public struct Jurisdiction: Sendable, Hashable {
  /// ISO 3166 (`us`), ISO 3166-2 (`us-or`), a city suffix (`us-co-denver`), or `un` / `eu`.
  public var id: String
  /// The display name ("Oregon").
  public var name: String
  /// Its level; treaty and union layers bind states, not people.
  public var kind: JurisdictionKind
  /// The id of the layer above whose law also binds people here (`us-or` → `us`); nil at the top.
  public var parent: String?
  /// Other names people may type ("OR", "State of Oregon").
  public var aliases: [String]
  /// Free text for maintainers and readers.
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
  /// Where its `id` is written.
  public var origin: RuleOrigin
  /// Where `parent` is written; nil when there is none.
  public var parentOrigin: RuleOrigin?
  /// Where each alias is written, in the order of `aliases` (empty when built in code).
  public var aliasOrigins: [RuleOrigin] = []

  /// A schedule of this layer by id.
  public func schedule(_ id: String) -> Schedule? { schedules.first { $0.id == id } }
}

/// One question of an expectation test file, with the answer it must get.
public struct ExpectationCase: Sendable, Hashable {
  /// What one layer of the answer must say.
  public struct LayerExpectation: Sendable, Hashable {
    /// The layer's id.
    public var jurisdiction: String
    /// The layer's expected verdict, after the case's facts are applied.
    public var verdict: Verdict
    /// The day the layer's answer must have taken effect; nil when not checked.
    public var since: CivilDate?
    /// Where the layer's answer must come from, when the case says.
    public var answerOrigin: AnswerOrigin?
    /// Where the layer's id is written.
    public var origin: RuleOrigin
  }

  /// Names the case in test output.
  public var name: String
  /// The substance as written: an id, name or alias.
  public var substance: String
  /// The jurisdiction as written: an id, name or alias.
  public var jurisdiction: String
  /// The activity asked about.
  public var activity: Activity
  /// The day asked about (`on` in the file).
  public var date: CivilDate
  /// Facts by name, unparsed, as `--fact name=value` takes them; a bad one fails the case.
  public var facts: [String: String]
  /// The verdict the answer must have.
  public var verdict: Verdict
  /// Whether the answer must report a conflict; nil when not checked.
  public var conflict: Bool?
  /// The day the governing layer's rule must have taken effect; nil when not checked.
  public var since: CivilDate?
  /// Expectations for single layers, in file order.
  public var layers: [LayerExpectation]
  /// Where the case starts in its file.
  public var origin: RuleOrigin
  /// Where the substance name is written, to point at it when it is unknown.
  public var substanceOrigin: RuleOrigin
  /// Where the jurisdiction name is written, to point at it when it is unknown.
  public var jurisdictionOrigin: RuleOrigin
}

/// Everything read from a set of rule files, before it is checked across files and compiled.
public struct RuleSet: Sendable {
  /// Substances in load order, duplicates included (a check reports them; `RuleBook` keeps the first).
  public var substances: [Substance] = []
  /// Jurisdictions in load order, duplicates included (a check reports them; `RuleBook` keeps the first).
  public var jurisdictions: [Jurisdiction] = []
  /// Expectation cases from the test files, in load order.
  public var cases: [ExpectationCase] = []
  /// The paths of the rule files read, in load order (report provenance hashes these files).
  public var files: [String] = []

  /// An empty rule set.
  public init() {}
}
