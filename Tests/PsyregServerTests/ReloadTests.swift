import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PsyregCore
import PsyregTestSupport
import Testing

@testable import PsyregServer

/// Hot reload: new rules are swapped in whole; rules with errors never are.
@Suite struct ReloadTests {
  static let question = "/v1/ask?substance=mdma&jurisdiction=us&activity=possession&on=1980-01-01"

  /// us.yaml with MDMA's initial status changed from allowed to prohibited.
  static func changed(_ text: String) -> String {
    text.replacing("status: Not controlled\n    instrument: none", with: "status: Controlled\n    instrument: none")
      .replacing(
        "confidence: medium\n    verdicts: {default: allowed}",
        with: "confidence: medium\n    verdicts: {default: prohibited}")
  }

  @Test func goodRulesAreSwappedInAndBrokenOnesNever() async throws {
    let (root, rules) = ServerFixture.fixtureFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let store = try RuleStore(root: rules)
    let server = ServerFixture.server(store)
    let first = store.snapshot.identity.sha256
    #expect(store.reloadIfChanged() == .unchanged)

    try await ServerFixture.withRouter(server) { client in
      let before = try await client.get(Self.question)
      #expect(before.object["verdict"] as? String == "allowed")
      #expect(before.ruleSet == first)

      // A good change: swapped in; the header and the answer change together.
      let us = rules + "/jurisdictions/us.yaml"
      let original = Fixture.files["Rules/jurisdictions/us.yaml"]!
      ServerFixture.write(Self.changed(original), to: us)
      #expect(store.reload() == .swapped(generation: 2))
      let after = try await client.get(Self.question)
      #expect(after.object["verdict"] as? String == "prohibited")
      let second = try #require(after.ruleSet)
      #expect(second != first)
      #expect(second == store.snapshot.identity.sha256)

      // A broken file: refused; answers and header stay those of the last good rules.
      ServerFixture.write("id: [broken\n", to: rules + "/jurisdictions/zz.yaml")
      #expect(store.reload() == .rejected)
      let still = try await client.get(Self.question)
      #expect(still.object["verdict"] as? String == "prohibited")
      #expect(still.ruleSet == second)
      let status = try await client.get("/v1/status")
      #expect(status.object["ok"] as? Bool == false)
      let problem = status.object["problem"] as? [String: Any]
      let errors = problem?["errors"] as? [String] ?? []
      #expect(errors.contains { $0.contains("zz.yaml") })
      #expect((status.object["rule_set"] as? [String: Any])?["sha256"] as? String == second)
      #expect(status.object["rejected"] as? Int == 1)
      #expect(status.ruleSet == second)

      // A rule set that loads but breaks a cross-file check is refused too.
      ServerFixture.write("id: zz\nname: Zed\nkind: national\nparent: nowhere\n", to: rules + "/jurisdictions/zz.yaml")
      #expect(store.reload() == .rejected)
      #expect(store.snapshot.identity.sha256 == second)

      // Fixed: swapped in, the problem gone.
      try FileManager.default.removeItem(atPath: rules + "/jurisdictions/zz.yaml")
      ServerFixture.write(original, to: us)
      #expect(store.reload() == .swapped(generation: 3))
      let fixed = try await client.get("/v1/status")
      #expect(fixed.object["ok"] as? Bool == true)
      #expect(fixed.object["problem"] is NSNull)
      let back = try await client.get(Self.question)
      #expect(back.object["verdict"] as? String == "allowed")
      #expect(back.ruleSet == first)  // the same files again: the same identity
    }
  }

  @Test func theWatcherNoticesChanges() async throws {
    let (root, rules) = ServerFixture.fixtureFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let store = try RuleStore(root: rules)
    let server = ServerFixture.server(store)
    let watcher = Task { await server.watch(every: .milliseconds(100)) }
    defer { watcher.cancel() }
    ServerFixture.write(
      Self.changed(Fixture.files["Rules/jurisdictions/us.yaml"]!), to: rules + "/jurisdictions/us.yaml")
    var generation = 1
    for _ in 0..<100 where generation == 1 {
      try await Task.sleep(for: .milliseconds(100))
      generation = store.snapshot.generation
    }
    #expect(generation == 2)
    // A new file is noticed too, and a broken one is refused.
    ServerFixture.write("id: [", to: rules + "/jurisdictions/broken.yaml")
    var problem: ReloadProblem?
    for _ in 0..<100 where problem == nil {
      try await Task.sleep(for: .milliseconds(100))
      problem = store.problem
    }
    #expect(problem != nil)
    #expect(store.snapshot.generation == 2)
  }

  /// Each response is answered wholly from one rule set: under a stream of reloads the
  /// header and the answer always agree.
  @Test func answersNeverMixRuleSets() async throws {
    let (root, rules) = ServerFixture.fixtureFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let store = try RuleStore(root: rules)
    let server = ServerFixture.server(store)
    let original = Fixture.files["Rules/jurisdictions/us.yaml"]!
    let allowedSet = store.snapshot.identity.sha256
    ServerFixture.write(Self.changed(original), to: rules + "/jurisdictions/us.yaml")
    store.reload()
    let prohibitedSet = store.snapshot.identity.sha256
    let flipper = Task.detached {
      for i in 0..<40 {
        ServerFixture.write(i % 2 == 0 ? original : Self.changed(original), to: rules + "/jurisdictions/us.yaml")
        store.reload()
      }
    }
    try await ServerFixture.withRouter(server) { client in
      for _ in 0..<200 {
        let response = try await client.get(Self.question)
        let verdict = response.object["verdict"] as? String
        switch response.ruleSet {
        case allowedSet: #expect(verdict == "allowed")
        case prohibitedSet: #expect(verdict == "prohibited")
        default: Issue.record("unexpected rule set \(response.ruleSet ?? "none")")
        }
      }
    }
    await flipper.value
  }
}
