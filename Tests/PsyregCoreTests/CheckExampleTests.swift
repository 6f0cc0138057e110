import Foundation
import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// Every check carries examples that trigger it and examples that do not. As in
/// swift-format's `DiagnosingTestCase`, a triggering example must report exactly its
/// findings (code, place, message, notes) and nothing else; a non-triggering example
/// must report nothing at all.
@Suite struct CheckExampleTests {
  static let checks = Check.all

  @Test("the catalogue has one entry per code, in code order, each with a summary")
  func catalogueMatchesCodes() {
    #expect(Check.all.map(\.code) == CheckCode.allCases)
    #expect(Check.all.allSatisfy { !$0.summary.isEmpty && $0.summary.hasSuffix(".") })
  }

  @Test("triggering examples report exactly their findings", arguments: checks)
  func triggering(_ check: Check) {
    for example in check.triggering {
      #expect(!example.findings.isEmpty, "\(check.code.rawValue): a triggering example states what it reports")
      let files = Check.context.merging(example.files) { _, new in new }
      let (output, markers) = loadNamedMarkers(files)
      var unexpected = output.diagnostics
      for finding in example.findings {
        guard let position = markers[finding.marker] else {
          Issue.record("\(check.code.rawValue): no marker \(finding.marker) in the example")
          continue
        }
        let index = unexpected.firstIndex {
          $0.code == check.code && $0.position == position && $0.message == finding.message
        }
        guard let index else {
          Issue.record(
            "\(check.code.rawValue): expected '\(finding.message)' at \(position); got \(output.diagnostics.map(\.formatted))"
          )
          continue
        }
        let found = unexpected.remove(at: index)
        #expect(found.severity == check.severity)
        let expectedNotes = finding.notes.map { note in
          "\(markers[note.marker].map { "\($0)" } ?? "no marker \(note.marker)"): \(note.message)"
        }
        #expect(found.notes.map { "\($0.position): \($0.message)" } == expectedNotes, "\(check.code.rawValue)")
      }
      #expect(unexpected.isEmpty, "\(check.code.rawValue): unexpected \(unexpected.map(\.formatted))")
    }
  }

  @Test("non-triggering examples report nothing", arguments: checks)
  func nonTriggering(_ check: Check) {
    #expect(!check.nonTriggering.isEmpty, "\(check.code.rawValue) has no non-triggering example")
    for example in check.nonTriggering {
      #expect(!example.files.isEmpty, "\(check.code.rawValue): a non-triggering example gives files")
      let files = Check.context.merging(example.files) { _, new in new }
      let output = load(files)
      #expect(output.diagnostics.isEmpty, "\(check.code.rawValue): \(output.diagnostics.map(\.formatted))")
    }
  }

  @Test("every check has a triggering example, but those tested elsewhere")
  func examplesExist() {
    // The file system's (tested through the command line and the hostile corpus), and the
    // problem cap (LoaderTests), whose example would be 201 problems long.
    let testedElsewhere: Set<CheckCode> = [
      .fileUnreadable, .fileNoRules, .fileLinkOutside, .fileFolderLinkOutside, .fileTooManyProblems,
    ]
    for check in Check.all where !testedElsewhere.contains(check.code) {
      #expect(!check.triggering.isEmpty, "\(check.code.rawValue) has no triggering example")
    }
  }
}

extension Check: CustomTestStringConvertible {
  public var testDescription: String { code.rawValue }
}

@Suite struct CheckCatalogueDocTests {
  /// `docs/checks.md` is generated; set PSYREG_UPDATE_DOCS=1 to rewrite it.
  @Test func docsListEveryCheck() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/checks.md")
    let generated = Check.catalogueMarkdown()
    if ProcessInfo.processInfo.environment["PSYREG_UPDATE_DOCS"] == "1" {
      try Data(generated.utf8).write(to: path)
    }
    let current = try String(contentsOf: path, encoding: .utf8)
    #expect(
      current == generated,
      "docs/checks.md is out of date: run PSYREG_UPDATE_DOCS=1 swift test --filter CheckCatalogueDocTests")
  }
}
