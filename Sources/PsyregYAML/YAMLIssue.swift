/// A problem the reader found in a YAML file. The reader knows nothing of rule files or
/// check codes: the loader turns each issue into a catalogued diagnostic.
package struct YAMLIssue: Sendable, Hashable {
  package enum Kind: Sendable, Hashable {
    /// The bytes start with a UTF-8 byte-order mark (reading goes on without it).
    case byteOrderMark
    /// Nothing but white space and comments.
    case empty
    /// A NUL byte: binary, not text.
    case binaryContent
    /// Bytes that are not UTF-8; the text is libyaml's reader problem.
    case encoding(String)
    /// libyaml's parser problem, with the context it gives; `tab` when a tab caused it.
    case syntax(problem: String, context: String?, tab: Bool)
    /// A second `---` document.
    case multipleDocuments
    /// A key given twice in one mapping; `first` is where it was first given.
    case duplicateKey(String, first: SourceLocation)
    /// A plain value followed by ` #…`: YAML reads a comment there.
    case commentInValue(value: String, comment: String)
    /// An alias whose anchor is not defined before it.
    case unknownAlias(String)
    /// Aliases expanding beyond the reader's bound on nodes.
    case aliasLimit(Int)
    /// Aliases expanding beyond the reader's bound on text (bytes).
    case aliasBytesLimit(Int)
    /// Sequences and mappings nested deeper than the bound.
    case nestingLimit(Int)
    /// More nodes in one document than the bound.
    case nodeLimit(Int)
  }

  package var kind: Kind
  /// Where the problem is; nil for problems of the whole file.
  package var location: SourceLocation?
  /// A second place that explains the problem (where the construct being read starts).
  package var related: SourceLocation?

  package init(_ kind: Kind, at location: SourceLocation?, related: SourceLocation? = nil) {
    self.kind = kind
    self.location = location
    self.related = related
  }

  /// Problems after which the file has no tree (all but the warnings).
  package var isFatal: Bool {
    switch kind {
    case .byteOrderMark, .commentInValue: false
    default: true
    }
  }
}
