import ArgumentParser
import PsyregCore
import PsyregRender

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "What changes between two rule sets: entries, and the answers they alter.",
    discussion: """
      OLD and NEW are rule folders or git revisions: an existing folder is a folder, else a
      revision (read from git's object store, the --rules folder inside it). With
      --git-base REV, that revision's rules are compared with the rules folder of the work tree.
      Exit status: 0 (also when something changed, unless --fail-on-change), 1 when either side's
      rule files have errors or --fail-on-change found a change, 64 usage error.
      """)

  @Argument(help: "The old rules: a folder or a git revision (origin/main).") var old: String?
  @Argument(help: "The new rules: a folder or a git revision (HEAD).") var new: String?
  @Option(help: "Compare this git revision's rules with the work tree's.") var gitBase: String?
  @Option(help: "The output format.") var format: DiffFormat = .text
  @Flag(help: "Exit 1 when anything changed.") var failOnChange = false
  @OptionGroup var options: RulesOptions

  /// Where one side's rules come from.
  enum Side {
    case folder(String)
    case revision(String)

    var label: String {
      switch self {
      case .folder(let path): path
      case .revision(let revision): revision
      }
    }
  }

  func run() throws {
    let (oldSide, newSide) = try sides()
    let oldRules = try load(oldSide)
    let newRules = try load(newSide)
    let diff = RuleDiff(old: oldRules, new: newRules)
    Console.out(format.renderer.render(diff, old: oldSide.label, new: newSide.label))
    if failOnChange && !diff.isEmpty { throw ExitCode.failure }
  }

  func validate() throws {
    if gitBase != nil {
      if old != nil && new != nil { throw ValidationError("--git-base takes at most one more argument (NEW)") }
    } else if old == nil || new == nil {
      throw ValidationError("diff needs OLD and NEW (folders or git revisions), or --git-base REV")
    }
  }

  /// The two sides; `validate()` has checked that the arguments name two.
  func sides() throws -> (Side, Side) {
    if let gitBase {
      guard GitRepository().commit(gitBase) != nil else {
        throw Console.usage("--git-base: '\(gitBase)' is not a git revision")
      }
      return (.revision(gitBase), try old.map(side) ?? .folder(options.rulesPath))
    }
    return (try side(old!), try side(new!))
  }

  /// An existing folder is a folder; else a git revision; else a usage error.
  func side(_ argument: String) throws -> Side {
    if FileSystem.kind(of: argument) == .directory { return .folder(Paths.display(argument)) }
    if GitRepository().commit(argument) != nil { return .revision(argument) }
    throw Console.usage("'\(argument)' is neither a folder nor a git revision")
  }

  func load(_ side: Side) throws -> RuleBook {
    do {
      switch side {
      case .folder(let path):
        return try RuleBook.load(paths: [path]).book
      case .revision(let revision):
        let sources: [(path: String, text: String)]
        do {
          sources = try GitRepository().ruleSources(at: revision, under: options.rulesPath)
        } catch {
          Console.error("psyreg: error: \(error.description)\n")
          throw ExitCode.failure
        }
        return try RuleBook.load(sources: sources).book
      }
    } catch let error as RuleLoadError {
      Console.error(TextDiagnosticReporter().report(error.errors))
      Console.error("psyreg: the rule files of \(side.label) have errors\n")
      throw ExitCode.failure
    }
  }
}
