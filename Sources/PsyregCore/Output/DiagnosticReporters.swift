/// Renders diagnostics for people and machines: one reporter per output format.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
  case text, json, github, sarif
}

public protocol DiagnosticReporter: Sendable {
  func report(_ diagnostics: [Diagnostic]) -> String
}

extension DiagnosticFormat {
  public var reporter: any DiagnosticReporter {
    switch self {
    case .text: TextDiagnosticReporter()
    case .json: JSONDiagnosticReporter()
    case .github: GitHubDiagnosticReporter()
    case .sarif: SARIFDiagnosticReporter()
    }
  }
}

/// `path:line:column: error: message [code]`, notes indented below, and a count.
public struct TextDiagnosticReporter: DiagnosticReporter {
  public init() {}

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
  public init() {}

  public func report(_ diagnostics: [Diagnostic]) -> String {
    JSON.array(diagnostics.map(Self.json)).rendered() + "\n"
  }

  static func position(_ p: SourcePosition) -> [(String, JSON)] {
    [("file", .string(p.file)), ("line", p.location.map { .number($0.line) } ?? .null),
     ("column", p.location.map { .number($0.column) } ?? .null)]
  }

  static func json(_ d: Diagnostic) -> JSON {
    .object(
      position(d.position) + [
        ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message)),
        ("notes", .array(d.notes.map { .object(position($0.position) + [("message", .string($0.message))]) })),
      ])
  }
}

/// GitHub Actions workflow commands, which GitHub shows as annotations on the pull request.
public struct GitHubDiagnosticReporter: DiagnosticReporter {
  public init() {}

  public func report(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { d in
      var properties = ["file=\(Self.escapeProperty(d.position.file))"]
      if let location = d.position.location {
        properties += ["line=\(location.line)", "col=\(location.column)"]
      }
      properties.append("title=\(Self.escapeProperty(d.code))")
      var message = d.message
      for note in d.notes { message += "\n\(note.position): \(note.message)" }
      return "::\(d.severity.rawValue) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
    }.joined()
  }

  /// The message part: `%`, CR and LF are percent-encoded.
  public static func escapeData(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// A property value: as data, and `:` and `,` too.
  public static func escapeProperty(_ s: String) -> String {
    escapeData(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }
}

/// SARIF 2.1.0, for code-scanning dashboards.
public struct SARIFDiagnosticReporter: DiagnosticReporter {
  public init() {}

  public func report(_ diagnostics: [Diagnostic]) -> String {
    let codes = Check.all.map(\.code)
    let rules: [JSON] = Check.all.map { check in
      .object([
        ("id", .string(check.code)),
        ("shortDescription", .object([("text", .string(check.summary))])),
        ("defaultConfiguration", .object([("level", .string(check.severity.rawValue))])),
      ])
    }
    let results: [JSON] = diagnostics.map { d in
      var result: [(String, JSON)] = [("ruleId", .string(d.code))]
      if let index = codes.firstIndex(of: d.code) { result.append(("ruleIndex", .number(index))) }
      result += [
        ("level", .string(d.severity.rawValue)),
        ("message", .object([("text", .string(d.message))])),
        ("locations", .array([Self.location(d.position)])),
      ]
      if !d.notes.isEmpty {
        result.append(
          ("relatedLocations", .array(d.notes.enumerated().map { i, note in
            var location = Self.location(note.position)
            if case .object(var pairs) = location {
              pairs.insert(("id", .number(i)), at: 0)
              pairs.append(("message", .object([("text", .string(note.message))])))
              location = .object(pairs)
            }
            return location
          })))
      }
      return .object(result)
    }
    let sarif: JSON = .object([
      ("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
      ("version", "2.1.0"),
      ("runs", .array([
        .object([
          ("tool", .object([("driver", .object([
            ("name", "psyreg"), ("informationUri", "https://github.com/psyreg/psyreg"), ("rules", .array(rules)),
          ]))])),
          ("results", .array(results)),
        ])
      ])),
    ])
    return sarif.rendered() + "\n"
  }

  static func location(_ p: SourcePosition) -> JSON {
    var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(p.file))]))]
    if let l = p.location {
      physical.append(("region", .object([("startLine", .number(l.line)), ("startColumn", .number(l.column))])))
    }
    return .object([("physicalLocation", .object(physical))])
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
