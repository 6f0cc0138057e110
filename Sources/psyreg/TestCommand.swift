import ArgumentParser
import PsyregCore
import PsyregRender

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test", abstract: "Run the expectation tests (Rules/tests/) against the rules.",
    discussion:
      "--format junit prints JUnit XML for CI test reports. Exit status: 0 all pass, 1 a test fails."
  )

  @Argument(help: "Test files or folders; default: every test file read with the rules.") var paths: [String] = []
  @Flag(name: .shortAndLong, help: "List passing cases too.") var verbose = false
  @Option(help: "The output format.") var format: ExpectationFormat = .text
  @OptionGroup var options: RulesOptions

  func validate() throws {
    if verbose && format != .text { throw ValidationError("--verbose lists passing cases in the text format only") }
  }

  func run() throws {
    let book = try options.loadBook(extra: paths)
    let selected = paths.map(Paths.display)
    let cases = book.runAll().filter { result in
      selected.isEmpty
        || selected.contains {
          result.testCase.origin.file == $0 || result.testCase.origin.file.hasPrefix($0 + "/")
        }
    }
    Console.out(format.renderer(verbose: verbose, root: options.rulesPath).render(cases))
    if cases.contains(where: { !$0.passed }) { throw ExitCode.failure }
  }
}
