import PsyregCore

/// The query string of a request, decoded as HTML forms encode it (`+` is a space, `%XX` a
/// byte, UTF-8), within the server's limits.
struct Query: Sendable {
  private(set) var pairs: [(name: String, value: String)] = []

  /// Limits on what one request may ask: bytes of the query, parameters, bytes of a value.
  enum Limits {
    static let queryBytes = 16 * 1024
    static let parameters = 24
    /// Characters (Unicode code points, as JSON Schema's `maxLength` counts them).
    static let valueCharacters = 100
    static let facts = 3
    static let pathBytes = 2048
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
      if value.unicodeScalars.count > Limits.valueCharacters {
        throw Problem.badRequest(
          "value-too-long", "A parameter is too long",
          "The value of '\(Problem.clip(name))' has \(value.unicodeScalars.count) characters; at most \(Limits.valueCharacters) are accepted.",
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

  /// Refuses parameters the endpoint does not read (a misspelt `activty=` is an error, not ignored).
  func only(_ names: Set<String>) throws(Problem) {
    if let unknown = pairs.first(where: { !names.contains($0.name) }) {
      throw Problem.badRequest(
        "unknown-parameter", "A parameter is not one this endpoint reads",
        "'\(Problem.clip(unknown.name))' is not a parameter here"
          + (names.isEmpty ? "; this endpoint takes none." : "; it reads \(names.sorted().joined(separator: ", "))."),
        parameter: unknown.name, extra: [("allowed", .array(names.sorted().map { .string($0) }))])
    }
  }

  /// The first value of a parameter; an empty value counts as absent (forms send empty fields).
  subscript(_ name: String) -> String? {
    guard let value = pairs.first(where: { $0.name == name })?.value else { return nil }
    return value.isEmpty ? nil : value
  }

  /// Every non-empty value of a parameter.
  func all(_ name: String) -> [String] {
    pairs.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
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
    if pairs.count(where: { $0.name == "fact" }) > Limits.facts {
      throw Problem.badRequest(
        "too-many-facts", "Too many facts", "At most \(Limits.facts) facts are accepted.", parameter: "fact")
    }
    var values: [String: String] = [:]
    for pair in given {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      // age: digits only, 0 to 150 (leading zeros allowed); indication, prescriber: any text.
      let wellFormed =
        parts.count == 2 && !parts[1].isEmpty
        && (parts[0] != "age"
          || (parts[1].utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            && (Int(parts[1]).map { $0 <= 150 } ?? false)))
      guard wellFormed else {
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
