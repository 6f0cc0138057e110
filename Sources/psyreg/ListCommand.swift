import ArgumentParser
import PsyregCore
import PsyregRender

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List substances, jurisdictions, the coverage of the data, or the quality of its sources.")

  @Argument(help: "What to list.") var what: Listing
  @Option(help: "The output format.") var format: ListFormat = .text
  @Option(help: "The day coverage figures are asked for, YYYY-MM-DD (default: today, UTC).") var on: CivilDate?
  @OptionGroup var options: RulesOptions

  func run() throws {
    let book = try options.loadBook()
    Console.out(format.renderer.render(what, of: book, on: on ?? CivilDate.todayUTC()))
  }
}
