import ArgumentParser
import PsyregCore
import PsyregRender

struct TimelineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline", abstract: "The dated history of the law, across a jurisdiction's layers.")

  @Argument(help: "A substance id, name or alias; default: every substance.", completion: IdCompletion.substances)
  var substance: String?
  @Option(help: "A jurisdiction; its parent layers are included.", completion: IdCompletion.jurisdictions)
  var jurisdiction: String?
  @Option(help: "The first date, YYYY-MM-DD.") var from: CivilDate?
  @Option(help: "The last date, YYYY-MM-DD.") var to: CivilDate?
  @Option(help: "The output format.") var format: TimelineFormat = .text
  @OptionGroup var options: RulesOptions

  func validate() throws {
    if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
  }

  func run() throws {
    let book = try options.loadBook()
    var query = TimelineQuery(from: from, to: to)
    do {
      query.substance = try substance.map { try book.resolveSubstance($0).id }
      query.jurisdiction = try jurisdiction.map { try book.resolveJurisdiction($0).id }
    } catch {
      throw Console.unknownName(error, in: book)
    }
    let items = book.timeline(query)
    Console.out(format.renderer.render(items))
  }
}
