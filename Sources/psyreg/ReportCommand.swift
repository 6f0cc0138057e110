import ArgumentParser
import PsyregCore
import PsyregRender

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a jurisdiction's report, the comparison matrix, or every report.",
    discussion: """
      psyreg report JURISDICTION [--on D] [--format markdown|html|json] [--output FILE] [--activity A]
      psyreg report --matrix [--activity A] [--on D] [--format markdown|html|json] [--output FILE]
      psyreg report --all --output DIR [--on D] [--format html|markdown|json] [--activity A]

      --activity colours the timeline bands of a report (default: possession) and chooses the
      matrix's activity (default: possession). --all writes <id>.<ext> per jurisdiction and
      index.<ext> (default format: html); it never writes inside the rules folder.
      See docs/reports.md.
      """)

  @Argument(help: "A jurisdiction id, name or alias (us-or, Oregon).", completion: IdCompletion.jurisdictions)
  var jurisdiction: String?
  @Flag(help: "Jurisdictions × substances for one activity.") var matrix = false
  @Flag(help: "Every jurisdiction's report and an index page, into --output DIR.") var all = false
  @Option(help: "The date, YYYY-MM-DD (default: today, UTC).") var on: CivilDate?
  @Option(help: "The timeline band's activity, or the matrix's (default: possession).")
  var activity: Activity?
  @Option(help: "markdown, html or json (default: markdown; html with --all).") var format: ReportFormat?
  @Option(help: "The file to write (default: standard output); with --all, the folder.") var output: String?
  @OptionGroup var options: RulesOptions

  func validate() throws {
    let modes = [jurisdiction != nil, matrix, all].filter { $0 }.count
    if modes != 1 { throw ValidationError("give one of JURISDICTION, --matrix or --all") }
    guard let output else {
      if all { throw ValidationError("--all needs --output DIR") }
      return
    }
    if ReportPaths.isInside(output, options.rulesPath) {
      throw ValidationError(
        "--output \(output) is inside the rules folder \(options.rulesPath); write reports elsewhere")
    }
    switch FileSystem.kind(of: output) {
    case .file where all: throw ValidationError("--output \(output) is a file; --all writes into a folder")
    case .directory where !all:
      throw ValidationError("--output \(output) is a folder; give a file name (or --all to write every report)")
    default: break
    }
  }

  func run() throws {
    // The identity is of the very bytes the book was compiled from (digests taken as they were read).
    let loaded = try options.loadRules(recordingDigests: true)
    let book = loaded.book
    let protected = OutputFile.identities(book.files)
    let date = on ?? CivilDate.todayUTC()
    Console.reviewNote(book, on: date)
    let activity = self.activity ?? .possession
    guard let ruleSet = loaded.identity(root: options.rulesPath) else {
      Console.error("psyreg: error: the rule files' digests were not recorded\n")
      throw ExitCode.failure
    }

    if all {
      try writeAll(book, date: date, activity: activity, ruleSet: ruleSet, folder: output!, protected: protected)
      return
    }
    let format = self.format ?? .markdown
    let text: String
    if let jurisdiction {
      let id: String
      do {
        id = try book.resolveJurisdiction(jurisdiction).id
      } catch {
        throw Console.unknownName(error, in: book)
      }
      let report = JurisdictionReport(
        book: book, jurisdiction: id, date: date, bandActivity: activity, ruleSet: ruleSet)
      text = format.renderer.render(report)
    } else {
      text = format.renderer.render(
        MatrixReport(book: book, activity: activity, date: date, ruleSet: ruleSet))
    }
    if let output { try write(text, to: output, protecting: protected) } else { Console.out(text) }
  }

  func writeAll(
    _ book: RuleBook, date: CivilDate, activity: Activity, ruleSet: RuleSetIdentity, folder: String,
    protected: Set<[UInt64]>
  ) throws {
    let format = self.format ?? .html
    if !ReportPaths.makeDirectories(folder) {
      Console.error("psyreg: error: cannot create the folder \(folder)\n")
      throw ExitCode.failure
    }
    let renderer = format.renderer
    // Reports are made a few at a time on all cores, each written as soon as its batch is done
    // and then dropped: memory holds a batch, whatever the number of jurisdictions. The index
    // keeps only each report's summary.
    let ids = book.sortedJurisdictions.map(\.id)
    let batch = 4 * Parallel.cores
    var items: [ReportIndex.Item] = []
    items.reserveCapacity(ids.count)
    for start in stride(from: 0, to: ids.count, by: batch) {
      let slice = Array(ids[start..<min(start + batch, ids.count)])
      let made = Parallel.map(slice.count) { index in
        let report = JurisdictionReport(
          book: book, jurisdiction: slice[index], date: date, bandActivity: activity, ruleSet: ruleSet)
        return (text: renderer.render(report), item: ReportIndex.Item(report, format: format))
      }
      for (id, report) in zip(slice, made) {
        try write(report.text, to: folder + "/" + ReportIndex.fileName(id, format), protecting: protected)
        items.append(report.item)
      }
    }
    let matrix = MatrixReport(book: book, activity: activity, date: date, ruleSet: ruleSet)
    var index = ReportIndex(items: items, matrix: matrix, coverage: CoverageSummary(book: book, date: date))
    // One matrix per activity: the index shows the chosen one and links the others.
    for other in Activity.allCases where other != activity {
      let m = MatrixReport(book: book, activity: other, date: date, ruleSet: ruleSet)
      index.otherMatrices.append(m)
      try write(renderer.render(m), to: folder + "/" + ReportIndex.matrixName(other, format), protecting: protected)
    }
    try write(
      renderer.render(matrix), to: folder + "/" + ReportIndex.matrixName(activity, format), protecting: protected)
    try write(renderer.render(index), to: folder + "/" + ReportIndex.indexName(format), protecting: protected)
    Console.error(
      "psyreg: wrote \(items.count) reports, \(Activity.allCases.count) matrices and \(ReportIndex.indexName(format)) to \(folder)\n"
    )
  }

  func write(_ text: String, to path: String, protecting rules: Set<[UInt64]>) throws {
    if case .failure(let error) = OutputFile.write(text, to: path, protecting: rules) {
      Console.error("psyreg: error: cannot write \(path): \(error.reason)\n")
      throw ExitCode.failure
    }
  }
}
