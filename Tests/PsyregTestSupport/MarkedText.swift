import PsyregCore

/// Text with markers (`↓`, `①`, `②`, …) where diagnostics and their notes must point, as
/// in swift-format's tests. The markers are removed; their places are kept by name.
package struct MarkedText {
  package var text: String
  var markers: [Character: SourceLocation]

  /// The place of `↓`, the main marker.
  package var marker: SourceLocation? { markers["↓"] }

  package init(_ marked: String) {
    var text = ""
    var line = 1
    var column = 1
    var markers: [Character: SourceLocation] = [:]
    for scalar in marked.unicodeScalars {
      if Check.markers.contains(Character(scalar)) {
        markers[Character(scalar)] = SourceLocation(line: line, column: column)
        continue
      }
      text.unicodeScalars.append(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else if scalar != "\u{FEFF}" {
        column += 1
      }
    }
    self.text = text
    self.markers = markers
  }
}

/// Loads rule files given as text; the `↓` markers are stripped and returned by path.
package func loadMarked(_ files: [String: String]) -> (RuleLoader.Output, [String: SourceLocation]) {
  var markers: [String: SourceLocation] = [:]
  var sources: [(path: String, text: String)] = []
  for path in files.keys.sorted() {
    let marked = MarkedText(files[path]!)
    if let marker = marked.marker { markers[path] = marker }
    sources.append((path, marked.text))
  }
  return (RuleLoader().load(sources: sources), markers)
}

/// Loads rule files given as text; every marker is stripped and returned by name, as a
/// position in its file.
package func loadNamedMarkers(_ files: [String: String]) -> (RuleLoader.Output, [Character: SourcePosition]) {
  var markers: [String: [Character: SourceLocation]] = [:]
  var sources: [(path: String, text: String)] = []
  for path in files.keys.sorted() {
    let marked = MarkedText(files[path]!)
    markers[path] = marked.markers
    sources.append((path, marked.text))
  }
  var positions: [Character: SourcePosition] = [:]
  for (path, named) in markers {
    for (name, location) in named { positions[name] = SourcePosition(file: path, location: location) }
  }
  return (RuleLoader().load(sources: sources), positions)
}

/// Loads rule files given as text, without markers.
package func load(_ files: [String: String]) -> RuleLoader.Output {
  loadMarked(files).0
}

/// Compiles rule files given as text; the rules must be free of errors.
package func book(_ files: [String: String]) -> RuleBook {
  let output = load(files)
  precondition(!output.diagnostics.hasErrors, output.diagnostics.map(\.formatted).joined(separator: "\n"))
  return RuleBook(output.rules)
}

package func date(_ text: String) -> CivilDate { CivilDate(text)! }
