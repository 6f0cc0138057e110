@testable import PsyregCore

/// Text with a `↓` marking where a diagnostic must point, as in swift-format's tests.
struct MarkedText {
  var text: String
  var marker: SourceLocation?

  init(_ marked: String) {
    var text = ""
    var line = 1
    var column = 1
    var marker: SourceLocation?
    for scalar in marked.unicodeScalars {
      if scalar == "↓" {
        marker = SourceLocation(line: line, column: column)
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
    self.marker = marker
  }
}

/// Loads rule files given as text; markers are stripped and returned by path.
func loadMarked(_ files: [String: String]) -> (RuleLoader.Output, [String: SourceLocation]) {
  var markers: [String: SourceLocation] = [:]
  var sources: [(path: String, text: String)] = []
  for path in files.keys.sorted() {
    let marked = MarkedText(files[path]!)
    if let marker = marked.marker { markers[path] = marker }
    sources.append((path, marked.text))
  }
  return (RuleLoader().load(sources: sources), markers)
}

/// Loads rule files given as text, without markers.
func load(_ files: [String: String]) -> RuleLoader.Output {
  loadMarked(files).0
}

/// Compiles rule files given as text; the rules must be free of errors.
func book(_ files: [String: String]) -> RuleBook {
  let output = load(files)
  precondition(!output.diagnostics.hasErrors, output.diagnostics.map(\.formatted).joined(separator: "\n"))
  return RuleBook(output.rules)
}

func date(_ text: String) -> CivilDate { CivilDate(text)! }
