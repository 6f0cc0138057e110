import Foundation
import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The machine formats CI reads: GitHub workflow commands, SARIF for code scanning, JUnit XML.
@Suite struct CIFormatTests {
  static let diagnostics = [
    Diagnostic(
      .schemaUnknownKey, "unknown key 'titel': 100% sure,\nsee below\r",
      at: SourcePosition(
        file: "Rules/jurisdictions/a,b:c.yaml", location: SourceLocation(line: 12, column: 5)),
      notes: [
        .init(
          "first defined here",
          at: SourcePosition(file: "Rules/x.yaml", location: .init(line: 3, column: 1)))
      ]
    ),
    Diagnostic(
      .fileNoRules, "no rule files in 'My Rules'",
      at: SourcePosition(file: "My Rules", location: nil)),
    Diagnostic(
      .timelineOrder, "entries out of order",
      at: SourcePosition(file: "Rules/jurisdictions/us.yaml", location: .init(line: 40, column: 3))),
  ]

  // MARK: GitHub workflow commands

  @Test func annotationsEscapePropertiesAndData() {
    let lines = GitHubDiagnosticReporter().report(Self.diagnostics).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)  // three commands and the final newline
    #expect(
      lines[0]
        == "::error file=Rules/jurisdictions/a%2Cb%3Ac.yaml,line=12,col=5,title=schema.unknown-key::"
        + "unknown key 'titel': 100%25 sure,%0Asee below%0D%0ARules/x.yaml:3:1: first defined here")
    #expect(lines[1] == "::error file=My Rules,title=file.no-rules::no rule files in 'My Rules'")
    #expect(
      lines[2]
        == "::warning file=Rules/jurisdictions/us.yaml,line=40,col=3,title=timeline.order::entries out of order"
    )
  }

  @Test func escapingFollowsTheRunner() {
    #expect(WorkflowCommandEscaper.data("a%b\r\nc: d, e") == "a%25b%0D%0Ac: d, e")
    #expect(WorkflowCommandEscaper.property("a%b\r\nc: d, e") == "a%25b%0D%0Ac%3A d%2C e")
    // Percent first: an escape is never escaped twice.
    #expect(WorkflowCommandEscaper.property("%3A:") == "%253A%3A")
  }

  // MARK: SARIF

  func sarif(_ diagnostics: [Diagnostic]) throws -> [String: Any] {
    let text = SARIFDiagnosticReporter().report(diagnostics)
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func sarifHasWhatCodeScanningRequires() throws {
    let log = try sarif(Self.diagnostics)
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.contains("sarif") == true)
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "psyreg")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    #expect(ids == Check.all.map(\.code.rawValue))
    for rule in rules {
      #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
      #expect(level == "error" || level == "warning")
    }

    let results = try #require(runs[0]["results"] as? [[String: Any]])
    #expect(results.count == 3)
    for (result, diagnostic) in zip(results, Self.diagnostics) {
      let ruleId = try #require(result["ruleId"] as? String)
      #expect(ruleId == diagnostic.code.rawValue)
      #expect(ids.contains(ruleId))
      #expect(result["ruleIndex"] as? Int == ids.firstIndex(of: ruleId))
      #expect(result["level"] as? String == diagnostic.severity.rawValue)
      #expect((result["message"] as? [String: Any])?["text"] as? String == diagnostic.message)
      let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
      #expect(fingerprints.values.allSatisfy { $0.count == 16 })
      let locations = try #require(result["locations"] as? [[String: Any]])
      let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
      let region = try #require(physical["region"] as? [String: Any])
      #expect(region["startLine"] as? Int == diagnostic.position.line ?? 1)
      #expect(region["startColumn"] as? Int == diagnostic.position.location?.column)
      #expect((physical["artifactLocation"] as? [String: Any])?["uri"] is String)
    }
    func uri(_ index: Int) -> String? {
      let locations = results[index]["locations"] as? [[String: Any]]
      let physical = locations?.first?["physicalLocation"] as? [String: Any]
      return (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String
    }
    #expect(uri(0) == "Rules/jurisdictions/a%2Cb%3Ac.yaml")
    #expect(uri(1) == "My%20Rules")
    #expect(uri(2) == "Rules/jurisdictions/us.yaml")
    let related = try #require(results[0]["relatedLocations"] as? [[String: Any]])
    #expect(
      (related.first?["message"] as? [String: Any])?["text"] as? String == "first defined here")
  }

  @Test func sarifFingerprintsAreStableAndDistinct() throws {
    let twice = Self.diagnostics + [Self.diagnostics[2]]
    let results = try #require(
      (try sarif(twice)["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    let prints = results.compactMap {
      ($0["partialFingerprints"] as? [String: String])?["psyreg/v1"]
    }
    #expect(Set(prints).count == 4)
    // A line move keeps the fingerprint.
    var moved = Self.diagnostics[2]
    moved.position.location = SourceLocation(line: 41, column: 3)
    let again = try #require(
      (try sarif([moved])["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    #expect((again[0]["partialFingerprints"] as? [String: String])?["psyreg/v1"] == prints[2])
  }

  @Test func sarifWithNoDiagnosticsIsStillAValidLog() throws {
    let log = try sarif([])
    let results = (log["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
    #expect(results?.isEmpty == true)
  }

  // MARK: JUnit

  static let rules: [(path: String, text: String)] = [
    (path: "Rules/substances/mdma.yaml", text: "id: mdma\nname: MDMA\nkind: compound\n"),
    (
      path: "Rules/jurisdictions/us.yaml",
      text: """
      id: us
      name: United States
      kind: national
      timeline:
        - date: 1985-07-01
          kind: temporary-scheduled
          substances: [mdma]
          title: Emergency <scheduling> & "more"
          instrument: 50 FR 23118
          sources: [https://example.org/50fr23118]
          confidence: high
          verdicts: {default: prohibited}

      """
    ),
    (
      path: "Rules/tests/a.yaml",
      text: """
      cases:
        - name: passes <&>
          substance: mdma
          jurisdiction: us
          activity: possession
          on: 1986-01-01
          expect: {verdict: prohibited}
        - name: fails "quoted" & 'single'
          substance: mdma
          jurisdiction: us
          activity: possession
          on: 1986-01-01
          expect: {verdict: allowed}

      """
    ),
    (
      path: "Rules/tests/b.yaml",
      text: """
      cases:
        - name: passes too
          substance: mdma
          jurisdiction: us
          activity: medical
          on: 1986-01-01
          expect: {verdict: prohibited}

      """
    ),
  ]

  func junit() -> (xml: String, results: [ExpectationResult]) {
    let output = RuleLoader().load(sources: Self.rules)
    #expect(!output.diagnostics.hasErrors, "\(output.diagnostics.map(\.formatted))")
    let results = RuleBook(output.rules).runAll()
    return (JUnitRenderer().render(results), results)
  }

  @Test func junitSaysWhyACaseCouldNotBeAsked() throws {
    let output = RuleLoader().load(sources: Self.rules)
    let book = RuleBook(output.rules)
    var badFacts = try #require(output.rules.cases.first)
    badFacts.facts = ["age": "old"]
    var unresolved = badFacts
    unresolved.facts = [:]
    unresolved.substance = "no-such-substance"
    let results = [book.run(badFacts), book.run(unresolved)]
    #expect(results.map(\.notAsked) == [.badFacts, .unresolved])
    let xml = JUnitRenderer().render(results)
    #expect(xml.contains("type=\"bad-facts\""))
    #expect(xml.contains("type=\"unresolved\""))
    #expect(xml.contains("errors=\"2\""))
  }

  @Test func junitCountsSuitesAndCases() {
    let (xml, results) = junit()
    #expect(results.count == 3)
    #expect(
      xml.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"psyreg\" tests=\"3\" failures=\"1\" errors=\"0\" time=\""
      ))
    #expect(
      xml.contains(
        "<testsuite name=\"Rules/tests/a.yaml\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\""
      ))
    #expect(
      xml.contains("<testsuite name=\"Rules/tests/b.yaml\" tests=\"1\" failures=\"0\" errors=\"0\"")
    )
    #expect(
      xml.contains(
        "<testcase classname=\"Rules.tests.a\" name=\"passes &lt;&amp;&gt;\" file=\"Rules/tests/a.yaml\" line=\"2\" time=\""
      ))
    #expect(
      xml.contains(
        "name=\"fails &quot;quoted&quot; &amp; &#39;single&#39;\" file=\"Rules/tests/a.yaml\" line=\"8\" time=\""
      ))
    #expect(
      xml.contains(
        "<failure message=\"verdict: expected allowed, got prohibited\" type=\"expectation\">"))
    // The body explains, with the governing entry's title escaped.
    #expect(
      xml.contains(
        "layer us: prohibited by &#39;Emergency &lt;scheduling&gt; &amp; &quot;more&quot;&#39; (1985-07-01)"
      ))
    #expect(xml.hasSuffix("</testsuites>\n"))
  }

  @Test func junitHasTimesAndRelativeClassNames() throws {
    let (xml, _) = junit()
    // Every testsuites, testsuite and testcase element has a time in seconds.
    let times = xml.split(separator: "time=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(times.count == 1 + 2 + 3)
    for time in times { #expect(Double(time) != nil && time.contains("."), "\(time)") }
    #expect(JUnitRenderer.time([]) == "0.000000")
    // Class names do not depend on where the rules folder is.
    #expect(
      JUnitRenderer.className("/home/me/psyreg/Rules/tests/oregon.yaml", root: "/home/me/psyreg/Rules")
        == "Rules.tests.oregon")
    #expect(
      JUnitRenderer.className("/home/me/psyreg/Rules/tests/oregon.yaml", root: "/home/me/psyreg/Rules/")
        == "Rules.tests.oregon")
    #expect(JUnitRenderer.className("Rules/tests/oregon.yaml", root: "Rules") == "Rules.tests.oregon")
    #expect(JUnitRenderer.className("/elsewhere/t.yaml", root: "Rules") == "elsewhere.t")
  }

  @Test func sarifNamesTheVersionAndTheInvocation() throws {
    let text = SARIFDiagnosticReporter(arguments: ["validate", "Rules", "--format", "sarif"], strict: true).report([])
    let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["version"] as? String == PsyregVersion.current)
    #expect(driver["informationUri"] as? String == PsyregVersion.informationURI)
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == true)
    #expect(invocation["exitCode"] as? Int == 0)
    #expect(invocation["arguments"] as? [String] == ["validate", "Rules", "--format", "sarif"])
  }

  @Test func junitEscapesEverything() {
    // One XML/HTML escaper (Output/Escaping/XMLEscaper.swift): an apostrophe is `&#39;`, as in the HTML reports.
    #expect(XMLEscaper.attribute("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
    #expect(XMLEscaper.attribute("line\nbreak\ttab") == "line&#10;break&#9;tab")
    #expect(XMLEscaper.text("line\nbreak") == "line\nbreak")
    #expect(XMLEscaper.attribute("bell\u{7}") == "bell\u{FFFD}")
  }

  #if canImport(FoundationXML) || canImport(Darwin)
    @Test func junitIsWellFormedXML() throws {
      let (xml, _) = junit()
      let document = try XMLDocument(xmlString: xml)
      let root = try #require(document.rootElement())
      #expect(root.name == "testsuites")
      #expect(root.attribute(forName: "tests")?.stringValue == "3")
      let suites = root.elements(forName: "testsuite")
      #expect(suites.count == 2)
      let cases = suites.flatMap { $0.elements(forName: "testcase") }
      let names: [String] = cases.compactMap { $0.attribute(forName: "name")?.stringValue }
      #expect(names.contains("fails \"quoted\" & 'single'"))
      let failure = try #require(cases.flatMap { $0.elements(forName: "failure") }.first)
      #expect(
        failure.stringValue?.contains("layer us: prohibited by 'Emergency <scheduling> & \"more\"'")
          == true)
    }
  #endif
}
