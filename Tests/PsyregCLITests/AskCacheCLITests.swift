import Foundation
import PsyregTestSupport
import Testing

/// The ask cache (`AskCache`): a cold `ask` on unchanged rules answers from the outline and the
/// few files it names, exactly as the whole load answers; any change, damage or doubt is a miss.
@Suite(.serialized) struct AskCacheCLITests {
  /// The fixture's rules, written with modification times a minute in the past (files modified
  /// in the last two seconds are never trusted to the cache), and a cache folder of their own.
  struct Setup {
    let root: URL
    let cache: URL
    var rules: String { root.appendingPathComponent("Rules").path }
    var environment: [String: String] { ["XDG_CACHE_HOME": cache.path, "PSYREG_CACHE_TRACE": "1"] }

    init() throws {
      root = try CLI.folder(Fixture.files)
      cache = root.appendingPathComponent("cache")
      try settle()
    }

    func settle() throws {
      let files = try FileManager.default.subpathsOfDirectory(atPath: rules)
      for file in files where file.hasSuffix(".yaml") {
        try FileManager.default.setAttributes(
          [.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: rules + "/" + file)
      }
    }

    func ask(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CLI.Result {
      try CLI.run(
        ["ask"] + arguments + ["--rules", rules, "--on", "2024-06-01"],
        environment: environment.merging(extra) { $1 })
    }

    var outlines: [String] {
      (try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("psyreg").path)) ?? []
    }
  }

  @Test func secondAskAnswersFromTheOutlineWithTheSameOutput() throws {
    let setup = try Setup()
    defer { try? FileManager.default.removeItem(at: setup.root) }
    for (arguments, format) in [
      (["mdma", "USA"], "text"), (["Spravato", "Oregon"], "json"), (["ecstasy", "un"], "text"),
    ] {
      let uncached = try setup.ask(arguments + ["--format", format], environment: ["PSYREG_CACHE": "off"])
      #expect(uncached.status == 0, "\(uncached.stderr)")
      #expect(!uncached.stderr.contains("cache:"))
      let first = try setup.ask(arguments + ["--format", format])
      let second = try setup.ask(arguments + ["--format", format])
      #expect(second.stderr.contains("psyreg: cache: hit"), "\(second.stderr)")
      #expect(first.stdout == uncached.stdout)
      #expect(second.stdout == uncached.stdout)
      #expect(second.status == 0)
    }
    #expect(setup.outlines.count == 1)
  }

  @Test func aChangedFileIsSeenAtOnce() throws {
    let setup = try Setup()
    defer { try? FileManager.default.removeItem(at: setup.root) }
    _ = try setup.ask(["mdma", "us", "--activity", "possession"])
    let before = try setup.ask(["mdma", "us", "--activity", "possession"])
    #expect(before.stderr.contains("cache: hit"))
    #expect(before.stdout.contains("PROHIBITED"), "\(before.stdout)")
    // The same size, and the old modification time put back: only the status-change time and
    // the bytes differ, and that is enough.
    let us = setup.rules + "/jurisdictions/us.yaml"
    let text = try String(contentsOfFile: us, encoding: .utf8)
    try text.replacingOccurrences(of: "verdicts: {default: prohibited}", with: "verdicts: {default: allowed}   ")
      .write(toFile: us, atomically: false, encoding: .utf8)
    try setup.settle()
    let after = try setup.ask(["mdma", "us", "--activity", "possession"])
    #expect(after.stderr.contains("miss (the rule files changed)"), "\(after.stderr)")
    #expect(after.stdout.contains("ALLOWED"), "\(after.stdout)")
    let again = try setup.ask(["mdma", "us", "--activity", "possession"])
    #expect(again.stderr.contains("cache: hit"))
    #expect(again.stdout == after.stdout)
  }

  @Test func aNewOrRemovedFileIsAMiss() throws {
    let setup = try Setup()
    defer { try? FileManager.default.removeItem(at: setup.root) }
    _ = try setup.ask(["mdma", "us"])
    let extra = setup.rules + "/jurisdictions/zz.yaml"
    try "id: zz\nname: Zed\nkind: national\nparent: un\ntimeline: []\n".write(
      toFile: extra, atomically: false, encoding: .utf8)
    try setup.settle()
    let added = try setup.ask(["mdma", "Zed"])
    #expect(added.stderr.contains("miss (the rule files changed)"), "\(added.stderr)")
    #expect(added.status == 0)
    try FileManager.default.removeItem(atPath: extra)
    let removed = try setup.ask(["mdma", "Zed"])
    #expect(removed.stderr.contains("miss (the rule files changed)"), "\(removed.stderr)")
    #expect(removed.status == 64, "the whole load says the name is unknown: \(removed.stderr)")
  }

  @Test func namesTheOutlineCannotAnswerGoToTheWholeLoad() throws {
    let setup = try Setup()
    defer { try? FileManager.default.removeItem(at: setup.root) }
    _ = try setup.ask(["mdma", "us"])
    let uncached = try setup.ask(["mdna", "us"], environment: ["PSYREG_CACHE": "off"])
    let cached = try setup.ask(["mdna", "us"])
    #expect(cached.stderr.contains("cache: hit"))
    #expect(cached.status == uncached.status)
    #expect(cached.status == 64)
    #expect(cached.stderr.replacingOccurrences(of: "psyreg: cache: hit\n", with: "") == uncached.stderr)
  }

  @Test func aDamagedOutlineIsAMissAndIsReplaced() throws {
    let setup = try Setup()
    defer { try? FileManager.default.removeItem(at: setup.root) }
    let good = try setup.ask(["mdma", "us"])
    let folder = setup.cache.appendingPathComponent("psyreg")
    let outline = try #require(setup.outlines.first)
    let path = folder.appendingPathComponent(outline).path
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    for damaged in [
      Data(), Data("psyreg ask cache\n".utf8), bytes.prefix(bytes.count / 2), Data(repeating: 0xFF, count: 64),
    ] {
      try damaged.write(to: URL(fileURLWithPath: path))
      let result = try setup.ask(["mdma", "us"])
      #expect(result.status == 0)
      #expect(result.stdout == good.stdout)
      #expect(result.stderr.contains("miss ("), "\(result.stderr)")
      #expect(result.stderr.contains("stored"), "\(result.stderr)")
    }
    #expect(try setup.ask(["mdma", "us"]).stderr.contains("cache: hit"))
  }

  /// A cache folder set inside the rules (directly, or through a link) is not used: psyreg never
  /// writes into the rules it reads.
  @Test func aCacheFolderInsideTheRulesIsNeverWritten() throws {
    let setup = try Setup()
    defer { try? FileManager.default.removeItem(at: setup.root) }
    let link = setup.root.appendingPathComponent("link-to-rules").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: setup.rules)
    let before = try FileManager.default.subpathsOfDirectory(atPath: setup.rules).sorted()
    for inside in [setup.rules, setup.rules + "/jurisdictions", link + "/new/folder"] {
      for _ in 0..<2 {
        let result = try setup.ask(["mdma", "us"], environment: ["XDG_CACHE_HOME": inside])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("cache:"), "\(inside): \(result.stderr)")
      }
    }
    #expect(try FileManager.default.subpathsOfDirectory(atPath: setup.rules).sorted() == before)
  }

  @Test func recentlyModifiedFilesAreNotTrustedAndOffMeansOff() throws {
    let setup = try Setup()
    defer { try? FileManager.default.removeItem(at: setup.root) }
    for value in ["off", "0", "False", "no"] {
      let off = try setup.ask(["mdma", "us"], environment: ["PSYREG_CACHE": value])
      #expect(off.status == 0)
      #expect(!off.stderr.contains("cache:"), "\(value)")
      #expect(setup.outlines.isEmpty, "\(value)")
    }
    try FileManager.default.setAttributes(
      [.modificationDate: Date()], ofItemAtPath: setup.rules + "/jurisdictions/us.yaml")
    let fresh = try setup.ask(["mdma", "us"])
    #expect(fresh.stderr.contains("not stored"), "\(fresh.stderr)")
    #expect(setup.outlines.isEmpty)
    // Nothing was ever written beside the rules.
    let files = try FileManager.default.subpathsOfDirectory(atPath: setup.rules)
    #expect(files.allSatisfy { $0.hasSuffix(".yaml") || !$0.contains(".") }, "\(files)")
  }
}
