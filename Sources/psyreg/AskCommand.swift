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
    let book = try options.loadBook()
    let date = on ?? CivilDate.todayUTC()
    do {
      if let activity {
        let answer = try book.ask(substance, in: jurisdiction, activity: activity, on: date, facts: facts)
        write(format.renderer.render(answer))
      } else {
        let answers = try book.askAll(substance, in: jurisdiction, on: date, facts: facts)
        write(format.renderer.render(answers))
      }
    } catch {
      throw Console.unknownName(error, in: book)
    }
    Console.reviewNote(book, on: date)
  }

  func write(_ text: String) {
    if format == .text { Console.outColoured(text) } else { Console.out(text) }
  }
}
