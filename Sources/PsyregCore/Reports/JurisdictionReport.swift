/// Everything a jurisdiction report says, computed once from the rule book; the renderers
/// (Markdown, HTML, JSON) only lay it out.
public struct JurisdictionReport: Sendable, Hashable {
  /// The jurisdiction the report is about.
  public var jurisdiction: ReportLayer
  /// The binding layers, nearest the person first (Oregon, then United States).
  public var layers: [ReportLayer]
  /// Treaty and union layers, shown beside and never folded into a verdict.
  public var beside: [ReportLayer]
  /// The day the statuses are given for; the timeline runs up to it.
  public var date: CivilDate
  /// The activity whose verdict colours the timeline bands.
  public var bandActivity: Activity
  /// The rule files the report was made from.
  public var ruleSet: RuleSetIdentity
  /// The substances any layer has data for, by id.
  public var substances: [SubstanceSection]
  /// Every source cited, numbered from 1 in order of first citation.
  public var sources: [ReportSource]

  /// One activity of one substance on the report's date.
  public struct ActivityStatus: Sendable, Hashable {
    /// The activity.
    public var activity: Activity
    /// The combined verdict of the binding layers.
    public var verdict: Verdict
    /// Whether known binding layers disagree.
    public var conflict: Bool
    /// "lawful on conditions under Oregon law; still prohibited under United States law".
    public var conflictText: String?
    /// Some binding layer rests on an entry whose confidence is not high.
    public var uncertain: Bool
    /// The conditions of a lawful or decriminalized answer; empty otherwise.
    public var conditions: [String]
    /// Each binding layer's verdict, nearest the person first.
    public var layers: [LayerVerdict]
    /// Each treaty or union layer's verdict, for information.
    public var beside: [LayerVerdict]

    /// The verdict with its conflict and uncertainty marks, for tables.
    public var cell: VerdictCell {
      VerdictCell(verdict: verdict, conflict: conflict, uncertain: uncertain)
    }
  }

  /// What one layer says for one activity.
  public struct LayerVerdict: Sendable, Hashable {
    /// The layer.
    public var layer: ReportLayer
    /// The layer's verdict.
    public var verdict: Verdict
    /// The texts of the layer's conditions.
    public var conditions: [String]
    /// The layer's status label for this activity; nil when it has none.
    public var status: String?
    /// The day the layer's answer took its present value; nil for an initial status or no rule.
    public var since: CivilDate?
    /// The governing rule's confidence (no higher than an adoption it comes through); nil without a rule.
    public var confidence: Confidence?
    /// The governing rule's title; nil when no rule covers it.
    public var title: String?
    /// The governing rule's legal instrument; nil when no rule covers it.
    public var instrument: String?
    /// Numbers into the report's `sources`.
    public var sources: [Int]
    /// The substance the rule is written for, when it is what this one is an isomer or salt of.
    public var inheritedFrom: String?
    /// Where the governing rule is written; nil when no rule covers it.
    public var rule: RuleOrigin?
  }

  /// An entry's kind, or `initial` for an initial status.
  public struct EventKind: RawRepresentable, Sendable, Hashable {
    /// An `EntryKind` raw value, or `initial`.
    public var rawValue: String
    /// A kind by its spelling.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The kind of a dated entry.
    public init(_ kind: EntryKind) { rawValue = kind.rawValue }
    /// The kind of an initial status.
    public static let initial = EventKind(rawValue: "initial")
    /// A schedule an answer is read from (only among the uncertainties).
    public static let schedule = EventKind(rawValue: "schedule")
    /// An adoption of another layer's schedules (only among the uncertainties).
    public static let adoption = EventKind(rawValue: "adoption")
  }

  /// One row of a substance's timeline: a dated entry, or (date nil) an initial status.
  public struct Event: Sendable, Hashable {
    /// The day it takes effect; nil for an initial status.
    public var date: CivilDate?
    /// The day it was published, passed or announced, when given.
    public var announced: CivilDate?
    /// The layer it is written in.
    public var layer: ReportLayer
    /// The entry's kind, or `initial`.
    public var kind: EventKind
    /// The entry's title, or "Initial status: LABEL".
    public var title: String
    /// The status label it sets; nil for an entry that sets none.
    public var status: String?
    /// "possession: allowed → prohibited", prefixed with the substance when the entry is for
    /// what this one inherits from.
    public var changes: [String]
    /// The legal instrument.
    public var instrument: String
    /// Numbers into the report's `sources`.
    public var sources: [Int]
    /// How firmly its sources establish it.
    public var confidence: Confidence
    /// The entry's or status's note.
    public var note: String?
    /// Where it is written.
    public var rule: RuleOrigin

    /// "1985-07-01", or "initial" for the status before the first entry.
    public var dateText: String { date?.description ?? (kind == .schedule ? "schedule" : "initial") }
  }

  /// An entry (or initial status) whose confidence is not high.
  public struct Uncertainty: Sendable, Hashable {
    /// The entry or initial status, as in the timeline.
    public var event: Event
    /// The activities whose verdict it governs on the report's date, in some layer.
    public var governs: [Activity]
  }

  /// A stretch of time with one (combined, binding) verdict for the band activity.
  public struct BandSegment: Sendable, Hashable {
    /// Its first day.
    public var from: CivilDate
    /// The next segment's first day, or the report date for the last one.
    public var to: CivilDate
    /// The combined verdict of the binding layers.
    public var verdict: Verdict
    /// Whether known binding layers disagree.
    public var conflict: Bool
  }

  /// The band activity's combined verdict over time, from the first dated entry to the report date.
  public struct Band: Sendable, Hashable {
    /// The activity whose verdict it shows.
    public var activity: Activity
    /// The day of the first dated entry.
    public var start: CivilDate
    /// The report date.
    public var end: CivilDate
    /// Consecutive stretches; each differs from the one before in verdict or conflict.
    public var segments: [BandSegment]
    /// The same span, one band per binding layer, nearest first: the place's own law, then the
    /// law above it (Oregon, then the United States), each layer's verdict on its own.
    public var layerBands: [LayerBand] = []
  }

  /// One binding layer's own verdict over the band's span.
  public struct LayerBand: Sendable, Hashable {
    /// The layer.
    public var layer: ReportLayer
    /// Consecutive stretches of one verdict of this layer (`conflict` is always false).
    public var segments: [BandSegment]
  }

  /// Everything the report says about one substance.
  public struct SubstanceSection: Sendable, Hashable {
    /// The substance id.
    public var id: String
    /// The display name.
    public var name: String
    /// Compound, plant, fungus or product.
    public var kind: SubstanceKind
    /// Other names of the substance.
    public var aliases: [String]
    /// What the substance's rules may be inherited from (isomer_of, salt_of).
    public var inheritsFrom: String?
    /// The status label per layer on the report's date (binding layers, then beside).
    public var statusLabels: [StatusLabel]
    /// Every activity on the report's date, in the vocabulary's order.
    public var activities: [ActivityStatus]
    /// Designations, approvals, rejections, trial approvals, exemptions and recommendations.
    public var designations: [Event]
    /// Initial statuses, then the dated entries on or before the report date, oldest first.
    public var timeline: [Event]
    /// Entries announced on or before the report date that take effect after it.
    public var upcoming: [Event]
    /// The timeline's events whose confidence is not high, each once.
    public var uncertainties: [Uncertainty]
    /// nil when no dated entry is on or before the report date.
    public var band: Band?
  }

  /// The status label a layer gives the substance on the report's date ("CSA Schedule I").
  public struct StatusLabel: Sendable, Hashable {
    /// The layer.
    public var layer: ReportLayer
    /// The label of the first activity, in vocabulary order, whose answer here has one; nil when none has.
    public var status: String?
  }

  /// The line every report carries.
  public static let disclaimer = disclaimerLead + " " + disclaimerBody
  /// The disclaimer's first sentence, which renderers set in bold.
  public static let disclaimerLead = "This report is not legal advice."
  /// The rest of the disclaimer.
  public static let disclaimerBody =
    "It is generated from the psyreg rule files, which may be incomplete, out of date or wrong; "
    + "check the numbered sources and ask a qualified lawyer before acting on it."

  /// Entry kinds listed under "designations and approvals".
  public static let designationKinds: Set<EntryKind> = [
    .designation, .approval, .rejection, .trialApproved, .exemption, .recommendation,
  ]
}

/// A jurisdiction named in a report.
public struct ReportLayer: Sendable, Hashable {
  /// The jurisdiction id.
  public var id: String
  /// The display name.
  public var name: String
  /// Its level (national, state, …).
  public var kind: JurisdictionKind
  /// False for treaty and union layers shown beside.
  public var binding: Bool

  /// A jurisdiction as a report names it; `binding` is false for a treaty or union layer shown beside.
  public init(_ jurisdiction: Jurisdiction, binding: Bool) {
    id = jurisdiction.id
    name = jurisdiction.name
    kind = jurisdiction.kind
    self.binding = binding
  }
}

/// A source cited in a report, with its number.
public struct ReportSource: Sendable, Hashable {
  /// From 1, in order of first citation.
  public var number: Int
  /// The source's URL.
  public var url: String
}

/// A verdict as a table cell shows it, with its marks.
public struct VerdictCell: Sendable, Hashable {
  /// The combined verdict.
  public var verdict: Verdict
  /// Whether known binding layers disagree (marked ≠).
  public var conflict: Bool
  /// Whether a binding layer's governing rule is not of high confidence (marked ?).
  public var uncertain: Bool

  /// A cell from a verdict and its two marks.
  public init(verdict: Verdict, conflict: Bool, uncertain: Bool) {
    self.verdict = verdict
    self.conflict = conflict
    self.uncertain = uncertain
  }

  /// "prohibited ≠?" : ≠ layers conflict, ? confidence not high.
  public var plain: String { verdict.rawValue + marks }

  /// " ≠?", " ≠", " ?" (a space, then the marks), or "" when there are none.
  public var marks: String {
    var out = ""
    if conflict || uncertain { out += " " }
    if conflict { out += "≠" }
    if uncertain { out += "?" }
    return out
  }
}

/// Numbers sources in order of first citation.
struct SourceNumbering {
  private(set) var list: [ReportSource] = []
  private var numbers: [String: Int] = [:]

  mutating func cite(_ urls: [String]) -> [Int] {
    urls.map { url in
      if let number = numbers[url] { return number }
      let number = list.count + 1
      numbers[url] = number
      list.append(ReportSource(number: number, url: url))
      return number
    }
  }
}

extension JurisdictionReport {
  /// Builds the report of one jurisdiction on a date.
  public init(
    book: RuleBook, jurisdiction id: String, date: CivilDate, bandActivity: Activity = .possession,
    ruleSet: RuleSetIdentity
  ) {
    let jurisdiction = book.jurisdictions[id]!
    let chain = book.layers(of: id)
    func layer(_ j: Jurisdiction) -> ReportLayer {
      ReportLayer(j, binding: j.kind.bindsPeople || j.id == id)
    }
    self.jurisdiction = layer(jurisdiction)
    layers = chain.map(layer).filter(\.binding)
    beside = chain.map(layer).filter { !$0.binding }
    self.date = date
    self.bandActivity = bandActivity
    self.ruleSet = ruleSet

    var numbering = SourceNumbering()
    var sections: [SubstanceSection] = []
    for substance in book.sortedSubstances
    where chain.contains(where: { book.hasData(substance: substance.id, jurisdiction: $0.id) }) {
      sections.append(
        Self.section(
          book: book, substance: substance, chain: chain, layer: layer, date: date,
          bandActivity: bandActivity, numbering: &numbering))
    }
    substances = sections
    sources = numbering.list
  }

  static func section(
    book: RuleBook, substance: Substance, chain: [Jurisdiction],
    layer: (Jurisdiction) -> ReportLayer,
    date: CivilDate, bandActivity: Activity, numbering: inout SourceNumbering
  ) -> SubstanceSection {
    let jurisdictionID = chain[0].id
    func ask(_ activity: Activity, _ day: CivilDate) -> Answer {
      book.answer(
        Question(
          substance: substance.id, jurisdiction: jurisdictionID, activity: activity, date: day))
    }

    // Status on the date, per activity and layer.
    var governs: [RuleOrigin: [Activity]] = [:]
    // Doubtful schedules and adoptions an answer on the date is read through (its own entry may be
    // certain): they make the answer uncertain, so the report lists them too.
    var doubtfulThrough: [Event] = []
    var activities: [ActivityStatus] = []
    var labels: [String: String] = [:]
    for activity in Activity.allCases {
      let answer = ask(activity, date)
      // Records that a rule governs this activity; a doubtful schedule or adoption seen for the
      // first time also becomes an event of its own.
      func govern(_ origin: RuleOrigin, doubtful event: () -> Event? = { nil }) {
        if governs[origin] == nil, let event = event() { doubtfulThrough.append(event) }
        if !(governs[origin]?.contains(activity) ?? false) { governs[origin, default: []].append(activity) }
      }
      func verdict(_ l: LayerAnswer) -> LayerVerdict {
        if let entry = l.governing { govern(entry.origin) }
        if let schedule = l.schedule, schedule.confidence != .high {
          govern(schedule.origin) {
            book.jurisdictions[schedule.jurisdiction].map { owner in
              Event(
                date: nil, announced: nil, layer: layer(owner), kind: .schedule, title: "Schedule: \(schedule.label)",
                status: schedule.label, changes: [], instrument: schedule.instrument,
                sources: numbering.cite(schedule.sources), confidence: schedule.confidence, note: schedule.note,
                rule: schedule.origin)
            }
          }
        }
        if let adoption = l.adoption, adoption.confidence != .high {
          govern(adoption.origin) {
            Event(
              date: adoption.from, announced: nil, layer: layer(l.jurisdiction), kind: .adoption,
              title: "Follows the schedules of \(book.jurisdictions[adoption.layer]?.name ?? adoption.layer)",
              status: nil, changes: [], instrument: adoption.instrument, sources: numbering.cite(adoption.sources),
              confidence: adoption.confidence, note: adoption.note, rule: adoption.origin)
          }
        }
        if labels[l.jurisdiction.id] == nil, let status = l.status {
          labels[l.jurisdiction.id] = status
        }
        return LayerVerdict(
          layer: layer(l.jurisdiction), verdict: l.verdict, conditions: l.conditions.map(\.text),
          status: l.status,
          since: l.since, confidence: l.confidence, title: l.governing?.title,
          instrument: l.governing?.instrument,
          sources: numbering.cite(l.governing?.sources ?? []), inheritedFrom: l.inheritedFrom,
          rule: l.governing?.origin)
      }
      // Each layer's answer is made once and every summary read from it.
      let layers = answer.layers
      let binding = layers.map(verdict)
      let beside = answer.beside.map(verdict)
      activities.append(
        ActivityStatus(
          activity: activity, verdict: answer.verdict, conflict: answer.conflict,
          conflictText: answer.conflictSentence(layers), uncertain: Answer.isUncertain(layers),
          conditions: answer.conditions(layers).map(\.text), layers: binding, beside: beside))
    }

    // Timeline: initial statuses, then the entries on or before the date.
    let lineage = book.lineage(of: substance.id)
    func event(_ entry: TimelineEntry, _ j: Jurisdiction, changes: [TimelineItem.Change]) -> Event {
      Event(
        date: entry.date, announced: entry.announced, layer: layer(j), kind: EventKind(entry.kind),
        title: entry.title,
        status: entry.status,
        changes: changes.map { c in
          (c.substance == substance.id ? "" : "(\(c.substance)) ")
            + "\(c.activity.rawValue): \(c.before.rawValue) → \(c.after.rawValue)"
        },
        instrument: entry.instrument, sources: numbering.cite(entry.sources),
        confidence: entry.confidence,
        note: entry.note, rule: entry.origin)
    }
    func initialEvent(_ status: InitialStatus, _ j: Jurisdiction) -> Event {
      Event(
        date: nil, announced: nil, layer: layer(j), kind: .initial, title: "Initial status: \(status.status)",
        status: status.status, changes: [], instrument: status.instrument, sources: numbering.cite(status.sources),
        confidence: status.confidence, note: status.note, rule: status.origin)
    }
    var timeline: [Event] = []
    for j in chain {
      if let id = lineage.first(where: { j.initial[$0] != nil }), let status = j.initial[id] {
        timeline.append(initialEvent(status, j))
      }
    }
    let items = book.timeline(TimelineQuery(substance: substance.id, jurisdiction: jurisdictionID))
    var upcoming: [Event] = []
    var dated: [Event] = []
    for item in items {
      if item.entry.date <= date {
        dated.append(event(item.entry, item.jurisdiction, changes: item.changes))
      } else if let announced = item.entry.announced, announced <= date {
        upcoming.append(event(item.entry, item.jurisdiction, changes: item.changes))
      }
    }
    timeline += dated

    var uncertainties: [Uncertainty] = []
    var seen: Set<RuleOrigin> = []
    for e in timeline + doubtfulThrough where e.confidence != .high && seen.insert(e.rule).inserted {
      uncertainties.append(Uncertainty(event: e, governs: governs[e.rule] ?? []))
    }

    // The band: the combined binding verdict for one activity, from the first entry to the date.
    var band: Band?
    if let start = dated.first?.date {
      var segments: [BandSegment] = []
      var perLayer: [String: [BandSegment]] = [:]
      var layerOrder: [ReportLayer] = []
      func extend(_ list: inout [BandSegment], _ point: CivilDate, _ verdict: Verdict, _ conflict: Bool) {
        if let last = list.last, last.verdict == verdict, last.conflict == conflict { return }
        if !list.isEmpty { list[list.count - 1].to = point }
        list.append(BandSegment(from: point, to: date, verdict: verdict, conflict: conflict))
      }
      var points = [start]
      for e in dated { if let d = e.date, d > start, d != points.last { points.append(d) } }
      // Verdicts only (no explanation is drawn): read straight from the compiled index.
      let index = book.compiled
      let substanceRef = index.substanceIndex[substance.id]!
      let jurisdictionRef = index.jurisdictionIndex[jurisdictionID]!
      let bindingLayers =
        (Int(index.chainStart[Int(jurisdictionRef)])..<Int(index.chainStart[Int(jurisdictionRef) + 1]))
        .filter { index.chainBinding[$0] }.map { index.jurisdictions[Int(index.chainLayers[$0])] }
      layerOrder = bindingLayers.map(layer)
      var verdicts: [Verdict] = []
      for point in points {
        let (verdict, conflict) = index.bindingVerdicts(
          substance: substanceRef, jurisdiction: jurisdictionRef, activity: bandActivity, day: QuestionIndex.day(point),
          layers: &verdicts)
        extend(&segments, point, verdict, conflict)
        for (j, layerVerdict) in zip(bindingLayers, verdicts) {
          extend(&perLayer[j.id, default: []], point, layerVerdict, false)
        }
      }
      band = Band(
        activity: bandActivity, start: start, end: date, segments: segments,
        layerBands: layerOrder.map { LayerBand(layer: $0, segments: perLayer[$0.id] ?? []) })
    }

    let allLayers = activities.first.map { $0.layers + $0.beside } ?? []
    return SubstanceSection(
      id: substance.id, name: substance.name, kind: substance.kind, aliases: substance.aliases,
      inheritsFrom: substance.inheritsFrom,
      statusLabels: allLayers.map { StatusLabel(layer: $0.layer, status: labels[$0.layer.id]) },
      activities: activities,
      designations: dated.filter { designationKinds.map(EventKind.init).contains($0.kind) },
      timeline: timeline, upcoming: upcoming, uncertainties: uncertainties, band: band)
  }
}
