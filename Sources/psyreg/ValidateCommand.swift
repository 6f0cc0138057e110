import ArgumentParser
import PsyregCore
import PsyregRender

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate", abstract: "Check rule files: YAML, schema, references, dates, sources.",
    discussion: "Exit status: 0 clean, 1 errors (or warnings with --strict), 64 usage error.")

  @Argument(help: "Rule files or folders (default: the rules folder).") var paths: [String] = []
  @Option(help: "text, json, github or sarif.") var format: DiagnosticFormat = .text
  @Flag(help: "Fail on warnings too.") var strict = false
  @OptionGroup var options: RulesOptions

  func run() throws {
    if paths.isEmpty { try options.requireRulesFolder() }
    let targets = paths.isEmpty ? [options.rulesPath] : paths.map(Paths.display)
    // Read, decode and check, without compiling a book: no question is asked, and the compile
    // is most of a load's time on large rule sets (docs/performance.md).
    let loaded = RuleLoader().load(paths: targets)
    let files = loaded.rules.files
    let diagnostics = loaded.diagnostics.sortedByPosition()
    let reporter = format.reporter(arguments: Array(CommandLine.arguments.dropFirst()), strict: strict)
    Console.out(reporter.report(diagnostics), workflowCommands: format == .github)
    if format == .text {
      Console.error(TextDiagnosticReporter.summary(diagnostics, files: files.count) + "\n")
    }
    if diagnostics.hasErrors || (strict && diagnostics.hasWarnings) { throw ExitCode.failure }
  }
}
