import PsyregYAML

extension Diagnostic {
  /// The catalogued diagnostic for a problem the YAML reader found in `file`.
  init(_ issue: YAMLIssue, in file: String) {
    let at = SourcePosition(file: file, location: issue.location)
    switch issue.kind {
    case .byteOrderMark: self = .byteOrderMark(at: at)
    case .empty: self = .emptyFile(file)
    case .binaryContent: self = .binaryContent(at: at)
    case .encoding(let problem): self = .encoding(problem, at: at)
    case .syntax(let problem, let context, let tab):
      var message = context.map { "\($0), \(problem)" } ?? problem
      if tab { message += " (a tab: YAML indents with spaces only)" }
      let notes = issue.related.map {
        [Note("the construct that was being read starts here", at: SourcePosition(file: file, location: $0))]
      }
      self = .syntax(message, at: at, notes: notes ?? [])
    case .multipleDocuments: self = .multipleDocuments(at: at)
    case .duplicateKey(let key, let first):
      self = .duplicateKey(key, at: at, first: SourcePosition(file: file, location: first))
    case .commentInValue(let value, let comment): self = .commentInValue(value, comment: comment, at: at)
    case .unknownAlias(let name): self = .unknownAlias(name, at: at)
    case .aliasLimit(let limit): self = .aliasExpansion(limit: limit, at: at)
    case .aliasBytesLimit(let limit): self = .aliasBytes(limit: limit, at: at)
    case .nestingLimit(let limit): self = .nestingLimit(limit, at: at)
    case .nodeLimit(let limit): self = .nodeLimit(limit, at: at)
    }
  }
}
