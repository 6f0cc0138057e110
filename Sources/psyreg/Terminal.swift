import ArgumentParser
import Foundation
import PsyregCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Colour for verdicts in text written to a terminal: only when standard output is a TTY,
/// `NO_COLOR` is unset or empty (https://no-color.org) and `TERM` is not `dumb`.
/// `CLICOLOR_FORCE=1` forces it on for a pipe (tests, `less -R`); `NO_COLOR` still wins.
enum Colour {
  static var enabled: Bool {
    let env = ProcessInfo.processInfo.environment
    if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
    if let force = env["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
    if env["TERM"] == "dumb" { return false }
    return isatty(STDOUT_FILENO) == 1
  }

  /// SGR codes per verdict: bold red, blue, yellow, green, dim; each also differs in weight or
  /// brightness, so the colours are not the only signal (the words are always there).
  static func code(_ verdict: Verdict) -> String {
    switch verdict {
    case .prohibited: "1;31"
    case .conditional: "34"
    case .decriminalized: "33"
    case .allowed: "1;32"
    case .unknown: "2"
    }
  }

  /// Every verdict word (as a whole word, in lower or upper case) wrapped in its colour.
  /// Applied after `TerminalEscaper`, so the only escape sequences in the output are these.
  static func verdicts(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 256)
    var word = ""
    func flush() {
      if let verdict = Verdict(rawValue: word.lowercased()), word == verdict.rawValue || word == word.uppercased() {
        out += "\u{1B}[\(code(verdict))m\(word)\u{1B}[0m"
      } else {
        out += word
      }
      word = ""
    }
    for character in text {
      if character.isLetter || character == "-" || character == "_" {
        word.append(character)
      } else {
        flush()
        out.append(character)
      }
    }
    flush()
    return out
  }
}

/// Completion of substance and jurisdiction ids for the shells, read from the rules the
/// command line names (`--rules DIR`, else `$PSYREG_RULES`, else `./Rules`); nothing when
/// they cannot be read.
enum IdCompletion {
  static let substances = CompletionKind.custom { words, _, prefix in
    ids(words, prefix) { $0.sortedSubstances.map(\.id) }
  }
  static let jurisdictions = CompletionKind.custom { words, _, prefix in
    ids(words, prefix) { $0.sortedJurisdictions.map(\.id) }
  }

  static func ids(_ words: [String], _ prefix: String, _ pick: (RuleBook) -> [String]) -> [String] {
    var folder: String?
    for (i, word) in words.enumerated() {
      if word == "--rules", i + 1 < words.count { folder = words[i + 1] }
      if word.hasPrefix("--rules=") { folder = String(word.dropFirst("--rules=".count)) }
    }
    if folder == nil, let env = ProcessInfo.processInfo.environment["PSYREG_RULES"], !env.isEmpty { folder = env }
    guard let book = try? RuleBook.load(paths: [folder ?? "Rules"]).book else { return [] }
    return pick(book).filter { $0.hasPrefix(prefix.lowercased()) }
  }
}

extension Console {
  /// An unknown or ambiguous name: the error, what the rules cover and how to list it; exit 64.
  static func unknownName(_ error: any Error, in book: RuleBook) -> ExitCode {
    guard let error = error as? RuleBook.QuestionError else { return usage(String(describing: error)) }
    var message = error.description
    switch error {
    case .unknownSubstance:
      message += "\n  the rules cover \(book.substances.count) substances; list them with 'psyreg list substances'"
    case .unknownJurisdiction:
      message +=
        "\n  the rules cover \(book.jurisdictions.count) jurisdictions (countries, US states, some cities, the UN and EU); list them with 'psyreg list jurisdictions'"
    case .ambiguous:
      break
    }
    return usage(message)
  }

  /// The review note on standard error when `date` is past the rules' review date.
  static func reviewNote(_ book: RuleBook, on date: CivilDate) {
    reviewNote(changeDays: book.changeDays, on: date)
  }

  /// The same from the rules' change days (as an ask cache's outline keeps them).
  static func reviewNote(changeDays: [CivilDate], on date: CivilDate) {
    let reviewed = RuleBook.reviewDate(changeDays: changeDays, asOf: CivilDate.todayUTC())
    if let note = RuleBook.reviewNote(for: date, reviewed: reviewed) { error("psyreg: note: \(note)\n") }
  }
}

/// The vocabulary `--help` explains.
enum HelpText {
  static let activities = """
    Activities (--activity):
      possession      personal possession and use
      supply          manufacture, cultivation, sale, distribution
      medical         treatment by a prescriber outside a trial
      research        clinical trials and laboratory research
      supervised-use  non-medical adult use at a licensed centre (Oregon, Colorado)
      religious       ceremonial use by a religious community
    """

  static let verdicts = """
    Verdicts, strictest first:
      prohibited      unlawful
      decriminalized  unlawful, but a civil or lowest-priority matter
      conditional     lawful when its conditions are met (a prescription...)
      allowed         lawful, with no special conditions
      unknown         no rule covers it, or the law is not known: never a guess
    Marks: * (≠ in reports) binding layers conflict: the strictest governs;
      ? the verdict rests on an entry whose confidence is not high;
      (…) a treaty or union layer, beside: it binds states, not people.
    """
}
