import FuzzDriver
import PsyregRender

// What both fuzz targets share: the entry point into libFuzzer's driver and the output
// oracles checked with PSYREG_FUZZ_STRICT=1.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs libFuzzer on the process's arguments, with `testOneInput` as the target; never returns.
public func runFuzzer(_ testOneInput: psyreg_fuzz_callback) -> Never {
  exit(psyreg_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, testOneInput))
}

/// The input as a byte array.
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
  guard let data, size > 0 else { return [] }
  return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Writes to standard error.
public func printError(_ text: String) {
  var bytes = Array(text.utf8)
  var offset = 0
  while offset < bytes.count {
    let n = bytes[offset...].withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    if n <= 0 { return }
    offset += n
  }
}

/// An environment variable, if set.
public func environment(_ name: String) -> String? {
  getenv(name).map { String(cString: $0) }
}

/// Whether the output oracles are on (`PSYREG_FUZZ_STRICT=1`): each turns a promise of the
/// issue into a crash the fuzzer can find. Off by default so that a known, open finding does
/// not stop every run at its first input.
public let strict = environment("PSYREG_FUZZ_STRICT") == "1"

/// Stops the process with a message libFuzzer shows next to the crash input: what broke the
/// promise, and the line of output where (escaped).
public func violation(_ what: String, in output: String, at line: Substring? = nil) -> Never {
  let shown = line.map(String.init) ?? String(output.unicodeScalars.prefix(400))
  printError("psyreg fuzz oracle: \(what)\n  in: \(String(shown.unicodeScalars.prefix(400)).debugDescription)\n")
  abort()
}

/// What an output grammar allows of control characters.
public enum Grammar: String {
  /// Text for a terminal: no C0 control but newline and tab, no DEL, no C1 (ESC, OSC, BEL, CSI).
  case terminal
  /// Markdown: the same, so that no carriage return breaks a table row.
  case markdown
  /// JSON and SARIF: no raw C0 control but newline and tab (JSON strings escape them).
  case structured
  /// HTML, SVG, JUnit: no C0 control that XML 1.0 forbids (all but tab, newline, carriage return).
  case markup
  /// GitHub workflow commands: every line is one `::error`/`::warning` command.
  case workflow
}

/// Checks `output` against its grammar's promise when the oracles are on.
///
/// Terminal text and workflow commands are checked as the command line prints them, through
/// `TerminalEscaper` (which every byte psyreg prints goes through), so the escaper is what is
/// tested; JSON must come out of it unchanged (its own escaping already inert), since a
/// rewritten character inside a JSON string (`\u{9B}`) is no longer JSON.
public func check(_ output: String, _ grammar: Grammar, _ what: String) {
  guard strict else { return }
  var printed = output
  switch grammar {
  case .terminal: printed = TerminalEscaper.sanitize(output)
  case .workflow: printed = TerminalEscaper.sanitize(output, workflowCommands: true)
  case .structured:
    let escaped = TerminalEscaper.sanitize(output)
    if escaped != output {
      let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
      let changed = zip(lines, escaped.split(separator: "\n", omittingEmptySubsequences: false)).first { $0 != $1 }
      violation("\(what): the terminal escaper rewrites this JSON as psyreg prints it", in: escaped, at: changed?.1)
    }
  case .markdown, .markup: break
  }
  for line in printed.split(separator: "\n", omittingEmptySubsequences: true) {
    for scalar in line.unicodeScalars {
      let v = scalar.value
      let c0 = v < 0x20 && v != 0x09 && !(grammar == .markup && v == 0x0D)
      let c1 = v == 0x7F || (0x80...0x9F).contains(v)
      if c0 || (grammar != .structured && grammar != .markup && c1) {
        let code = "U+" + String(v, radix: 16, uppercase: true)
        violation("\(what): control character \(code) in \(grammar.rawValue) output", in: printed, at: line)
      }
    }
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    switch grammar {
    case .workflow where !(line.hasPrefix("::error ") || line.hasPrefix("::warning ")):
      violation("\(what): a line that is not an ::error or ::warning annotation", in: printed, at: line)
    case .terminal where trimmed.hasPrefix("::") || trimmed.hasPrefix("##["):
      violation("\(what): a line a GitHub job log reads as a workflow command", in: printed, at: line)
    default: break
    }
  }
}

/// With PSYREG_FUZZ_TIMING=1, prints how long each phase of an input took (to keep the
/// targets fast: libFuzzer finds more at more executions per second).
public struct PhaseTimer {
  static let on = environment("PSYREG_FUZZ_TIMING") == "1"
  var last: timespec = PhaseTimer.now()
  var parts: [String] = []

  public init() {}

  static func now() -> timespec {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return t
  }

  /// Ends the phase `name`.
  public mutating func lap(_ name: String) {
    guard PhaseTimer.on else { return }
    let t = PhaseTimer.now()
    let ms = Double(t.tv_sec - last.tv_sec) * 1000 + Double(t.tv_nsec - last.tv_nsec) / 1_000_000
    parts.append("\(name) \(Int(ms))ms")
    last = t
  }

  /// Prints the phases.
  public func print() {
    guard PhaseTimer.on else { return }
    printError("timing: " + parts.joined(separator: ", ") + "\n")
  }
}
