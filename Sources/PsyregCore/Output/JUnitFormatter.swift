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
      "<testsuites name=\"\(escape(name))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
    for file in files {
      let cases = byFile[file]!
      let failed = cases.filter { !$0.passed && $0.answer != nil }.count
      let erred = cases.filter { !$0.passed && $0.answer == nil }.count
      out +=
        "  <testsuite name=\"\(escape(file))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"\(erred)\""
      out += " skipped=\"0\" file=\"\(escape(file))\">\n"
      for result in cases {
        let c = result.testCase
        out += "    <testcase classname=\"\(escape(className(file)))\" name=\"\(escape(c.name))\""
        out += " file=\"\(escape(file))\"" + (c.origin.line.map { " line=\"\($0)\"" } ?? "")
        if result.passed {
          out += "/>\n"
          continue
        }
        let element = result.answer == nil ? "error" : "failure"
        let message = result.failures.first ?? "failed"
        let body = ["\(c.origin): \(c.name)"] + ExpectationFormatter.details(result)
        out +=
          ">\n      <\(element) message=\"\(escape(message))\" type=\"\(result.answer == nil ? "unresolved" : "expectation")\">"
        out += escape(body.joined(separator: "\n"), attribute: false)
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

  /// XML 1.0 text: `&`, `<`, `>`, quotes escaped; in attributes, tab, CR and LF as character
  /// references so they survive normalisation; characters XML 1.0 forbids become U+FFFD.
  public static func escape(_ text: String, attribute: Bool = true) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r":
        out += attribute ? "&#\(scalar.value);" : (scalar == "\r" ? "&#13;" : String(scalar))
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
