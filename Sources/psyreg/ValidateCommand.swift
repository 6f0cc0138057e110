import PsyregRender
import ArgumentParser
import PsyregCore

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate", abstract: "Check rule files: YAML, schema, references, dates, sources.",
    discussion: "Exit status: 0 clean, 1 errors (or warnings with --strict), 64 usage error.")

  @Argument(help: "Rule files or folders (default: the rules folder).") var paths: [String] = []
  @Option(help: "text, json, github or sarif.") var format: DiagnosticFormat = .text
  @Flag(help: "Fail on warnings too.") var strict = false
  @OptionGroup var options: RulesOptions

  func run() throws {
    let targets = paths.isEmpty ? [options.rulesPath] : paths.map(Paths.display)
    let output = RuleLoader().load(paths: targets)
    let diagnostics = output.diagnostics.sortedByPosition()
    Console.out(format.reporter.report(diagnostics))
    if format == .text {
      Console.error(TextDiagnosticReporter.summary(diagnostics, files: output.rules.files.count) + "\n")
    }
    if diagnostics.hasErrors || (strict && diagnostics.hasWarnings) { throw ExitCode.failure }
  }
}
