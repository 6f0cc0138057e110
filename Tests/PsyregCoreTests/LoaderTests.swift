import Foundation
import Testing

@testable import PsyregCore

@Suite struct LoaderTests {
  @Test func cyclesAreFoundOnceEach() {
    #expect(RuleSetValidator.cycles([("a", "a")]) == [["a", "a"]])
    #expect(RuleSetValidator.cycles([("a", "b"), ("b", "c"), ("c", "a")]) == [["a", "b", "c", "a"]])
    // d leads into the cycle but is not on it.
    #expect(RuleSetValidator.cycles([("d", "a"), ("a", "b"), ("b", "a")]) == [["a", "b", "a"]])
    #expect(RuleSetValidator.cycles([("a", "b"), ("b", nil), ("c", "zz")]).isEmpty)
  }

  @Test func everyFileIsReadAndEveryProblemCollected() {
    let output = load([
      "Rules/substances/a.yaml": "id: a\nname: [A\n",
      "Rules/substances/b.yaml": "id: b\nname: B\nkind: mineral\n",
      "Rules/substances/c.yaml": "id: c\nname: C\nkind: compound\n",
      "Rules/jurisdictions/x.yaml": "id: x\nname: X\nkind: national\nparent: nowhere\nnote: ok\nnoet: typo\n",
    ])
    let found = output.diagnostics.map { "\($0.position.file):\($0.code)" }.sorted()
    #expect(
      found == [
        "Rules/jurisdictions/x.yaml:ref.unknown-jurisdiction", "Rules/jurisdictions/x.yaml:schema.unknown-key",
        "Rules/substances/a.yaml:yaml.syntax", "Rules/substances/b.yaml:value.unknown-substance-kind",
      ])
    #expect(output.rules.substances.map(\.id) == ["c"])
  }

  @Test func foldersAreSearchedRecursivelyForYAMLOnly() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("psyreg-loader-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let files = [
      "substances/b.yaml": "id: b\nname: B\nkind: compound\n",
      "substances/deep/a.yml": "id: a\nname: A\nkind: compound\n",
      "substances/notes.txt": "not a rule",
      ".hidden/x.yaml": "not: read",
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    let output = RuleLoader().load(paths: [root.path, root.path + "/substances/b.yaml"])
    #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.formatted))")
    #expect(
      output.rules.files.map { $0.replacingOccurrences(of: root.path + "/", with: "") } == [
        "substances/b.yaml", "substances/deep/a.yml",
      ])
  }

  @Test func theNorwayProblemDoesNotArise() throws {
    let output = load([
      "Rules/jurisdictions/no.yaml": "id: no\nname: Norway\nkind: national\naliases: [Norge, no]\n"
    ])
    #expect(output.diagnostics.isEmpty)
    #expect(output.rules.jurisdictions.first?.id == "no")
  }

  @Test func badValuesAreReportedWithTheAllowedOnes() {
    let output = load([
      "Rules/jurisdictions/un.yaml": "id: un\nname: UN\nkind: international\n",
      "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n",
      "Rules/jurisdictions/us.yaml": Check.usFile(["verdicts:\n      posession: prohibited"]),
    ])
    let message = output.diagnostics.first { $0.code == "value.unknown-activity" }?.message ?? ""
    #expect(message.contains("did you mean 'possession'?"))
    #expect(message.contains("supervised-use"))
  }
}
