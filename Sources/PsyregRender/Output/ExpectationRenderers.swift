import PsyregCore

/// The formats `psyreg test` reports in, each with its renderer.
public enum ExpectationFormat: String, Sendable, CaseIterable {
  case text, junit

  /// The renderer that writes this format; `verbose` lists passing cases too (text only).
  public func renderer(verbose: Bool = false) -> any ExpectationRenderer {
    switch self {
    case .text: ExpectationTextRenderer(verbose: verbose)
    case .junit: JUnitRenderer()
    }
  }
}

/// Lays out the results of the expectation tests in one format.
public protocol ExpectationRenderer: Sendable {
  /// The whole output for the results, in the order given.
  func render(_ results: [ExpectationResult]) -> String
}

/// `path:line:column: error: test failed: name` and the explanation below each failure, then a count.
public struct ExpectationTextRenderer: ExpectationRenderer {
  /// List passing cases too.
  public var verbose: Bool

  /// A text renderer; `verbose` lists passing cases too.
  public init(verbose: Bool = false) { self.verbose = verbose }

  /// Each failure with its explanation (and each pass when verbose), then "N passed, M failed".
  public func render(_ results: [ExpectationResult]) -> String {
    var out = ""
    for result in results {
      let c = result.testCase
      if result.passed {
        if verbose { out += "\(c.origin): pass: \(c.name)\n" }
        continue
      }
      out += "\(c.origin): error: test failed: \(c.name)\n"
      for line in Self.details(result) { out += "    \(line)\n" }
    }
    let failed = results.filter { !$0.passed }.count
    out += "\(results.count - failed) passed, \(failed) failed\n"
    return out
  }

  /// What a failed case asked, what differed, and what each layer answered, one line each.
  public static func details(_ result: ExpectationResult) -> [String] {
    let c = result.testCase
    var question = "question: \(c.substance) in \(c.jurisdiction), \(c.activity.rawValue), on \(c.date)"
    if !c.facts.isEmpty {
      question += " with " + c.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
    var lines = [question] + result.failures
    if let answer = result.answer {
      for layer in answer.layers + answer.beside {
        var line = "layer \(layer.jurisdiction.id): \(layer.verdict.rawValue)"
        if let entry = layer.governing {
          line += " by '\(entry.title)' (\(entry.date?.description ?? "initial"))"
          if let l = entry.origin.line { line += " at \(entry.origin.file):\(l)" }
        } else {
          line += " (no rule)"
        }
        lines.append(line)
      }
    }
    return lines
  }
}

/// `psyreg test --format junit`: JUnit XML for CI test reports. One `testsuite` per test
/// file, one `testcase` per case (`classname` from the file's path, `name` the case's name,
/// `file` and `line` where it is written); a failed case has a `failure` whose message is
/// the first difference and whose body is the whole explanation; a case whose names cannot
/// be resolved has an `error` instead. Everything is XML-escaped.
public struct JUnitRenderer: ExpectationRenderer {
  /// The `testsuites` element's name.
  public var name: String

  /// A JUnit renderer whose `testsuites` element is called `name`.
  public init(name: String = "psyreg") { self.name = name }

  /// One JUnit XML document for all the results.
  public func render(_ results: [ExpectationResult]) -> String {
    var files: [String] = []
    var byFile: [String: [ExpectationResult]] = [:]
    for result in results {
      let file = result.testCase.origin.file
      if byFile[file] == nil { files.append(file) }
      byFile[file, default: []].append(result)
    }
    let failures = results.filter { !$0.passed && $0.answer != nil }.count
    let errors = results.filter { !$0.passed && $0.answer == nil }.count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out +=
      "<testsuites name=\"\(XMLEscaper.attribute(name))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
    for file in files {
      let cases = byFile[file]!
      let failed = cases.filter { !$0.passed && $0.answer != nil }.count
      let erred = cases.filter { !$0.passed && $0.answer == nil }.count
      out +=
        "  <testsuite name=\"\(XMLEscaper.attribute(file))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"\(erred)\""
      out += " skipped=\"0\" file=\"\(XMLEscaper.attribute(file))\">\n"
      for result in cases {
        let c = result.testCase
        out +=
          "    <testcase classname=\"\(XMLEscaper.attribute(Self.className(file)))\" name=\"\(XMLEscaper.attribute(c.name))\""
        out += " file=\"\(XMLEscaper.attribute(file))\"" + (c.origin.line.map { " line=\"\($0)\"" } ?? "")
        if result.passed {
          out += "/>\n"
          continue
        }
        let element = result.answer == nil ? "error" : "failure"
        let message = result.failures.first ?? "failed"
        let body = ["\(c.origin): \(c.name)"] + ExpectationTextRenderer.details(result)
        out +=
          ">\n      <\(element) message=\"\(XMLEscaper.attribute(message))\" type=\"\(result.answer == nil ? "unresolved" : "expectation")\">"
        out += XMLEscaper.text(body.joined(separator: "\n"))
        out += "</\(element)>\n    </testcase>\n"
      }
      out += "  </testsuite>\n"
    }
    out += "</testsuites>\n"
    return out
  }

  /// "Rules/tests/oregon.yaml" → "Rules.tests.oregon", the dotted form JUnit readers group by.
  static func className(_ file: String) -> String {
    var path = Substring(file)
    for suffix in [".yaml", ".yml"] where path.hasSuffix(suffix) {
      path = path.dropLast(suffix.count)
    }
    return path.split(separator: "/").joined(separator: ".")
  }
}
