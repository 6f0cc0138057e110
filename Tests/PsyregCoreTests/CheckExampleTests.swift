import Foundation
import Testing

@testable import PsyregCore

/// Every check carries examples that trigger it and examples that do not; this suite runs
/// them all, and each triggering example states where the diagnostic must point.
@Suite struct CheckExampleTests {
  static let checks = Check.all

  @Test("codes are unique and documented", arguments: [()])
  func codesAreUnique(_: Void) {
    let codes = Check.all.map(\.code)
    #expect(Set(codes).count == codes.count)
    #expect(Check.all.allSatisfy { !$0.summary.isEmpty })
  }

  @Test("triggering examples report the code at the marker", arguments: checks)
  func triggering(_ check: Check) {
    for example in check.triggering {
      let files = Check.context.merging(example) { _, new in new }
      let (output, markers) = loadMarked(files)
      #expect(markers.count == 1, "\(check.code): a triggering example marks exactly one place")
      guard let (path, marker) = markers.first else { continue }
      let found = output.diagnostics.filter { $0.code == check.code }
      #expect(
        found.contains { $0.position.file == path && $0.position.location == marker && $0.severity == check.severity },
        "\(check.code) expected at \(path):\(marker); got \(output.diagnostics.map(\.formatted))")
    }
  }

  @Test("non-triggering examples are clean", arguments: checks)
  func nonTriggering(_ check: Check) {
    for example in check.nonTriggering {
      let files = Check.context.merging(example) { _, new in new }
      let output = load(files)
      #expect(output.diagnostics.isEmpty, "\(check.code): \(output.diagnostics.map(\.formatted))")
    }
  }

  @Test("every check except file-system ones has a triggering example")
  func examplesExist() {
    let fileSystemChecks: Set = ["file.unreadable", "file.no-rules"]
    for check in Check.all where !fileSystemChecks.contains(check.code) {
      #expect(!check.triggering.isEmpty, "\(check.code) has no triggering example")
    }
  }

  @Test("every code the engine reports is in the catalogue")
  func catalogueIsComplete() throws {
    // Gather codes from the message factories' source so a new message cannot skip the catalogue.
    let source = try String(
      contentsOfFile: #filePath.replacingOccurrences(
        of: "Tests/PsyregCoreTests/CheckExampleTests.swift",
        with: "Sources/PsyregCore/Diagnostics/Diagnostic+Messages.swift"), encoding: .utf8)
    let catalogue = Set(Check.all.map(\.code))
    var codes: Set<String> = []
    for part in source.components(separatedBy: "Diagnostic(").dropFirst() {
      let quoted = part.drop { $0 == "\n" || $0 == " " }
      guard quoted.first == "\"" else { continue }
      codes.insert(String(quoted.dropFirst().prefix { $0 != "\"" }))
    }
    for code in [
      "value.unknown-activity", "value.unknown-verdict", "value.unknown-entry-kind", "value.unknown-confidence",
      "value.unknown-substance-kind", "value.unknown-jurisdiction-kind", "ref.unknown-substance",
      "ref.unknown-jurisdiction",
    ] {
      codes.insert(code)
    }
    #expect(codes.count > 20)
    #expect(codes.subtracting(catalogue).isEmpty, "not in Check.all: \(codes.subtracting(catalogue).sorted())")
  }
}

extension Check: CustomTestStringConvertible {
  public var testDescription: String { code }
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
