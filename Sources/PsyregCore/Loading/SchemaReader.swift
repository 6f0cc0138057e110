import PsyregYAML

/// The known keys of a mapping with their values: a few pairs, searched linearly.
struct Fields {
  private(set) var pairs: [(key: String, value: YAMLNode)] = []

  subscript(key: String) -> YAMLNode? {
    get { pairs.first { $0.key == key }?.value }
    set {
      if let newValue, self[key] == nil { pairs.append((key, newValue)) }
    }
  }
}

/// Types the positioned YAML tree by the schema, one value at a time, collecting a
/// diagnostic for every value that does not fit and carrying on with the rest.
struct SchemaReader {
  let file: String
  var diagnostics = ProblemList()

  init(file: String) { self.file = file }

  func position(_ node: YAMLNode) -> SourcePosition {
    SourcePosition(file: file, location: node.location)
  }

  /// The values of a mapping by key. Reports unknown keys (suggesting the nearest known
  /// one) and missing required keys. Nil when the node is not a mapping.
  mutating func fields(
    _ node: YAMLNode, _ context: String, keys: [String], required: [String]
  ) -> Fields? {
    guard let pairs = node.mapping else {
      diagnostics.append(
        .wrongType(expected: "a mapping (\(context))", found: node.kindDescription, at: position(node)))
      return nil
    }
    var values = Fields()
    for pair in pairs {
      guard let key = pair.key.scalar?.value else {
        diagnostics.append(.wrongType(expected: "a plain key", found: pair.key.kindDescription, at: position(pair.key)))
        continue
      }
      guard keys.contains(key) else {
        if diagnostics.isFull {
          diagnostics.append(.unknownKey(key, in: context, suggestion: nil, at: position(pair.key)))
        } else {
          diagnostics.append(
            .unknownKey(key, in: context, suggestion: nearest(key, in: keys), at: position(pair.key)))
        }
        continue
      }
      if values[key] == nil { values[key] = pair.value }
    }
    for key in required where values[key] == nil || values[key]!.isNull {
      if let value = values[key] {
        diagnostics.append(.wrongType(expected: "a value for '\(key)'", found: "nothing", at: position(value)))
      } else {
        diagnostics.append(.missingKey(key, in: context, at: position(node)))
      }
    }
    return values
  }

  /// The pairs of a mapping; an absent or null value is empty, anything else is reported.
  mutating func mapping(_ node: YAMLNode?, of what: String) -> [(key: YAMLNode, value: YAMLNode)] {
    guard let node, !node.isNull else { return [] }
    guard let pairs = node.mapping else {
      diagnostics.append(.wrongType(expected: "a mapping of \(what)", found: node.kindDescription, at: position(node)))
      return []
    }
    return pairs.map { (key: $0.key, value: $0.value) }
  }

  /// The items of a sequence; an absent or null value is empty, anything else is reported.
  mutating func list(_ node: YAMLNode?, of what: String) -> [YAMLNode] {
    guard let node, !node.isNull else { return [] }
    guard let items = node.sequence else {
      diagnostics.append(.wrongType(expected: "a list of \(what)", found: node.kindDescription, at: position(node)))
      return []
    }
    return items
  }

  /// A non-empty text scalar.
  mutating func text(_ node: YAMLNode?) -> String? {
    guard let node, !node.isNull else { return nil }
    guard let scalar = node.scalar, !scalar.value.isEmpty else {
      diagnostics.append(.wrongType(expected: "text", found: node.kindDescription, at: position(node)))
      return nil
    }
    return scalar.value
  }

  /// A list of text scalars; an absent value is empty.
  mutating func textList(_ node: YAMLNode?, of what: String = "text") -> [(String, YAMLNode)] {
    guard let node, !node.isNull else { return [] }
    guard let items = node.sequence else {
      diagnostics.append(.wrongType(expected: "a list of \(what)", found: node.kindDescription, at: position(node)))
      return []
    }
    return items.compactMap { item in text(item).map { ($0, item) } }
  }

  mutating func id(_ node: YAMLNode?, allowingDots: Bool = false) -> String? {
    guard let node, let value = text(node) else { return nil }
    guard Self.isKebab(value) else {
      diagnostics.append(
        .invalidID(
          value, expected: "lower-case letters and digits joined by single hyphens (e.g. 'us-or')", at: position(node)))
      return nil
    }
    guard value.utf8.count <= Self.maxIDLength else {
      diagnostics.append(.invalidID(value, expected: "at most \(Self.maxIDLength) characters", at: position(node)))
      return nil
    }
    return value
  }

  /// Ids are names people type; a bound keeps every later step (suggestions, indexes) small.
  static let maxIDLength = 64

  static func isKebab(_ value: String) -> Bool {
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    return !value.isEmpty
      && parts.allSatisfy { part in
        !part.isEmpty && part.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
      }
  }

  mutating func date(_ node: YAMLNode?) -> CivilDate? {
    guard let node, let value = text(node) else { return nil }
    switch CivilDate.parse(value) {
    case .success(let date): return date
    case .failure(.malformed):
      diagnostics.append(.malformedDate(value, at: position(node)))
    case .failure(.impossible):
      diagnostics.append(.impossibleDate(value, at: position(node)))
    }
    return nil
  }

  mutating func choice<T: CaseIterable & RawRepresentable>(
    _ node: YAMLNode?, _ type: T.Type, code: CheckCode, what: String
  ) -> T? where T.RawValue == String {
    guard let node, let value = text(node) else { return nil }
    if let result = T(rawValue: value) { return result }
    let allowed = T.allCases.map(\.rawValue)
    diagnostics.append(.unknownValue(code, value, what: what, allowed: allowed, at: position(node)))
    return nil
  }

  mutating func integer(_ node: YAMLNode?, what: String) -> Int? {
    guard let node, let value = text(node) else { return nil }
    guard let number = Int(value), number >= 0 else {
      diagnostics.append(.wrongType(expected: "\(what) (a whole number)", found: "'\(value)'", at: position(node)))
      return nil
    }
    return number
  }

  mutating func boolean(_ node: YAMLNode?) -> Bool? {
    guard let node, let value = text(node) else { return nil }
    switch value {
    case "true": return true
    case "false": return false
    default:
      diagnostics.append(.wrongType(expected: "true or false", found: "'\(value)'", at: position(node)))
      return nil
    }
  }

  /// What every rule cites: its `instrument`, its `sources` (at least one http(s) URL) and its
  /// `confidence`. Each part is nil (or empty) where it is missing or wrong, and reported.
  mutating func citation(_ f: Fields, owner: YAMLNode) -> (
    instrument: String?, sources: [String], confidence: Confidence?
  ) {
    let citation = (
      instrument: text(f["instrument"]), sources: sources(f["sources"], required: true, owner: owner),
      confidence: choice(f["confidence"], Confidence.self, code: .valueUnknownConfidence, what: "confidence")
    )
    // An entry may cite weak sources beside better ones, or alone when it says it is uncertain.
    if citation.confidence != .uncertain, !citation.sources.isEmpty,
      citation.sources.allSatisfy({ SourceQuality.of($0) == .weak }),
      let first = f["sources"]?.sequence?.first ?? f["sources"]
    {
      diagnostics.append(.weakSourcesOnly(citation.sources, at: position(first)))
    }
    return citation
  }

  /// `sources`: at least one http(s) URL when required.
  mutating func sources(_ node: YAMLNode?, required: Bool, owner: YAMLNode) -> [String] {
    let list = textList(node, of: "URLs")
    var urls: [String] = []
    for (value, item) in list {
      if Self.isHTTPURL(value) {
        urls.append(value)
      } else {
        diagnostics.append(.notAURL(value, at: position(item)))
      }
    }
    if required && list.isEmpty {
      diagnostics.append(.missingSource(at: position(node ?? owner)))
    }
    return urls
  }

  /// `http://` or `https://` (any case), a host, and no spaces.
  static func isHTTPURL(_ value: String) -> Bool {
    let bytes = value.utf8
    func lower(_ b: UInt8) -> UInt8 { (0x41...0x5A).contains(b) ? b + 0x20 : b }
    var index = bytes.startIndex
    for expected in "http".utf8 {
      guard index != bytes.endIndex, lower(bytes[index]) == expected else { return false }
      index = bytes.index(after: index)
    }
    if index != bytes.endIndex, lower(bytes[index]) == UInt8(ascii: "s") { index = bytes.index(after: index) }
    for expected in "://".utf8 {
      guard index != bytes.endIndex, bytes[index] == expected else { return false }
      index = bytes.index(after: index)
    }
    guard index != bytes.endIndex, !"/?#".utf8.contains(bytes[index]) else { return false }
    return !bytes.contains(UInt8(ascii: " "))
  }
}

/// A file's diagnostics, capped: a generated or hostile file with 100,000 bad keys gets the
/// first hundreds reported and a count of the rest, not 100,000 lines.
struct ProblemList {
  /// The most diagnostics one file reports.
  static let limit = 200

  private(set) var items: [Diagnostic] = []
  /// How many were left out after the limit.
  private(set) var suppressed = 0

  mutating func append(_ diagnostic: Diagnostic) {
    if items.count < Self.limit { items.append(diagnostic) } else { suppressed += 1 }
  }

  /// Whether more problems would only be counted, so their messages need not be built.
  var isFull: Bool { items.count >= Self.limit }
}
