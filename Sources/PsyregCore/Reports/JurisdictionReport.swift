/// Everything a jurisdiction report says, computed once from the rule book; the renderers
/// (Markdown, HTML, JSON) only lay it out.
public struct JurisdictionReport: Sendable, Hashable {
  public var jurisdiction: ReportLayer
  /// The binding layers, nearest the person first (Oregon, then United States).
  public var layers: [ReportLayer]
  /// Treaty and union layers, shown beside and never folded into a verdict.
  public var beside: [ReportLayer]
  public var date: CivilDate
  /// The activity whose verdict colours the timeline bands.
  public var bandActivity: Activity
  public var ruleSet: RuleSetIdentity
  /// The substances any layer has data for, by id.
  public var substances: [SubstanceSection]
  /// Every source cited, numbered from 1 in order of first citation.
  public var sources: [ReportSource]

  /// One activity of one substance on the report's date.
  public struct ActivityStatus: Sendable, Hashable {
    public var activity: Activity
    public var verdict: Verdict
    public var conflict: Bool
    /// "lawful on conditions under Oregon law; still prohibited under United States law".
    public var conflictText: String?
    /// Some binding layer rests on an entry whose confidence is not high.
    public var uncertain: Bool
    public var conditions: [String]
    public var layers: [LayerVerdict]
    public var beside: [LayerVerdict]

    public var cell: VerdictCell {
      VerdictCell(verdict: verdict, conflict: conflict, uncertain: uncertain)
    }
  }

  /// What one layer says for one activity.
  public struct LayerVerdict: Sendable, Hashable {
    public var layer: ReportLayer
    public var verdict: Verdict
    public var conditions: [String]
    public var status: String?
    /// nil for an initial status or when no rule covers it.
    public var since: CivilDate?
    public var confidence: Confidence?
    public var title: String?
    public var instrument: String?
    /// Source numbers.
    public var sources: [Int]
    /// The substance the rule is written for, when it is what this one is an isomer or salt of.
    public var inheritedFrom: String?
    public var rule: RuleOrigin?
  }

  /// One row of a substance's timeline: a dated entry, or (date nil) an initial status.
  /// An entry's kind, or `initial` for an initial status.
  public struct EventKind: RawRepresentable, Sendable, Hashable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ kind: EntryKind) { rawValue = kind.rawValue }
    public static let initial = EventKind(rawValue: "initial")
  }

  public struct Event: Sendable, Hashable {
    public var date: CivilDate?
    public var announced: CivilDate?
    public var layer: ReportLayer
    public var kind: EventKind
    public var title: String
    public var status: String?
    /// "possession: allowed → prohibited", prefixed with the substance when the entry is for
    /// what this one inherits from.
    public var changes: [String]
    public var instrument: String
    public var sources: [Int]
    public var confidence: Confidence
    public var note: String?
    public var rule: RuleOrigin

    /// "1985-07-01", or "initial" for the status before the first entry.
    public var dateText: String { date?.description ?? "initial" }
  }

  /// An entry (or initial status) whose confidence is not high.
  public struct Uncertainty: Sendable, Hashable {
    public var event: Event
    /// The activities whose verdict it governs on the report's date, in some layer.
    public var governs: [Activity]
  }

  /// A stretch of time with one (combined, binding) verdict for the band activity.
  public struct BandSegment: Sendable, Hashable {
    public var from: CivilDate
    /// The next segment's first day, or the report date for the last one.
    public var to: CivilDate
    public var verdict: Verdict
    public var conflict: Bool
  }

  public struct Band: Sendable, Hashable {
    public var activity: Activity
    public var start: CivilDate
    public var end: CivilDate
    public var segments: [BandSegment]
  }

  public struct SubstanceSection: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: SubstanceKind
    public var aliases: [String]
    /// What the substance's rules may be inherited from (isomer_of, salt_of).
    public var inheritsFrom: String?
    /// The status label per layer on the report's date (binding layers, then beside).
    public var statusLabels: [StatusLabel]
    public var activities: [ActivityStatus]
    /// Designations, approvals, rejections, trial approvals, exemptions and recommendations.
    public var designations: [Event]
    /// Initial statuses, then the dated entries on or before the report date, oldest first.
    public var timeline: [Event]
    /// Entries announced on or before the report date that take effect after it.
    public var upcoming: [Event]
    public var uncertainties: [Uncertainty]
    /// nil when no dated entry is on or before the report date.
    public var band: Band?
  }

  /// The status label a layer gives the substance on the report's date ("CSA Schedule I").
  public struct StatusLabel: Sendable, Hashable {
    public var layer: ReportLayer
    public var status: String?
  }

  /// The line every report carries.
  public static let disclaimer = disclaimerLead + " " + disclaimerBody
  public static let disclaimerLead = "This report is not legal advice."
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
  public var id: String
  public var name: String
  public var kind: JurisdictionKind
  /// False for treaty and union layers shown beside.
  public var binding: Bool

  public init(_ jurisdiction: Jurisdiction, binding: Bool) {
    id = jurisdiction.id
    name = jurisdiction.name
    kind = jurisdiction.kind
    self.binding = binding
  }
}

public struct ReportSource: Sendable, Hashable {
  public var number: Int
  public var url: String
}

/// A verdict as a table cell shows it, with its marks.
public struct VerdictCell: Sendable, Hashable {
  public var verdict: Verdict
  public var conflict: Bool
  public var uncertain: Bool

  public init(verdict: Verdict, conflict: Bool, uncertain: Bool) {
    self.verdict = verdict
    self.conflict = conflict
    self.uncertain = uncertain
  }

  /// "prohibited ≠?" : ≠ layers conflict, ? confidence not high.
  public var plain: String { verdict.rawValue + marks }

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
    var activities: [ActivityStatus] = []
    var labels: [String: String] = [:]
    for activity in Activity.allCases {
      let answer = ask(activity, date)
      func verdict(_ l: LayerAnswer) -> LayerVerdict {
        if let entry = l.governing, !(governs[entry.origin]?.contains(activity) ?? false) {
          governs[entry.origin, default: []].append(activity)
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
      let binding = answer.layers.map(verdict)
      let beside = answer.beside.map(verdict)
      activities.append(
        ActivityStatus(
          activity: activity, verdict: answer.verdict, conflict: answer.conflict,
          conflictText: answer.conflictSentence, uncertain: answer.isUncertain,
          conditions: answer.conditions.map(\.text), layers: binding, beside: beside))
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
    for e in timeline where e.confidence != .high && seen.insert(e.rule).inserted {
      uncertainties.append(Uncertainty(event: e, governs: governs[e.rule] ?? []))
    }

    // The band: the combined binding verdict for one activity, from the first entry to the date.
    var band: Band?
    if let start = dated.first?.date {
      var segments: [BandSegment] = []
      var points = [start]
      for e in dated { if let d = e.date, d > start, d != points.last { points.append(d) } }
      for point in points {
        let answer = ask(bandActivity, point)
        if let last = segments.last, last.verdict == answer.verdict,
          last.conflict == answer.conflict
        {
          continue
        }
        if !segments.isEmpty { segments[segments.count - 1].to = point }
        segments.append(
          BandSegment(from: point, to: date, verdict: answer.verdict, conflict: answer.conflict))
      }
      band = Band(activity: bandActivity, start: start, end: date, segments: segments)
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
