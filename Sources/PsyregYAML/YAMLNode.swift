/// A YAML node that remembers where it starts. Scalars stay strings: typing them is the
/// schema's job, so a bare `no` is Norway and not `false`.
package struct YAMLNode: Sendable {
  package enum Content: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  package var content: Content
  package var location: SourceLocation
  /// Nodes in this subtree, itself included: bounds alias expansion.
  package var size: Int

  package init(_ content: Content, at location: SourceLocation) {
    self.content = content
    self.location = location
    switch content {
    case .scalar: size = 1
    case .sequence(let items): size = 1 + items.reduce(0) { $0 + $1.size }
    case .mapping(let pairs): size = 1 + pairs.reduce(0) { $0 + $1.key.size + $1.value.size }
    }
  }

  /// The bytes of every scalar in this subtree, keys included.
  package var scalarBytes: Int {
    switch content {
    case .scalar(let s): s.value.utf8.count
    case .sequence(let items): items.reduce(0) { $0 + $1.scalarBytes }
    case .mapping(let pairs): pairs.reduce(0) { $0 + $1.key.scalarBytes + $1.value.scalarBytes }
    }
  }

  package var scalar: YAMLScalar? {
    if case .scalar(let s) = content { return s }
    return nil
  }

  package var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  package var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// A plain empty scalar, `~` or `null`: the value was left out.
  package var isNull: Bool {
    guard let s = scalar, s.isPlain else { return false }
    return s.value.isEmpty || s.value == "~" || s.value == "null" || s.value == "Null"
      || s.value == "NULL"
  }

  /// A short name for the kind of node, for messages ("found a list").
  package var kindDescription: String {
    switch content {
    case .scalar: isNull ? "nothing" : "a scalar"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }
}

package struct YAMLScalar: Sendable, Hashable {
  package var value: String
  /// Written without quotes or block indicators (only plain scalars can mean null).
  package var isPlain: Bool
}

package struct YAMLPair: Sendable {
  package var key: YAMLNode
  package var value: YAMLNode
}
