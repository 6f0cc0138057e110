import ArgumentParser
import PsyregCore
import PsyregRender

struct AskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask", abstract: "Is SUBSTANCE allowed in JURISDICTION, for an activity, on a date?",
    discussion: """
      Without --activity, every activity is answered, as a table. The answer names, per layer
      (city → state → nation), the verdict, its conditions, since when, the instrument, the
      sources and the file and line of the rule; the strictest binding layer governs.

      \(HelpText.activities)

      \(HelpText.verdicts)
      """)

  @Argument(help: "A substance id, name or alias (mdma, ecstasy).", completion: IdCompletion.substances)
  var substance: String
  @Argument(help: "A jurisdiction id, name or alias (us-or, Oregon).", completion: IdCompletion.jurisdictions)
  var jurisdiction: String
  @Option(help: "One activity (\(Activity.allCases.map(\.rawValue).joined(separator: ", "))); default: all.")
  var activity: Activity?
  @Option(help: "The date, YYYY-MM-DD (default: today, UTC).") var on: CivilDate?
  @Option(name: .customLong("fact"), help: "A fact to check conditions against: age=N, indication=X, prescriber=X.")
  var facts: [String] = []
  @Option(help: "The output format.") var format: AnswerFormat = .text
  @OptionGroup var options: RulesOptions

  func validate() throws {
    _ = try parseFacts(facts)
  }

  func run() throws {
    let facts = try parseFacts(self.facts)
    let date = on ?? CivilDate.todayUTC()
    try options.requireRulesFolder()
    let rulesFolder = options.rulesPath
    guard case .directory = FileSystem.kind(of: rulesFolder), let cache = AskCache(rulesFolder: rulesFolder) else {
      return try answer(from: options.loadBook(), on: date, facts: facts)
    }
    let walk = FileSystem.walk(rulesFolder)
    let outline = cache.outline(matching: walk)
    if let outline, answer(from: outline, on: date, facts: facts) { return }
    let book = try options.loadBook()
    if outline == nil { cache.store(book, walk: walk) }
    try answer(from: book, on: date, facts: facts)
  }

  /// The answer from the few files an outline says it reads; false (nothing written) when a
  /// name is not clearly one substance or jurisdiction, or a file no longer loads: the whole
  /// load then answers, with its errors and suggestions.
  func answer(from outline: RuleSetOutline, on date: CivilDate, facts: Facts) -> Bool {
    let substances = outline.substances(named: substance)
    let jurisdictions = outline.jurisdictions(named: jurisdiction)
    guard substances.count == 1, jurisdictions.count == 1,
      let files = outline.files(substance: substances[0], jurisdiction: jurisdictions[0]),
      let part = RuleBook.loadPart(files: files),
      let s = part.substanceID(substances[0]), let j = part.jurisdictionID(jurisdictions[0])
    else { return false }
    write(answers(from: part, s, j, on: date, facts: facts))
    Console.reviewNote(changeDays: outline.changeDays, on: date)
    return true
  }

  func answer(from book: RuleBook, on date: CivilDate, facts: Facts) throws {
    let (s, j): (SubstanceID, JurisdictionID)
    do {
      (s, j) = (try book.resolveSubstanceID(substance), try book.resolveJurisdictionID(jurisdiction))
    } catch {
      throw Console.unknownName(error, in: book)
    }
    write(answers(from: book, s, j, on: date, facts: facts))
    Console.reviewNote(book, on: date)
  }

  /// The asked activity's answer, or every activity's as a table, rendered.
  func answers(from book: RuleBook, _ s: SubstanceID, _ j: JurisdictionID, on date: CivilDate, facts: Facts)
    -> String
  {
    if let activity { return format.renderer.render(book.answer(s, in: j, activity: activity, on: date, facts: facts)) }
    return format.renderer.render(Activity.allCases.map { book.answer(s, in: j, activity: $0, on: date, facts: facts) })
  }

  func write(_ text: String) {
    if format == .text { Console.outColoured(text) } else { Console.out(text) }
  }
}
