import PsyregCore

/// The formats `psyreg validate` reports diagnostics in, each with its reporter.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
  case text, json, github, sarif
}

/// Writes diagnostics in one format; the caller orders them.
public protocol DiagnosticReporter: Sendable {
  /// The whole output for the diagnostics, in the order given.
  func report(_ diagnostics: [Diagnostic]) -> String
}

extension DiagnosticFormat {
  /// The reporter that writes this format.
  public var reporter: any DiagnosticReporter {
    switch self {
    case .text: TextDiagnosticReporter()
    case .json: JSONDiagnosticReporter()
    case .github: GitHubDiagnosticReporter()
    case .sarif: SARIFDiagnosticReporter()
    }
  }

  /// The reporter, told how psyreg was invoked (SARIF records it in `invocations`).
  public func reporter(arguments: [String], strict: Bool) -> any DiagnosticReporter {
    self == .sarif ? SARIFDiagnosticReporter(arguments: arguments, strict: strict) : reporter
  }
}

/// `path:line:column: error: message [code]`, each note on the line after as
/// `path:line:column: note: message`; `summary` gives the count.
public struct TextDiagnosticReporter: DiagnosticReporter {
  /// A plain-text reporter.
  public init() {}

  /// One line per diagnostic and one per note; empty when there are none.
  public func report(_ diagnostics: [Diagnostic]) -> String {
    var lines: [String] = []
    for diagnostic in diagnostics {
      lines.append(diagnostic.formatted)
      for note in diagnostic.notes { lines.append("\(note.position): note: \(note.message)") }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// "2 errors, 1 warning", or "no problems".
  public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    if diagnostics.isEmpty { return "\(plural(files, "file")) checked: no problems" }
    return "\(plural(files, "file")) checked: \(plural(errors, "error")), \(plural(warnings, "warning"))"
  }
}

/// A JSON array, one object per diagnostic.
public struct JSONDiagnosticReporter: DiagnosticReporter {
  /// A JSON reporter.
  public init() {}

  /// A JSON array of `{file, line, column, severity, code, message, notes}` objects.
  public func report(_ diagnostics: [Diagnostic]) -> String {
    JSON.array(diagnostics.map(Self.json)).rendered() + "\n"
  }

  static func position(_ p: SourcePosition) -> [(String, JSON)] {
    [
      ("file", .string(p.file)), ("line", p.location.map { .number($0.line) } ?? .null),
      ("column", p.location.map { .number($0.column) } ?? .null),
    ]
  }

  static func json(_ d: Diagnostic) -> JSON {
    .object(
      position(d.position) + [
        ("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)), ("message", .string(d.message)),
        ("notes", .array(d.notes.map { .object(position($0.position) + [("message", .string($0.message))]) })),
      ])
  }
}

/// GitHub Actions workflow commands, which GitHub shows as annotations on the pull request.
public struct GitHubDiagnosticReporter: DiagnosticReporter {
  /// A GitHub Actions reporter.
  public init() {}

  /// One `::error` or `::warning` command per diagnostic, its notes folded into the message.
  public func report(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { d in
      var properties = ["file=\(WorkflowCommandEscaper.property(d.position.file))"]
      if let location = d.position.location {
        properties += ["line=\(location.line)", "col=\(location.column)"]
      }
      properties.append("title=\(WorkflowCommandEscaper.property(d.code.rawValue))")
      var message = d.message
      for note in d.notes { message += "\n\(note.position): \(note.message)" }
      return "::\(d.severity.rawValue) \(properties.joined(separator: ","))::\(WorkflowCommandEscaper.data(message))\n"
    }.joined()
  }
}

/// SARIF 2.1.0, for code-scanning dashboards, with what GitHub code scanning requires:
/// `version`, `runs[].tool.driver.name` and `rules` (each with `id`, `shortDescription`,
/// `fullDescription`, `help`), and per result `ruleId`, `level` (`error`/`warning`),
/// `message.text`, `locations[0].physicalLocation` (a relative, percent-encoded
/// `artifactLocation.uri` and a `region.startLine`) and `partialFingerprints`.
public struct SARIFDiagnosticReporter: DiagnosticReporter {
  /// The command-line arguments after `psyreg`, for `invocations[0].arguments`.
  public var arguments: [String]
  /// Whether warnings fail the run too (`--strict`), for `executionSuccessful` and `exitCode`.
  public var strict: Bool

  /// A SARIF reporter; `arguments` and `strict` describe the invocation it reports on.
  public init(arguments: [String] = ["validate", "--format", "sarif"], strict: Bool = false) {
    self.arguments = arguments
    self.strict = strict
  }

  /// One SARIF log with a single run: every check as a rule, every diagnostic as a result.
  public func report(_ diagnostics: [Diagnostic]) -> String {
    let codes = Check.all.map(\.code)
    let rules: [JSON] = Check.all.map { check in
      .object([
        ("id", .string(check.code.rawValue)),
        ("name", .string(Self.ruleName(check.code.rawValue))),
        ("shortDescription", .object([("text", .string(check.summary))])),
        ("fullDescription", .object([("text", .string(check.summary))])),
        (
          "help",
          .object([
            (
              "text",
              .string(
                "\(check.summary) Run `psyreg validate` for the place and the reason; docs/checks.md lists every check."
              )
            )
          ])
        ),
        ("defaultConfiguration", .object([("level", .string(check.severity.rawValue))])),
      ])
    }
    var seen: [String: Int] = [:]
    let results: [JSON] = diagnostics.map { d in
      var result: [(String, JSON)] = [("ruleId", .string(d.code.rawValue))]
      if let index = codes.firstIndex(of: d.code) { result.append(("ruleIndex", .number(index))) }
      // Stable across runs and line moves: the code, file and message, and which occurrence of them it is.
      let identity = "\(d.code)\u{0}\(d.position.file)\u{0}\(d.message)"
      let occurrence = seen[identity, default: 0]
      seen[identity] = occurrence + 1
      result += [
        ("level", .string(d.severity.rawValue)),
        ("message", .object([("text", .string(d.message))])),
        ("locations", .array([Self.location(d.position)])),
        ("partialFingerprints", .object([("psyreg/v1", .string(Self.fingerprint("\(identity)\u{0}\(occurrence)")))])),
      ]
      if !d.notes.isEmpty {
        result.append(
          (
            "relatedLocations",
            .array(
              d.notes.enumerated().map { i, note in
                var location = Self.location(note.position)
                if case .object(var pairs) = location {
                  pairs.insert(("id", .number(i)), at: 0)
                  pairs.append(("message", .object([("text", .string(note.message))])))
                  location = .object(pairs)
                }
                return location
              })
          ))
      }
      return .object(result)
    }
    let sarif: JSON = .object([
      ("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
      ("version", "2.1.0"),
      (
        "runs",
        .array([
          .object([
            (
              "tool",
              .object([
                (
                  "driver",
                  .object([
                    ("name", "psyreg"), ("version", .string(PsyregVersion.current)),
                    ("semanticVersion", .string(PsyregVersion.current)),
                    ("informationUri", .string(PsyregVersion.informationURI)),
                    ("rules", .array(rules)),
                  ])
                )
              ])
            ),
            ("invocations", .array([invocation(diagnostics)])),
            // Columns count characters (Unicode code points), as the YAML reader does.
            ("columnKind", "unicodeCodePoints"),
            ("results", .array(results)),
          ])
        ])
      ),
    ])
    return sarif.rendered() + "\n"
  }

  /// How psyreg ran: its arguments, exit code and whether it succeeded (as `validate` decides).
  func invocation(_ diagnostics: [Diagnostic]) -> JSON {
    let failed = diagnostics.hasErrors || (strict && diagnostics.hasWarnings)
    return .object([
      ("arguments", .array(arguments.map { .string($0) })),
      ("exitCode", .number(failed ? 1 : 0)),
      ("executionSuccessful", .bool(!failed)),
    ])
  }

  /// "schema.unknown-key" → "SchemaUnknownKey", the PascalCase name SARIF suggests.
  static func ruleName(_ code: String) -> String {
    code.split(whereSeparator: { $0 == "." || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  /// A location GitHub accepts: a file-level diagnostic (no line) points at line 1.
  static func location(_ p: SourcePosition) -> JSON {
    var region: [(String, JSON)] = [("startLine", .number(p.location?.line ?? 1))]
    if let l = p.location { region.append(("startColumn", .number(l.column))) }
    let physical: [(String, JSON)] = [
      ("artifactLocation", .object([("uri", .string(URIEscaper.path(p.file)))])),
      ("region", .object(region)),
    ]
    return .object([("physicalLocation", .object(physical))])
  }

  /// FNV-1a, 64 bits, as 16 hex digits: a short stable hash for `partialFingerprints`.
  static func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
