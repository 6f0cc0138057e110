import ArgumentParser
import Foundation
import PsyregCore
import PsyregRender

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the rules are: `--rules DIR`, else `$PSYREG_RULES`, else `./Rules`.
struct RulesOptions: ParsableArguments {
  @Option(
    name: .long, help: "The rules folder (default: $PSYREG_RULES, else ./Rules).",
    completion: .directory)
  var rules: String?

  var rulesPath: String {
    if let rules { return Paths.display(rules) }
    if let env = ProcessInfo.processInfo.environment["PSYREG_RULES"], !env.isEmpty { return Paths.display(env) }
    return "Rules"
  }

  /// A usage error (exit 64) when the rules folder does not exist, naming where psyreg looked
  /// and how to point it elsewhere, instead of a located "cannot read the file" diagnostic.
  func requireRulesFolder() throws {
    let path = rulesPath
    if case .missing = FileSystem.kind(of: path) {} else { return }
    if rules != nil {
      throw Console.usage("the rules folder '\(path)' (from --rules) does not exist")
    }
    if let env = ProcessInfo.processInfo.environment["PSYREG_RULES"], !env.isEmpty {
      throw Console.usage("the rules folder '\(path)' (from PSYREG_RULES) does not exist")
    }
    throw Console.usage(
      "no ./Rules here: use --rules DIR or set PSYREG_RULES to the rules folder (psyreg's own are in its repository's Rules/)"
    )
  }

  /// Loads and compiles the rules, or prints their errors and exits 1.
  func loadBook(extra: [String] = []) throws -> RuleBook {
    try loadRules(extra: extra).book
  }

  /// `loadBook`, with the warnings, the files and (when asked) each file's digest.
  func loadRules(extra: [String] = [], recordingDigests: Bool = false) throws -> LoadedRules {
    try requireRulesFolder()
    var loader = RuleLoader()
    loader.recordsDigests = recordingDigests
    do {
      let loaded = try RuleBook.load(paths: [rulesPath] + extra.map(Paths.display), loader: loader)
      // A command loads one book and exits: never freeing it saves the teardown of every entry
      // (about 5% of a cold `ask`), as compilers skip freeing their trees at exit.
      _ = Unmanaged.passRetained(KeptUntilExit(loaded))
      return loaded
    } catch {
      Console.error(TextDiagnosticReporter().report(error.errors))
      Console.error("psyreg: the rule files have errors; run 'psyreg validate' for the full list\n")
      throw ExitCode.failure
    }
  }
}

/// Holds a value that is never released (see `loadBook`).
private final class KeptUntilExit<Value>: Sendable where Value: Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

enum Paths {
  /// A path as the user will recognise it: relative to the working folder where it is below it.
  static func display(_ path: String) -> String {
    var path = path
    let cwd = FileManager.default.currentDirectoryPath
    if path.hasPrefix(cwd + "/") { path = String(path.dropFirst(cwd.count + 1)) }
    while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
    while path.count > 1 && path.hasSuffix("/") { path = String(path.dropLast()) }
    return path.isEmpty ? "." : path
  }
}

enum Console {
  static func error(_ text: String) {
    emit(text, to: STDERR_FILENO, workflowCommands: false)
  }

  /// Standard output; `workflowCommands` for `validate --format github`, whose output is
  /// workflow commands by design (its values percent-encoded).
  static func out(_ text: String, workflowCommands: Bool = false) {
    emit(text, to: STDOUT_FILENO, workflowCommands: workflowCommands)
  }

  /// Standard output with the verdicts coloured when `Colour.enabled` (a terminal, no `NO_COLOR`).
  static func outColoured(_ text: String) {
    emit(text, to: STDOUT_FILENO, workflowCommands: false, colour: Colour.enabled)
  }

  /// A usage error: the message on standard error, exit status 64.
  static func usage(_ message: String) -> ExitCode {
    error("psyreg: error: \(message)\n")
    return ExitCode(64)
  }

  /// Writes everything, inert (`TerminalEscaper`), with POSIX `write`: a full disk or a closed
  /// pipe ends psyreg with a message and status 1, not a trap.
  private static func emit(_ text: String, to fd: Int32, workflowCommands: Bool, colour: Bool = false) {
    let inert = TerminalEscaper.sanitize(text, workflowCommands: workflowCommands)
    var bytes = Array((colour ? Colour.verdicts(inert) : inert).utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno)).lowercased()
        if fd != STDERR_FILENO {
          let message = Array("psyreg: error: cannot write the output: \(reason)\n".utf8)
          _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        exit(1)
      }
      offset += written
    }
  }
}
extension CivilDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
  public static var defaultCompletionKind: CompletionKind { .default }
}

extension Activity: ExpressibleByArgument {}

// Each command's formats: only those it can write, so any other is a usage error (exit 64).
extension AnswerFormat: ExpressibleByArgument {}
extension TimelineFormat: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}
extension Listing: ExpressibleByArgument {}
extension ExpectationFormat: ExpressibleByArgument {}
extension DiagnosticFormat: ExpressibleByArgument {}
extension DiffFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// Parses `--fact K=V` options; a malformed one is a usage error, thrown from `validate()`.
func parseFacts(_ pairs: [String]) throws(ValidationError) -> Facts {
  var values: [String: String] = [:]
  for pair in pairs {
    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw ValidationError("--fact expects NAME=VALUE (e.g. age=21), not '\(pair)'")
    }
    values[parts[0]] = parts[1]
  }
  do {
    return try Facts(values)
  } catch {
    throw ValidationError(error.description)
  }
}
