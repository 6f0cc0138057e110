/// A YAML node that remembers where it starts. Scalars stay strings: typing them is the
/// schema's job, so a bare `no` is Norway and not `false`.
public struct YAMLNode: Sendable {
  public enum Content: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public var content: Content
  public var location: SourceLocation
  /// Nodes in this subtree, itself included: bounds alias expansion.
  public var size: Int

  public init(_ content: Content, at location: SourceLocation) {
    self.content = content
    self.location = location
    switch content {
    case .scalar: size = 1
    case .sequence(let items): size = 1 + items.reduce(0) { $0 + $1.size }
    case .mapping(let pairs): size = 1 + pairs.reduce(0) { $0 + $1.key.size + $1.value.size }
    }
  }

  public var scalar: YAMLScalar? {
    if case .scalar(let s) = content { return s }
    return nil
  }

  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// A plain empty scalar, `~` or `null`: the value was left out.
  public var isNull: Bool {
    guard let s = scalar, s.isPlain else { return false }
    return s.value.isEmpty || s.value == "~" || s.value == "null" || s.value == "Null"
      || s.value == "NULL"
  }

  /// A short name for the kind of node, for messages ("found a list").
  public var kindDescription: String {
    switch content {
    case .scalar: isNull ? "nothing" : "a scalar"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }
}

public struct YAMLScalar: Sendable, Hashable {
  public var value: String
  /// Written without quotes or block indicators (only plain scalars can mean null).
  public var isPlain: Bool
}

public struct YAMLPair: Sendable {
  public var key: YAMLNode
  public var value: YAMLNode
}
