import PsyregCore

/// The query string of a request, decoded as HTML forms encode it (`+` is a space, `%XX` a
/// byte, UTF-8), within the server's limits.
struct Query: Sendable {
  private(set) var pairs: [(name: String, value: String)] = []

  /// Limits on what one request may ask: bytes of the query, parameters, bytes of a value.
  enum Limits {
    static let queryBytes = 2048
    static let parameters = 24
    static let valueBytes = 256
    static let facts = 8
    static let pathBytes = 512
  }

  init(_ raw: String?) throws(Problem) {
    guard let raw, !raw.isEmpty else { return }
    if raw.utf8.count > Limits.queryBytes {
      throw Problem.badRequest(
        "query-too-long", "The query string is too long",
        "The query string has \(raw.utf8.count) bytes; at most \(Limits.queryBytes) are accepted.")
    }
    for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
      let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = try Self.decode(halves[0])
      let value = halves.count > 1 ? try Self.decode(halves[1]) : ""
      if value.utf8.count > Limits.valueBytes {
        throw Problem.badRequest(
          "value-too-long", "A parameter is too long",
          "The value of '\(Problem.clip(name))' has \(value.utf8.count) bytes; at most \(Limits.valueBytes) are accepted.",
          parameter: name)
      }
      pairs.append((name, value))
    }
    if pairs.count > Limits.parameters {
      throw Problem.badRequest(
        "too-many-parameters", "Too many parameters",
        "The query has \(pairs.count) parameters; at most \(Limits.parameters) are accepted.")
    }
  }

  /// The first value of a parameter; an empty value counts as absent.
  subscript(_ name: String) -> String? {
    guard let value = pairs.first(where: { $0.name == name })?.value else { return nil }
    let trimmed = value.trimmingSpaces
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Every non-empty value of a parameter.
  func all(_ name: String) -> [String] {
    pairs.filter { $0.name == name }.map(\.value.trimmingSpaces).filter { !$0.isEmpty }
  }

  /// A required parameter.
  func required(_ name: String) throws(Problem) -> String {
    guard let value = self[name] else {
      throw Problem.badRequest(
        "missing-parameter", "A required parameter is missing", "The parameter '\(name)' is required.",
        parameter: name)
    }
    return value
  }

  /// `on`, `from`, `to`: a YYYY-MM-DD date.
  func date(_ name: String) throws(Problem) -> CivilDate? {
    guard let text = self[name] else { return nil }
    guard let date = CivilDate(text) else {
      throw Problem.badRequest(
        "malformed-date", "A date is malformed",
        "'\(Problem.clip(text))' is not a date; '\(name)' takes a calendar date written YYYY-MM-DD.", parameter: name)
    }
    return date
  }

  /// `activity`: one of the vocabulary's activities.
  func activity() throws(Problem) -> Activity? {
    guard let text = self["activity"] else { return nil }
    guard let activity = Activity(rawValue: text.lowercased()) else {
      throw Problem.badRequest(
        "unknown-activity", "The activity is not one psyreg knows",
        "'\(Problem.clip(text))' is not an activity; use one of \(Activity.allCases.map(\.rawValue).joined(separator: ", ")).",
        parameter: "activity", extra: [("allowed", .array(Activity.allCases.map { .string($0.rawValue) }))])
    }
    return activity
  }

  /// `fact=age=21` (repeatable): the facts to check conditions against.
  func facts() throws(Problem) -> Facts {
    let given = all("fact")
    if given.count > Limits.facts {
      throw Problem.badRequest(
        "too-many-facts", "Too many facts", "At most \(Limits.facts) facts are accepted.", parameter: "fact")
    }
    var values: [String: String] = [:]
    for pair in given {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw Problem.badRequest(
          "malformed-fact", "A fact is malformed",
          "A fact is NAME=VALUE (age=21, indication=ptsd, prescriber=psychiatrist), not '\(Problem.clip(pair))'.",
          parameter: "fact")
      }
      values[parts[0]] = parts[1]
    }
    do {
      return try Facts(values)
    } catch {
      throw Problem.badRequest("malformed-fact", "A fact is not understood", error.description, parameter: "fact")
    }
  }

  /// Percent-decodes one name or value; `+` is a space. Malformed escapes and invalid UTF-8
  /// are a 400.
  static func decode(_ s: Substring) throws(Problem) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count)
    var iterator = s.utf8.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
      case UInt8(ascii: "%"):
        guard let high = iterator.next().flatMap(hex), let low = iterator.next().flatMap(hex) else {
          throw Problem.badRequest(
            "malformed-query", "The query string is malformed", "A '%' in the query is not followed by two hex digits.")
        }
        bytes.append(high << 4 | low)
      default: bytes.append(byte)
      }
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw Problem.badRequest("malformed-query", "The query string is malformed", "The query is not valid UTF-8.")
    }
    if text.unicodeScalars.contains(where: { $0.value == 0 }) {
      throw Problem.badRequest("malformed-query", "The query string is malformed", "The query contains a NUL character.")
    }
    return text
  }

  private static func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while let first = s.first, first.isWhitespace { s.removeFirst() }
    while let last = s.last, last.isWhitespace { s.removeLast() }
    return String(s)
  }
}
