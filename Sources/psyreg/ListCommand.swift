import ArgumentParser
import PsyregCore

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List substances, jurisdictions, or the coverage of the data.")

  enum What: String, ExpressibleByArgument, CaseIterable {
    case substances, jurisdictions, coverage
  }

  @Argument(help: "substances, jurisdictions or coverage.") var what: What
  @Option(help: "text or json.") var format: OutputFormat = .text
  @OptionGroup var options: RulesOptions

  func run() throws {
    let book = try options.loadBook()
    switch (what, format) {
    case (.substances, .json): Console.out(ListFormatter.substancesJSON(book).rendered() + "\n")
    case (.jurisdictions, .json): Console.out(ListFormatter.jurisdictionsJSON(book).rendered() + "\n")
    case (.substances, _): Console.out(ListFormatter.substances(book))
    case (.jurisdictions, _): Console.out(ListFormatter.jurisdictions(book))
    case (.coverage, _): Console.out(ListFormatter.coverage(book))
    }
  }
}
