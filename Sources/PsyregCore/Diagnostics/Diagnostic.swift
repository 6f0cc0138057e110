public import PsyregYAML

/// A 1-based line and column in a rule file (defined by the reader, named here for users of
/// PsyregCore).
public typealias SourceLocation = PsyregYAML.SourceLocation

/// A place in a rule file: the file's path and, where there is one, the line and column.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var file: String
  public var location: SourceLocation?

  public init(file: String, location: SourceLocation?) {
    self.file = file
    self.location = location
  }

  public var line: Int? { location?.line }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    if a.file != b.file { return a.file < b.file }
    switch (a.location, b.location) {
    case (nil, nil): return false
    case (nil, _): return true
    case (_, nil): return false
    case (let l?, let r?): return l < r
    }
  }

  public var description: String {
    guard let location else { return file }
    return "\(file):\(location.line):\(location.column)"
  }
}

public enum Severity: String, Sendable, Hashable, Comparable {
  case warning
  case error

  public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One problem found in the rule files: where, how bad, what, and the check that found it.
public struct Diagnostic: Sendable, Hashable {
  /// A secondary place that explains the problem ("first defined here").
  public struct Note: Sendable, Hashable {
    public var message: String
    public var position: SourcePosition
    public init(_ message: String, at position: SourcePosition) {
      self.message = message
      self.position = position
    }
  }

  /// The check that found it; its catalogue entry fixes the severity.
  public let code: CheckCode
  public let severity: Severity
  public var message: String
  public var position: SourcePosition
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
  public var hasErrors: Bool { contains { $0.severity == .error } }
  public var hasWarnings: Bool { contains { $0.severity == .warning } }

  /// Diagnostics in file, line, column order; the order of discovery breaks ties.
  public func sortedByPosition() -> [Diagnostic] {
    enumerated().sorted { a, b in
      if a.element.position != b.element.position { return a.element.position < b.element.position }
      return a.offset < b.offset
    }.map(\.element)
  }
}
