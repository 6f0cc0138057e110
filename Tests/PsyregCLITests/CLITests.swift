import Foundation
import Testing

/// Runs the built `psyreg` binary, as users and scripts do, and checks output and exit status.
struct CLI {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The binary next to this test bundle (`swift test` builds it: the test target depends on it).
  static let binary: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("psyreg")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/psyreg")
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]) throws
    -> Result
  {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "PSYREG_RULES")
    // The ask cache's outlines go to this test run's own folder, not the user's.
    env["XDG_CACHE_HOME"] = cacheHome.path
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Where the binary run by these tests keeps its ask cache (one folder per test process).
  static let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent(
    "psyreg-cli-cache-\(UUID().uuidString)")

  /// A temporary folder with the given files, removed by the caller.
  static func folder(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("psyreg-cli-\(UUID().uuidString)")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }
}

@Suite(.serialized) struct AskCLITests {
  @Test func answersWithTheJSONContract() throws {
    let result = try CLI.run([
      "ask", "psilocybin", "Oregon", "--activity", "supervised-use", "--on", "2024-06-01", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["substance"] as? String == "psilocybin")
    #expect(json["jurisdiction"] as? String == "us-or")
    #expect(json["activity"] as? String == "supervised-use")
    #expect(json["date"] as? String == "2024-06-01")
    #expect(json["verdict"] as? String == "prohibited")
    #expect(json["conflict"] as? Bool == true)
    let layers = try #require(json["layers"] as? [[String: Any]])
    #expect(layers.map { $0["jurisdiction"] as? String } == ["us-or", "us"])
    #expect(layers[0]["verdict"] as? String == "conditional")
    #expect(layers[0]["since"] as? String == "2023-01-02")
    #expect((layers[0]["conditions"] as? [String])?.isEmpty == false)
    #expect((layers[0]["sources"] as? [String])?.first?.hasPrefix("https://") == true)
    let rule = try #require(layers[0]["rule"] as? [String: Any])
    #expect(rule["file"] as? String == "Rules/jurisdictions/us-or.yaml")
    #expect((rule["line"] as? Int ?? 0) > 0)
  }

  @Test func textStatesTheConflictInWords() throws {
    let result = try CLI.run(["ask", "psilocybin", "us-or", "--activity", "supervised-use", "--on", "2024-06-01"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("PROHIBITED"))
    #expect(
      result.stdout.contains(
        "Conflict: lawful on conditions under Oregon law; still prohibited under United States law"))
  }

  @Test func withoutAnActivityEveryActivityIsAnswered() throws {
    let result = try CLI.run(["ask", "mdma", "us", "--on", "1990-01-01", "--format", "json"])
    #expect(result.status == 0)
    let answers = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(
      answers.map { $0["activity"] as? String } == [
        "possession", "supply", "medical", "research", "supervised-use", "religious",
      ])
    let table = try CLI.run(["ask", "ecstasy", "united states", "--on", "1990-01-01"])
    #expect(table.stdout.contains("supervised-use"))
  }

  @Test func unknownNamesExit64WithSuggestions() throws {
    let result = try CLI.run(["ask", "psilocibin", "oregon"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("unknown substance 'psilocibin'"))
    #expect(result.stderr.contains("psilocybin"))
    let place = try CLI.run(["ask", "psilocybin", "oregn"])
    #expect(place.status == 64)
    #expect(place.stderr.contains("Oregon"))
  }

  @Test func malformedDatesAndActivitiesExit64() throws {
    for arguments in [
      ["ask", "mdma", "us", "--on", "2023-02-30"], ["ask", "mdma", "us", "--on", "yesterday"],
      ["ask", "mdma", "us", "--activity", "smoking"], ["ask", "mdma", "us", "--fact", "height=2"],
      ["ask", "mdma", "us", "--fact", "age"],
    ] {
      let result = try CLI.run(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(!result.stderr.isEmpty)
    }
  }

  @Test func factsDecideConditions() throws {
    let young = try CLI.run([
      "ask", "psilocybin", "us-or", "--activity", "supervised-use", "--on", "2024-06-01", "--fact", "age=19",
    ])
    #expect(young.status == 0)
    #expect(young.stdout.contains("not met"))
  }

  @Test func rulesComeFromTheEnvironmentOrTheOption() throws {
    let root = try CLI.folder([
      "R/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n",
      "R/jurisdictions/xx.yaml": "id: xx\nname: Nowhere\nkind: national\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let viaEnv = try CLI.run(
      ["ask", "lsd", "xx", "--activity", "possession"], in: root, environment: ["PSYREG_RULES": "R"])
    #expect(viaEnv.status == 0)
    #expect(viaEnv.stdout.contains("UNKNOWN"))
    let viaOption = try CLI.run(["ask", "lsd", "xx", "--activity", "possession", "--rules", "R"], in: root)
    #expect(viaOption.status == 0)
  }

  @Test func rulesWithErrorsExit1() throws {
    let root = try CLI.folder(["Rules/substances/lsd.yaml": "id: lsd\nname: [LSD\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try CLI.run(["ask", "lsd", "us"], in: root)
    #expect(result.status == 1)
    #expect(result.stderr.contains("Rules/substances/lsd.yaml:"))
  }
}

@Suite(.serialized) struct ValidateCLITests {
  @Test func theShippedRulesAreCleanUnderStrict() throws {
    let result = try CLI.run(["validate", "Rules", "--strict"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.isEmpty)
  }

  @Test func errorsPrintFileLineColumnAndExit1() throws {
    let root = try CLI.folder([
      "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\nnmae: x\n",
      "Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try CLI.run(["validate"], in: root)
    #expect(result.status == 1)
    #expect(
      result.stdout
        == "Rules/substances/mdma.yaml:4:1: error: unknown key 'nmae' in a substance file; did you mean 'name'? [schema.unknown-key]\n"
    )
  }

  @Test func warningsFailOnlyUnderStrict() throws {
    let root = try CLI.folder(["Rules/substances/x.yaml": "\u{FEFF}id: x\nname: X\nkind: compound\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try CLI.run(["validate"], in: root).status == 0)
    #expect(try CLI.run(["validate", "--strict"], in: root).status == 1)
  }

  @Test func anEmptyFolderAndAMissingPathAreErrors() throws {
    let root = try CLI.folder(["empty/README.txt": "nothing here"])
    defer { try? FileManager.default.removeItem(at: root) }
    let empty = try CLI.run(["validate", "empty"], in: root)
    #expect(empty.status == 1)
    #expect(empty.stdout.contains("empty: error: no rule files"))
    let missing = try CLI.run(["validate", "nowhere.yaml"], in: root)
    #expect(missing.status == 1)
    #expect(missing.stdout.contains("nowhere.yaml:1:1: error: cannot read the file"))
  }

  @Test func machineFormatsAreParseable() throws {
    let root = try CLI.folder(["Rules/substances/x.yaml": "id: x\nname: X\nkind: chemical\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let json = try CLI.run(["validate", "--format", "json"], in: root)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(array.first?["code"] as? String == "value.unknown-substance-kind")
    #expect(array.first?["line"] as? Int == 3)
    #expect(array.first?["column"] as? Int == 7)
    let github = try CLI.run(["validate", "--format", "github"], in: root)
    #expect(
      github.stdout.hasPrefix("::error file=Rules/substances/x.yaml,line=3,col=7,title=value.unknown-substance-kind::"))
    let sarif = try CLI.run(["validate", "--format", "sarif"], in: root)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    #expect(try CLI.run(["validate", "--format", "xml"], in: root).status == 64)
  }

  @Test func validationNeverWritesToTheRules() throws {
    let root = try CLI.folder(["Rules/substances/x.yaml": "id: x\nname: X\nkind: compound\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("Rules/substances/x.yaml")
    let before = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
    let bytes = try Data(contentsOf: file)
    _ = try CLI.run(["validate", "--strict"], in: root)
    _ = try CLI.run(["test"], in: root)
    #expect(try Data(contentsOf: file) == bytes)
    #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Rules/substances").path) == [
        "x.yaml"
      ])
  }
}

@Suite(.serialized) struct TimelineListTestCLITests {
  @Test func timelineReachesBackTo1985() throws {
    let result = try CLI.run(["timeline", "mdma", "--jurisdiction", "us", "--to", "1988-12-31"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("1985-07-01"))
    #expect(result.stdout.contains("1988-03-23"))
    #expect(result.stdout.contains("→ prohibited"))
    #expect(!result.stdout.contains("2017-"))
    let json = try CLI.run(["timeline", "mdma", "--jurisdiction", "us", "--format", "json"])
    let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let dates = items.compactMap { $0["date"] as? String }
    #expect(dates == dates.sorted())
    #expect(items.contains { $0["kind"] as? String == "designation" })
  }

  @Test func timelineRejectsUnknownNames() throws {
    #expect(try CLI.run(["timeline", "mdma", "--jurisdiction", "atlantis"]).status == 64)
    #expect(try CLI.run(["timeline", "--from", "2020-13-01"]).status == 64)
  }

  @Test func listShowsSubstancesAndJurisdictions() throws {
    let substances = try CLI.run(["list", "substances"])
    #expect(substances.status == 0)
    #expect(substances.stdout.contains("esketamine"))
    #expect(substances.stdout.contains("isomer of ketamine"))
    let jurisdictions = try CLI.run(["list", "jurisdictions"])
    #expect(jurisdictions.stdout.contains("us-or"))
    #expect(jurisdictions.stdout.contains("Oregon"))
    #expect(try CLI.run(["list", "planets"]).status == 64)
  }

  @Test func testRunsTheShippedExpectations() throws {
    let result = try CLI.run(["test"])
    #expect(result.status == 0, "\(result.stdout)")
    let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasSuffix("passed, 0 failed"))
    let passed = Int(last.split(separator: " ").first ?? "") ?? 0
    #expect(passed >= 80)
  }

  @Test func aFailingCaseShowsExpectedActualAndTheRule() throws {
    let root = try CLI.folder([
      "Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n",
      "Rules/jurisdictions/xx.yaml": """
      id: xx
      name: Xland
      kind: national
      timeline:
        - date: 2000-01-01
          kind: scheduled
          substances: [lsd]
          title: Scheduled
          instrument: Act 1
          sources: [https://example.org/]
          confidence: high
          verdicts: {default: prohibited}

      """,
      "Rules/tests/xx.yaml": """
      cases:
        - name: passes
          substance: lsd
          jurisdiction: xx
          activity: possession
          on: 2000-01-01
          expect: {verdict: prohibited, since: 2000-01-01}
        - name: fails
          substance: LSD
          jurisdiction: Xland
          activity: possession
          on: 1999-12-31
          expect: {verdict: prohibited}

      """,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try CLI.run(["test"], in: root)
    #expect(result.status == 1)
    #expect(result.stdout.contains("Rules/tests/xx.yaml:8:5: error: test failed: fails"))
    #expect(result.stdout.contains("verdict: expected prohibited, got unknown"))
    #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
  }
}

@Suite(.serialized) struct CoverageCLITests {
  @Test func coverageShowsGapsAndWhereAnswersComeFrom() throws {
    let root = try CLI.folder([
      "Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n",
      "Rules/substances/dmt.yaml": "id: dmt\nname: DMT\nkind: compound\n",
      "Rules/jurisdictions/un.yaml": """
      id: un
      name: UN
      kind: international
      initial:
        lsd: {status: Schedule I, instrument: 1971 Convention, sources: ["https://example.org/"], confidence: high}

      """,
      "Rules/jurisdictions/xx.yaml": """
      id: xx
      name: Xland
      kind: national
      parent: un
      initial:
        dmt: {status: Controlled, instrument: Act 1, sources: ["https://example.org/"], confidence: high}

      """,
      "Rules/jurisdictions/xx-a.yaml": "id: xx-a\nname: A\nkind: state\nparent: xx\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try CLI.run(["list", "coverage"], in: root)
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(rows[0] == ["jurisdiction", "dmt", "lsd"])
    #expect(rows.contains(["un", "-", "data"]))
    #expect(rows.contains(["xx", "data", "treaty"]))
    #expect(rows.contains(["xx-a", "parent", "treaty"]))
  }
}

/// Usage errors (exit 64): formats a command does not write, and argument combinations that
/// `validate()` rejects before any rule is read (so they are 64 even where there are no rules).
@Suite(.serialized) struct UsageCLITests {
  @Test(arguments: [
    ["ask", "mdma", "us", "--format", "markdown"],
    ["ask", "mdma", "us", "--format", "junit"],
    ["timeline", "--format", "junit"],
    ["timeline", "--format", "html"],
    ["list", "coverage", "--format", "markdown"],
    ["list", "substances", "--format", "sarif"],
    ["test", "--format", "json"],
    ["validate", "--format", "markdown"],
    ["diff", "a", "b", "--format", "html"],
    ["report", "us", "--format", "pdf"],
  ])
  func aFormatTheCommandDoesNotWriteIsAUsageError(_ arguments: [String]) throws {
    let result = try CLI.run(arguments)
    #expect(result.status == 64, "\(arguments)")
    #expect(result.stderr.contains("'\(arguments.last!)' is invalid for '--format"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test(arguments: [
    (["report"], "give one of JURISDICTION, --matrix or --all"),
    (["report", "us", "--matrix"], "give one of JURISDICTION, --matrix or --all"),
    (["report", "--matrix", "--all", "--output", "out"], "give one of JURISDICTION, --matrix or --all"),
    (["report", "us", "--all", "--output", "out"], "give one of JURISDICTION, --matrix or --all"),
    (["report", "--all"], "--all needs --output DIR"),
    (["report", "--all", "--format", "json"], "--all needs --output DIR"),
    (["report", "us", "--output", "Rules/us.md"], "is inside the rules folder"),
    (["report", "--all", "--output", "Rules/../Rules/reports"], "is inside the rules folder"),
    (["report", "--all", "--output", "a-file"], "--output a-file is a file"),
    (["report", "us", "--output", "a-folder"], "--output a-folder is a folder"),
    (["report", "--matrix", "--output", "a-folder"], "--output a-folder is a folder"),
    (["diff"], "diff needs OLD and NEW"),
    (["diff", "Rules"], "diff needs OLD and NEW"),
    (["diff", "--git-base", "HEAD", "old", "new"], "--git-base takes at most one more argument"),
    (["timeline", "--from", "2020-01-01", "--to", "2019-12-31"], "--to 2019-12-31 is before --from 2020-01-01"),
    (["test", "--verbose", "--format", "junit"], "--verbose lists passing cases in the text format only"),
    (["ask", "mdma", "us", "--fact", "age"], "--fact expects NAME=VALUE"),
    (["ask", "mdma", "us", "--fact", "height=2"], "unknown fact 'height'"),
  ])
  func argumentCombinationsAreCheckedBeforeTheRulesAreRead(_ arguments: [String], _ message: String) throws {
    // A folder with no rules at all: a run() would fail to load them (exit 1); validate() comes first.
    let root = try CLI.folder(["a-file": "x", "a-folder/keep": ""])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try CLI.run(arguments, in: root)
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
  }

  @Test func validCombinationsStillRun() throws {
    let root = try CLI.folder(["keep": ""])
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("us.md").path
    let report = try CLI.run(["report", "us", "--on", "2024-06-01", "--output", file])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(FileManager.default.fileExists(atPath: file))
    let all = try CLI.run([
      "report", "--all", "--format", "json", "--on", "2024-06-01", "--output", root.appendingPathComponent("all").path,
    ])
    #expect(all.status == 0, "\(all.stderr)")
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("all/index.json").path))
    #expect(try CLI.run(["diff", "Rules", "Rules"]).status == 0)
    #expect(try CLI.run(["test", "--verbose"]).status == 0)
    #expect(try CLI.run(["timeline", "mdma", "--from", "1985-07-01", "--to", "1985-07-01"]).status == 0)
  }

  @Test func listCoverageWritesJSON() throws {
    let result = try CLI.run(["list", "coverage", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let substances = try #require(json["substances"] as? [String])
    #expect(substances.contains("psilocybin"))
    let rows = try #require(json["rows"] as? [[String: Any]])
    let oregon = try #require(rows.first { $0["jurisdiction"] as? String == "us-or" })
    let cells = try #require(oregon["cells"] as? [String: String])
    #expect(cells["psilocybin"] == "data")
    #expect(Set(cells.values).isSubset(of: ["data", "parent", "treaty", "none"]))
    #expect(json["pairs"] as? Int == substances.count * rows.count)
  }
}

/// `timeline --format markdown` and `diff --format markdown` escape what the Markdown reports escape.
@Suite(.serialized) struct MarkdownCLITests {
  static let substance = "id: mdma\nname: MDMA\nkind: compound\n"
  static func jurisdiction(title: String) -> String {
    """
    id: xa
    name: Xanadu
    kind: national
    timeline:
      - date: 2020-01-01
        kind: scheduled
        substances: [mdma]
        title: "\(title)"
        instrument: "Act | 1"
        sources: [https://example.org/act]
        confidence: high
        verdicts:
          medical: {verdict: conditional, conditions: ["](javascript:alert(1)) | <b>\\r\\nx"]}

    """
  }

  static let hostileTitle = #"<script>alert(1)</script> [x](javascript:alert(1)) a | b\r\nnext"#
  static let escapedTitle = #"\<script\>alert(1)\</script\> \[x\](javascript:alert(1)) a \| b next"#

  @Test func timelineMarkdownEscapesRuleStrings() throws {
    let root = try CLI.folder([
      "Rules/substances/mdma.yaml": Self.substance,
      "Rules/jurisdictions/xa.yaml": Self.jurisdiction(title: Self.hostileTitle),
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try CLI.run(["timeline", "--format", "markdown"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("| \(Self.escapedTitle) | medical: unknown → conditional | Act \\| 1 |"))
    #expect(!result.stdout.contains("\r"))
    #expect(result.stdout.split(separator: "\n").count == 3)  // header, rule, one row
  }

  @Test func diffMarkdownEscapesRuleStrings() throws {
    let root = try CLI.folder([
      "old/substances/mdma.yaml": Self.substance,
      "old/jurisdictions/xa.yaml": Self.jurisdiction(title: "Scheduled"),
      "new/substances/mdma.yaml": Self.substance,
      "new/jurisdictions/xa.yaml": Self.jurisdiction(title: Self.hostileTitle),
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try CLI.run(["diff", "old", "new", "--format", "markdown"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("title: Scheduled → \(Self.escapedTitle)"), "\(result.stdout)")
    #expect(!result.stdout.replacingOccurrences(of: "\\<", with: "").contains("<script"))
    #expect(!result.stdout.contains("\r"))
  }
}
