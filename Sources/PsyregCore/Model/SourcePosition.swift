public import PsyregYAML

/// A 1-based line and column in a rule file (defined by the reader, named here for users of
/// PsyregCore).
public typealias SourceLocation = PsyregYAML.SourceLocation

/// A place in a rule file: the file's path and, where there is one, the line and column.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file's path, as the loader was given it.
  public var file: String
  /// Nil when the position is the whole file or folder (an unreadable file, a folder without rules).
  public var location: SourceLocation?

  /// A position in a file; nil `location` for the file as a whole.
  public init(file: String, location: SourceLocation?) {
    self.file = file
    self.location = location
  }

  /// The 1-based line, if the position has one.
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
