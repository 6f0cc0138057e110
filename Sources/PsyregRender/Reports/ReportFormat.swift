import PsyregCore

/// The formats a report can be written in, each with its renderer.
public enum ReportFormat: String, Sendable, CaseIterable {
  case markdown, html, json

  /// `md`, `html` or `json`, without the dot.
  public var fileExtension: String {
    switch self {
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    }
  }

  /// The renderer that writes this format.
  public var renderer: any ReportRenderer {
    switch self {
    case .markdown: MarkdownReportRenderer()
    case .html: HTMLReportRenderer()
    case .json: JSONReportRenderer()
    }
  }
}

/// Lays out a report model in one format (one renderer per format, like SwiftLint's reporters).
public protocol ReportRenderer: Sendable {
  /// One jurisdiction's report as a complete document.
  func render(_ report: JurisdictionReport) -> String
  /// The jurisdictions × substances matrix as a complete document.
  func render(_ matrix: MatrixReport) -> String
  /// The index page of `psyreg report --all`: a link to every report, and the matrix.
  func render(_ index: ReportIndex) -> String
}

/// What `psyreg report --all` wrote: one report file per jurisdiction, and the matrix.
public struct ReportIndex: Sendable, Hashable {
  /// One jurisdiction's report, as the index lists it.
  public struct Item: Sendable, Hashable {
    /// The jurisdiction reported on.
    public var jurisdiction: ReportLayer
    /// The names of the binding layers, nearest first.
    public var layers: [String]
    /// The names of the treaty and union layers beside.
    public var beside: [String]
    /// The report's file name, relative to the index.
    public var file: String
    /// How many substances the report has a section for.
    public var substances: Int

    /// The summary of one report the index needs, so that the report itself can be dropped
    /// once written (`report --all` keeps only these).
    public init(_ report: JurisdictionReport, format: ReportFormat) {
      jurisdiction = report.jurisdiction
      layers = report.layers.map(\.name)
      beside = report.beside.map(\.name)
      file = ReportIndex.fileName(report.jurisdiction.id, format)
      substances = report.substances.count
    }
  }

  /// The day the reports are for.
  public var date: CivilDate
  /// The rule files the reports were made from.
  public var ruleSet: RuleSetIdentity
  /// One per report, in the order written.
  public var items: [Item]
  /// The matrix shown on the index page.
  public var matrix: MatrixReport
  /// The data's coverage figures, shown on the index page when given.
  public var coverage: CoverageSummary?
  /// The matrices of the other activities, written beside the index as
  /// `matrix-<activity>.<extension>` and linked from it (`psyreg report --all`).
  public var otherMatrices: [MatrixReport] = []

  /// The file name of an activity's matrix beside the index.
  public static func matrixName(_ activity: Activity, _ format: ReportFormat) -> String {
    "matrix-\(activity.rawValue).\(format.fileExtension)"
  }

  /// An index from its parts.
  public init(date: CivilDate, ruleSet: RuleSetIdentity, items: [Item], matrix: MatrixReport) {
    self.date = date
    self.ruleSet = ruleSet
    self.items = items
    self.matrix = matrix
  }

  /// The index of the given reports, with file names `<id>.<extension>`.
  public init(
    reports: [JurisdictionReport], matrix: MatrixReport, format: ReportFormat, coverage: CoverageSummary? = nil
  ) {
    self.init(items: reports.map { Item($0, format: format) }, matrix: matrix, coverage: coverage)
  }

  /// The index of reports already written, from their summaries (`Item(report, format:)`).
  public init(items: [Item], matrix: MatrixReport, coverage: CoverageSummary? = nil) {
    self.init(date: matrix.date, ruleSet: matrix.ruleSet, items: items, matrix: matrix)
    self.coverage = coverage
  }

  /// A jurisdiction's report file name: `<id>.<extension>` (`us-or.html`).
  public static func fileName(_ jurisdiction: String, _ format: ReportFormat) -> String {
    "\(jurisdiction).\(format.fileExtension)"
  }

  /// The index file name: `index.<extension>`.
  public static func indexName(_ format: ReportFormat) -> String { "index.\(format.fileExtension)" }

  /// The file a jurisdiction's report is in, if the index has it.
  func file(for jurisdiction: String) -> String? {
    items.first { $0.jurisdiction.id == jurisdiction }?.file
  }
}

/// Words shared by the renderers.
package enum ReportWords {
  /// "possession 91.2% (2,771 of 3,040)": the coverage figures in words, one per activity.
  static func coverageLines(_ c: CoverageSummary) -> [String] {
    c.verdicts.map { "\($0.activity.rawValue): \(percent($0.fraction)) (\($0.known) of \($0.pairs))" }
  }

  /// The share of rules citing a primary source, in words.
  static func sourceLine(_ c: CoverageSummary) -> String {
    let t = c.sources
    return "Rules citing a primary source: \(percent(t.primaryFraction)) (\(t.primary) of \(t.rules))"
  }

  /// 0.9123 → "91.2%".
  static func percent(_ fraction: Double) -> String {
    let tenths = Int((fraction * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }

  static func layerChain(_ layers: [ReportLayer]) -> String {
    layers.map { "\($0.name) (\($0.id))" }.joined(separator: " → ")
  }

  /// "2 January 2023".
  static func longDate(_ d: CivilDate) -> String {
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    return "\(d.day) \(months[d.month - 1]) \(d.year)"
  }

  /// "Possession: the verdict in each jurisdiction for each substance on 2024-06-01".
  static func matrixTitle(_ m: MatrixReport) -> String {
    "\(activityName(m.activity)): the verdict in each jurisdiction for each substance on \(m.date)"
  }

  static func activityName(_ a: Activity) -> String {
    switch a {
    case .possession: "Possession"
    case .supply: "Supply"
    case .medical: "Medical use"
    case .research: "Research"
    case .supervisedUse: "Supervised use"
    case .religious: "Religious use"
    }
  }

  static func phrase(_ l: JurisdictionReport.LayerVerdict) -> String {
    switch l.verdict {
    case .allowed: "lawful"
    case .conditional: "lawful on conditions"
    case .decriminalized: "decriminalised (unlawful, not a crime)"
    case .prohibited: "prohibited"
    case .unknown: l.title == nil ? "not recorded" : "of unknown status"
    }
  }

  static func under(_ l: JurisdictionReport.LayerVerdict) -> String {
    var out = "\(phrase(l)) under \(l.layer.name) law"
    if let since = l.since, l.verdict != .unknown { out += " since \(longDate(since))" }
    return out
  }

  /// One sentence per activity, the place's own law first and the binding law above it after:
  /// "Supervised use: lawful on conditions under Oregon law since 2 January 2023, and remains
  /// prohibited under United States law."
  static func sentence(_ a: JurisdictionReport.ActivityStatus) -> String {
    let name = activityName(a.activity)
    guard let own = a.layers.first else { return "\(name): \(a.verdict.rawValue)." }
    var out = "\(name): \(under(own))"
    let above = Array(a.layers.dropFirst())
    // The layer above that governs when they conflict, else the nearest one above.
    if let other = above.first(where: { a.conflict && $0.verdict == a.verdict }) ?? above.first {
      if other.verdict == own.verdict {
        out += ", as under \(other.layer.name) law"
      } else if a.conflict {
        out += ", and remains \(phrase(other)) under \(other.layer.name) law, which governs"
      } else {
        out += "; \(under(other))"
      }
    }
    return out + "."
  }

  static let conflictMark = "≠"
  static let uncertainMark = "?"
  static let legend =
    "≠ the layers disagree (the strictest binding layer governs); ? the verdict rests on a rule whose confidence is not high."
  static let besideNote = "binds states, not people; shown beside, never folded into a verdict"

  static func ruleSet(_ identity: RuleSetIdentity) -> String {
    "sha256:\(identity.sha256) (\(ruleFiles(identity.fileCount)))"
  }

  /// "1 rule file", "163 rule files".
  package static func ruleFiles(_ count: Int) -> String { count == 1 ? "1 rule file" : "\(count) rule files" }

  /// What an italic (inherited) matrix cell means.
  static let inheritedCell =
    "no rule of the jurisdiction's own: the verdict comes from a layer above it, or, when unknown, from none"

  static func event(_ e: JurisdictionReport.Event) -> String {
    var text = "\(e.dateText) · \(e.layer.name) (\(e.layer.id)) · \(e.kind.rawValue) — \(e.title)"
    if !e.changes.isEmpty { text += " · " + e.changes.joined(separator: "; ") }
    if e.confidence != .high { text += " · confidence: \(e.confidence.rawValue)" }
    return text
  }
}
