import PsyregCore

/// The formats a report can be written in, each with its renderer.
public enum ReportFormat: String, Sendable, CaseIterable {
  case markdown, html, json

  public var fileExtension: String {
    switch self {
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    }
  }

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
  func render(_ report: JurisdictionReport) -> String
  func render(_ matrix: MatrixReport) -> String
  /// The index page of `psyreg report --all`: a link to every report, and the matrix.
  func render(_ index: ReportIndex) -> String
}

/// What `psyreg report --all` wrote: one report file per jurisdiction, and the matrix.
public struct ReportIndex: Sendable, Hashable {
  public struct Item: Sendable, Hashable {
    public var jurisdiction: ReportLayer
    /// The binding layers, nearest first, then the treaty layers beside, by name.
    public var layers: [String]
    public var beside: [String]
    /// The report's file name, relative to the index.
    public var file: String
    public var substances: Int
  }

  public var date: CivilDate
  public var ruleSet: RuleSetIdentity
  public var items: [Item]
  public var matrix: MatrixReport

  public init(date: CivilDate, ruleSet: RuleSetIdentity, items: [Item], matrix: MatrixReport) {
    self.date = date
    self.ruleSet = ruleSet
    self.items = items
    self.matrix = matrix
  }

  /// The index of the given reports, with file names `<id>.<extension>`.
  public init(reports: [JurisdictionReport], matrix: MatrixReport, format: ReportFormat) {
    self.init(
      date: matrix.date, ruleSet: matrix.ruleSet,
      items: reports.map { r in
        Item(
          jurisdiction: r.jurisdiction, layers: r.layers.map(\.name), beside: r.beside.map(\.name),
          file: ReportIndex.fileName(r.jurisdiction.id, format), substances: r.substances.count)
      }, matrix: matrix)
  }

  public static func fileName(_ jurisdiction: String, _ format: ReportFormat) -> String {
    "\(jurisdiction).\(format.fileExtension)"
  }

  public static func indexName(_ format: ReportFormat) -> String { "index.\(format.fileExtension)" }

  /// The file a jurisdiction's report is in, if the index has it.
  func file(for jurisdiction: String) -> String? {
    items.first { $0.jurisdiction.id == jurisdiction }?.file
  }
}

/// Words shared by the renderers.
enum ReportWords {
  static func layerChain(_ layers: [ReportLayer]) -> String {
    layers.map { "\($0.name) (\($0.id))" }.joined(separator: " → ")
  }

  static let conflictMark = "≠"
  static let uncertainMark = "?"
  static let legend =
    "≠ the layers disagree (the strictest binding layer governs); ? the verdict rests on a rule whose confidence is not high."
  static let besideNote = "binds states, not people; shown beside, never folded into a verdict"

  static func ruleSet(_ identity: RuleSetIdentity) -> String {
    "sha256:\(identity.sha256) (\(identity.fileCount) rule file\(identity.fileCount == 1 ? "" : "s"))"
  }

  static func event(_ e: JurisdictionReport.Event) -> String {
    var text = "\(e.dateText) · \(e.layer.name) (\(e.layer.id)) · \(e.kind.rawValue) — \(e.title)"
    if !e.changes.isEmpty { text += " · " + e.changes.joined(separator: "; ") }
    if e.confidence != .high { text += " · confidence: \(e.confidence.rawValue)" }
    return text
  }
}
