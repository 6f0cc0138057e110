/// `psyreg test --format junit`: JUnit XML for CI test reports. One `testsuite` per test
/// file, one `testcase` per case (`classname` from the file's path, `name` the case's name,
/// `file` and `line` where it is written); a failed case has a `failure` whose message is
/// the first difference and whose body is the whole explanation; a case whose names cannot
/// be resolved has an `error` instead. Everything is XML-escaped.
public enum JUnitFormatter {
  public static func xml(_ results: [ExpectationResult], name: String = "psyreg") -> String {
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
          "    <testcase classname=\"\(XMLEscaper.attribute(className(file)))\" name=\"\(XMLEscaper.attribute(c.name))\""
        out += " file=\"\(XMLEscaper.attribute(file))\"" + (c.origin.line.map { " line=\"\($0)\"" } ?? "")
        if result.passed {
          out += "/>\n"
          continue
        }
        let element = result.answer == nil ? "error" : "failure"
        let message = result.failures.first ?? "failed"
        let body = ["\(c.origin): \(c.name)"] + ExpectationFormatter.details(result)
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
