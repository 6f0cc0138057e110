import ArgumentParser
import PsyregCore
import PsyregRender

@main
struct Psyreg: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "psyreg",
    abstract: "Is this psychedelic medicine allowed here, for this purpose, on this date — and says who?",
    discussion: """
      Rules are read from --rules DIR, else $PSYREG_RULES, else ./Rules.
      Exit status: 0 answered, 1 rule errors or failed tests, 64 usage error.

      \(HelpText.activities)

      \(HelpText.verdicts)

      Verdicts are coloured on a terminal (not with NO_COLOR set, nor in a pipe).
      When the date asked is after the rules' review date (the newest change,
      up to today, that they record), a note on standard error says so.
      This is not legal advice.
      """,
    version: PsyregVersion.current,
    subcommands: [
      AskCommand.self, TimelineCommand.self, ListCommand.self, TestCommand.self, ValidateCommand.self, DiffCommand.self,
      ReportCommand.self, ServeCommand.self,
    ]
  )
}
