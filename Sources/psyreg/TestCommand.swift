import ArgumentParser
import PsyregCore

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test", abstract: "Run the expectation tests (Rules/tests/) against the rules.")

  @Argument(help: "Test files or folders; default: every test file read with the rules.") var paths: [String] = []
  @Flag(name: .shortAndLong, help: "List passing cases too.") var verbose = false
  @OptionGroup var options: RulesOptions

  func run() throws {
    let book = try options.loadBook(extra: paths)
    let selected = paths.map(Paths.display)
    let cases = book.runAll().filter { result in
      selected.isEmpty
        || selected.contains { result.testCase.origin.file == $0 || result.testCase.origin.file.hasPrefix($0 + "/") }
    }
    Console.out(ExpectationFormatter.text(cases, verbose: verbose))
    if cases.contains(where: { !$0.passed }) { throw ExitCode.failure }
  }
}
