import CYAML

/// Reads one YAML document into a positioned tree with libyaml's event API.
///
/// Every problem becomes a `YAMLIssue` with its place; reading never traps. Duplicate keys
/// are all reported, aliases are expanded with a bound, and more than one document
/// is an error because a rule file is one document.
package struct YAMLReader: Sendable {
  /// The most nodes that aliases may add to one document before it counts as an alias bomb.
  package var maxAliasExpansion: Int
  /// The most text (scalar bytes) that aliases may add: a 1 MB scalar aliased thousands of
  /// times is an alias bomb too, though it adds few nodes.
  package var maxAliasBytes: Int
  /// The deepest nesting of sequences and mappings: rule files need a handful of levels, and a
  /// bound keeps a 70,000-level file from exhausting the stack.
  package var maxDepth: Int
  /// The most nodes one document may hold.
  package var maxNodes: Int

  package init(
    maxAliasExpansion: Int = 100_000, maxAliasBytes: Int = 4 << 20, maxDepth: Int = 256, maxNodes: Int = 2_000_000
  ) {
    self.maxAliasExpansion = maxAliasExpansion
    self.maxAliasBytes = maxAliasBytes
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
  }

  package struct Result: Sendable {
    /// The document, unless a fatal issue stopped reading.
    package var root: YAMLNode?
    package var issues: [YAMLIssue]
  }

  package func read(_ bytes: [UInt8]) -> Result {
    var issues: [YAMLIssue] = []
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) {
      issues.append(YAMLIssue(.byteOrderMark, at: SourceLocation(line: 1, column: 1)))
      body = body.dropFirst(3)
    }
    if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      issues.append(YAMLIssue(.empty, at: SourceLocation(line: 1, column: 1)))
      return Result(root: nil, issues: issues)
    }
    if let offset = body.firstIndex(of: 0) {
      let location = Self.location(ofByte: offset - body.startIndex, in: Array(body))
      issues.append(YAMLIssue(.binaryContent, at: location))
      return Result(root: nil, issues: issues)
    }
    var builder = TreeBuilder(limits: self)
    body.withUnsafeBufferPointer { builder.run($0) }
    issues += builder.issues
    let fatal = builder.issues.contains { $0.isFatal }
    if builder.documentCount == 0 && !fatal {
      issues.append(YAMLIssue(.empty, at: SourceLocation(line: 1, column: 1)))
    }
    return Result(root: fatal ? nil : builder.root, issues: issues)
  }

  /// The 1-based line and column (in characters) of a byte offset, for libyaml's reader
  /// errors, which only give an offset.
  static func location(ofByte offset: Int, in bytes: [UInt8]) -> SourceLocation {
    var line = 1
    var column = 1
    var index = 0
    while index < offset && index < bytes.count {
      let byte = bytes[index]
      // LF, CRLF and a lone CR each end a line, as libyaml counts them.
      if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 && byte != 0x0D {
        column += 1
      }
      index += 1
    }
    return SourceLocation(line: line, column: column)
  }
}

/// Turns libyaml events into `YAMLNode`s. Finished children wait on one flat stack and
/// are moved into their parent when it ends, so no array is copied while it grows.
private struct TreeBuilder {
  let limits: YAMLReader
  var issues: [YAMLIssue] = []
  var root: YAMLNode?
  var documentCount = 0

  /// An open sequence or mapping: where it starts and where its children begin on `pending`.
  private struct Frame {
    var isMapping: Bool
    var location: SourceLocation
    var anchor: String?
    var firstChild: Int
  }

  private var frames: [Frame] = []
  private var pending: [YAMLNode] = []
  private var anchors: [String: YAMLNode] = [:]
  private var expanded = 0
  private var expandedBytes = 0
  private var nodes = 0

  init(limits: YAMLReader) {
    self.limits = limits
  }

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  mutating func run(_ input: UnsafeBufferPointer<UInt8>) {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else {
      issues.append(YAMLIssue(.syntax(problem: "libyaml could not start", context: nil, tab: false), at: nil))
      return
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) != 0 else {
        reportParserError(parser, input: input)
        return
      }
      let done = event.type == YAML_STREAM_END_EVENT
      let keepGoing = handle(event, input: input)
      yaml_event_delete(&event)
      if done || !keepGoing { return }
    }
  }

  private mutating func reportParserError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    if parser.error == YAML_READER_ERROR {
      let bytes = Array(input)
      var offset = min(Int(parser.problem_offset), bytes.count)
      // libyaml points at the bad trailing byte; point at the character it belongs to.
      if problem.contains("trailing") {
        while offset > 0 && bytes[offset - 1] & 0xC0 == 0x80 { offset -= 1 }
        if offset > 0 && bytes[offset - 1] >= 0xC0 { offset -= 1 }
      }
      issues.append(YAMLIssue(.encoding(problem), at: YAMLReader.location(ofByte: offset, in: bytes)))
      return
    }
    let context = parser.context.map { String(cString: $0) }
    let offset = Int(parser.problem_mark.index)
    let tab = offset < input.count && input[offset] == 0x09
    var related: SourceLocation?
    if parser.context != nil,
      parser.context_mark.line != parser.problem_mark.line
        || parser.context_mark.column != parser.problem_mark.column
    {
      related = location(parser.context_mark)
    }
    issues.append(
      YAMLIssue(
        .syntax(problem: problem, context: context, tab: tab), at: location(parser.problem_mark), related: related))
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
    guard let pointer else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  /// Handles one event; false stops reading.
  private mutating func handle(_ event: yaml_event_t, input: UnsafeBufferPointer<UInt8>) -> Bool {
    let location = location(event.start_mark)
    switch event.type {
    case YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      nodes += 1
      if nodes > limits.maxNodes {
        issues.append(YAMLIssue(.nodeLimit(limits.maxNodes), at: location))
        return false
      }
      if event.type != YAML_SCALAR_EVENT && frames.count >= limits.maxDepth {
        issues.append(YAMLIssue(.nestingLimit(limits.maxDepth), at: location))
        return false
      }
    default:
      break
    }
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documentCount += 1
      if documentCount > 1 {
        issues.append(YAMLIssue(.multipleDocuments, at: location))
        return false
      }
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let value = Self.string(scalar.value, length: scalar.length)
      let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
      if isPlain { checkCommentAfter(value, end: event.end_mark, input: input) }
      let node = YAMLNode(.scalar(YAMLScalar(value: value, isPlain: isPlain)), at: location)
      add(node, anchor: Self.string(scalar.anchor))
    case YAML_SEQUENCE_START_EVENT:
      frames.append(
        Frame(
          isMapping: false, location: location, anchor: Self.string(event.data.sequence_start.anchor),
          firstChild: pending.count))
    case YAML_MAPPING_START_EVENT:
      frames.append(
        Frame(
          isMapping: true, location: location, anchor: Self.string(event.data.mapping_start.anchor),
          firstChild: pending.count))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = frames.popLast() else { return true }
      let children = Array(pending[frame.firstChild...])
      pending.removeSubrange(frame.firstChild...)
      if frame.isMapping {
        add(YAMLNode(.mapping(pairs(children)), at: frame.location), anchor: frame.anchor)
      } else {
        add(YAMLNode(.sequence(children), at: frame.location), anchor: frame.anchor)
      }
    case YAML_ALIAS_EVENT:
      let name = Self.string(event.data.alias.anchor) ?? ""
      guard var node = anchors[name] else {
        issues.append(YAMLIssue(.unknownAlias(name), at: location))
        return false
      }
      expanded += node.size
      if expanded > limits.maxAliasExpansion {
        issues.append(YAMLIssue(.aliasLimit(limits.maxAliasExpansion), at: location))
        return false
      }
      // Walking the node costs no more than its size, which the bound above already counts.
      expandedBytes += node.scalarBytes
      if expandedBytes > limits.maxAliasBytes {
        issues.append(YAMLIssue(.aliasBytesLimit(limits.maxAliasBytes), at: location))
        return false
      }
      node.location = location
      add(node, anchor: nil)
    default:
      break
    }
    return true
  }

  /// A plain value followed by ` #38`: YAML reads a comment there and cuts the value short
  /// ("(ACMS #38)" becomes "(ACMS"). Comments meant as comments have a space after `#`.
  private mutating func checkCommentAfter(_ value: String, end: yaml_mark_t, input: UnsafeBufferPointer<UInt8>) {
    var index = Int(end.index)
    var column = Int(end.column)
    while index < input.count, input[index] == 0x20 || input[index] == 0x09 {
      index += 1
      column += 1
    }
    guard index + 1 < input.count, input[index] == UInt8(ascii: "#"), index > Int(end.index) else { return }
    let next = input[index + 1]
    guard next != 0x20, next != 0x09, next != 0x0A, next != 0x0D, next != UInt8(ascii: "#") else { return }
    var stop = index
    while stop < input.count, input[stop] != 0x0A, input[stop] != 0x0D { stop += 1 }
    let comment = String(decoding: UnsafeBufferPointer(rebasing: input[index..<stop]), as: UTF8.self)
    issues.append(
      YAMLIssue(
        .commentInValue(value: value, comment: comment),
        at: SourceLocation(line: Int(end.line) + 1, column: column + 1)))
  }

  private mutating func add(_ node: YAMLNode, anchor: String?) {
    if let anchor { anchors[anchor] = node }
    if frames.isEmpty {
      root = node
    } else {
      pending.append(node)
    }
  }

  /// Keys and values alternate; every key given again is reported, with the first.
  private mutating func pairs(_ children: [YAMLNode]) -> [YAMLPair] {
    var pairs: [YAMLPair] = []
    pairs.reserveCapacity(children.count / 2)
    // Rule mappings are small, where a linear search beats hashing; large ones (generated or
    // hostile) get a dictionary so that the search stays linear overall.
    let hashed = children.count > 32
    var firstKey: [String: SourceLocation] = [:]
    var index = 0
    while index + 1 < children.count {
      let key = children[index]
      if let name = key.scalar?.value {
        let first: SourceLocation?
        if hashed {
          first = firstKey[name]
          if first == nil { firstKey[name] = key.location }
        } else {
          first = pairs.first(where: { $0.key.scalar?.value == name })?.key.location
        }
        if let first {
          issues.append(YAMLIssue(.duplicateKey(name, first: first), at: key.location))
        }
      }
      pairs.append(YAMLPair(key: key, value: children[index + 1]))
      index += 2
    }
    return pairs
  }

}
