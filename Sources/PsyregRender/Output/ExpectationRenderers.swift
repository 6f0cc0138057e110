import PsyregCore

/// The formats `psyreg test` reports in, each with its renderer.
public enum ExpectationFormat: String, Sendable, CaseIterable {
  case text, junit

  /// The renderer that writes this format; `verbose` lists passing cases too (text only).
  /// `root` is the rules folder, which JUnit class names are relative to.
  public func renderer(verbose: Bool = false, root: String? = nil) -> any ExpectationRenderer {
    switch self {
    case .text: ExpectationTextRenderer(verbose: verbose)
    case .junit: JUnitRenderer(root: root)
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

  /// The rules folder: class names are made relative to it (prefixed with its own name), so
  /// that they do not depend on where the folder is; nil takes the file paths as they are.
  public var root: String?

  /// A JUnit renderer whose `testsuites` element is called `name`.
  public init(name: String = "psyreg", root: String? = nil) {
    self.name = name
    self.root = root
  }

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
      "<testsuites name=\"\(XMLEscaper.attribute(name))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(Self.time(results))\">\n"
    for file in files {
      let cases = byFile[file]!
      let failed = cases.filter { !$0.passed && $0.answer != nil }.count
      let erred = cases.filter { !$0.passed && $0.answer == nil }.count
      out +=
        "  <testsuite name=\"\(XMLEscaper.attribute(file))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"\(erred)\""
      out += " skipped=\"0\" time=\"\(Self.time(cases))\" file=\"\(XMLEscaper.attribute(file))\">\n"
      for result in cases {
        let c = result.testCase
        out +=
          "    <testcase classname=\"\(XMLEscaper.attribute(Self.className(file, root: root)))\" name=\"\(XMLEscaper.attribute(c.name))\""
        out += " file=\"\(XMLEscaper.attribute(file))\"" + (c.origin.line.map { " line=\"\($0)\"" } ?? "")
        out += " time=\"\(Self.time([result]))\""
        if result.passed {
          out += "/>\n"
          continue
        }
        let element = result.answer == nil ? "error" : "failure"
        let message = result.failures.first ?? "failed"
        let body = ["\(c.origin): \(c.name)"] + ExpectationTextRenderer.details(result)
        out +=
          ">\n      <\(element) message=\"\(XMLEscaper.attribute(message))\" type=\"\(result.notAsked?.rawValue ?? "expectation")\">"
        out += XMLEscaper.text(body.joined(separator: "\n"))
        out += "</\(element)>\n    </testcase>\n"
      }
      out += "  </testsuite>\n"
    }
    out += "</testsuites>\n"
    return out
  }

  /// Seconds with microsecond precision, as JUnit readers expect ("0.000412").
  static func time(_ results: [ExpectationResult]) -> String {
    let micros = Int((results.reduce(0) { $0 + $1.seconds } * 1_000_000).rounded())
    let fraction = String(micros % 1_000_000)
    return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
  }

  /// "Rules/tests/oregon.yaml" → "Rules.tests.oregon", the dotted form JUnit readers group by;
  /// with a `root` ("/home/me/psyreg/Rules"), relative to it and prefixed with its name, so
  /// "/home/me/psyreg/Rules/tests/oregon.yaml" is "Rules.tests.oregon" too.
  static func className(_ file: String, root: String? = nil) -> String {
    var file = file
    if let root {
      let trimmed = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
      if file.hasPrefix(trimmed + "/") {
        let name = trimmed.split(separator: "/").last.map(String.init) ?? ""
        file = (name.isEmpty || name == "." || name == ".." ? "" : name + "/") + file.dropFirst(trimmed.count + 1)
      }
    }
    if file.hasPrefix("/") { file = String(file.drop { $0 == "/" }) }
    var path = Substring(file)
    for suffix in [".yaml", ".yml"] where path.hasSuffix(suffix) {
      path = path.dropLast(suffix.count)
    }
    return path.split(separator: "/").joined(separator: ".")
  }
}
