/// How bad a diagnostic is: errors make the rules unusable; warnings fail `validate` only with `--strict`.
public enum Severity: String, Sendable, Hashable, Comparable {
  case warning
  case error

  public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One problem found in the rule files: where, how bad, what, and the check that found it.
public struct Diagnostic: Sendable, Hashable {
  /// A secondary place that explains the problem ("first defined here").
  public struct Note: Sendable, Hashable {
    /// What is there ("'mdma' is first defined here").
    public var message: String
    /// The place it points at.
    public var position: SourcePosition
    /// A note pointing at a position.
    public init(_ message: String, at position: SourcePosition) {
      self.message = message
      self.position = position
    }
  }

  /// The check that found it; its catalogue entry fixes the severity.
  public let code: CheckCode
  /// Always `code.severity`.
  public let severity: Severity
  /// What is wrong, in plain words, without the position or code.
  public var message: String
  /// Where the problem is.
  public var position: SourcePosition
  /// Other places that explain it, in the order they are shown.
  public var notes: [Note]

  /// A diagnostic can only be made from a catalogued check, which decides its severity.
  public init(_ code: CheckCode, _ message: String, at position: SourcePosition, notes: [Note] = []) {
    self.code = code
    self.severity = code.severity
    self.message = message
    self.position = position
    self.notes = notes
  }

  /// `path:line:column: error: message [code]`, the form editors and CI logs understand.
  public var formatted: String {
    "\(position): \(severity.rawValue): \(message) [\(code.rawValue)]"
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error (the rules must not be used).
  public var hasErrors: Bool { contains { $0.severity == .error } }
  /// Whether any diagnostic is a warning.
  public var hasWarnings: Bool { contains { $0.severity == .warning } }

  /// Diagnostics in file, line, column order; the order of discovery breaks ties.
  public func sortedByPosition() -> [Diagnostic] {
    enumerated().sorted { a, b in
      if a.element.position != b.element.position { return a.element.position < b.element.position }
      return a.offset < b.offset
    }.map(\.element)
  }
}
