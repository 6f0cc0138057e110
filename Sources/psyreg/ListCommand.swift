import ArgumentParser
import PsyregCore
import PsyregRender

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List substances, jurisdictions, or the coverage of the data.")

  @Argument(help: "What to list.") var what: Listing
  @Option(help: "The output format.") var format: ListFormat = .text
  @OptionGroup var options: RulesOptions

  func run() throws {
    let book = try options.loadBook()
    Console.out(format.renderer.render(what, of: book))
  }
}
