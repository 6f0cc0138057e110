import Foundation
import PsyregCore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The report fixture: rule files under `Fixtures/report/rules`, read by path relative to this
/// file (no SwiftPM resources), and the golden outputs under `Fixtures/report/golden`.
package enum ReportFixture {
  package static let folder: String = {
    let file = #filePath
    return String(file[..<file.lastIndex(of: "/")!]) + "/../PsyregRenderTests/Fixtures/report"
  }()
  package static let rules = folder + "/rules"
  package static let golden = folder + "/golden"
  package static let date = CivilDate("2024-06-01")!

  /// The fixture's files read from disk but named relative to `Fixtures/report`, so that the
  /// golden outputs do not depend on where the checkout is.
  package static let loaded: (book: RuleBook, ruleSet: RuleSetIdentity) = {
    let files = FileSystem.walk(rules).files
    let sources = files.map { path -> (path: String, text: String) in
      guard case .success(let bytes) = FileSystem.read(path) else { preconditionFailure("cannot read \(path)") }
      return (String(path.dropFirst(folder.count + 1)), String(decoding: bytes, as: UTF8.self))
    }
    let output = RuleLoader().load(sources: sources)
    precondition(
      !output.diagnostics.hasErrors, output.diagnostics.map(\.formatted).joined(separator: "\n"))
    // Named relative to the rules folder, as `report` names them.
    let identity = RuleSetIdentity.compute(
      sources.map { (String($0.path.dropFirst(rules.count - folder.count)), Array($0.text.utf8)) })
    return (RuleBook(output.rules), identity)
  }()

  package static var book: RuleBook { loaded.book }

  package static func report(_ jurisdiction: String = "us-or", activity: Activity = .possession)
    -> JurisdictionReport
  {
    JurisdictionReport(
      book: book, jurisdiction: jurisdiction, date: date, bandActivity: activity,
      ruleSet: loaded.ruleSet)
  }

  package static func matrix(_ activity: Activity = .possession) -> MatrixReport {
    MatrixReport(book: book, activity: activity, date: date, ruleSet: loaded.ruleSet)
  }

  /// A report of rules given as text (for hostile titles and the like), with a fixed identity.
  package static func report(files: [String: String], jurisdiction: String, on day: String = "2024-06-01")
    -> JurisdictionReport
  {
    let output = RuleLoader().load(sources: files.keys.sorted().map { ($0, files[$0]!) })
    precondition(
      !output.diagnostics.hasErrors, output.diagnostics.map(\.formatted).joined(separator: "\n"))
    return JurisdictionReport(
      book: RuleBook(output.rules), jurisdiction: jurisdiction, date: CivilDate(day)!,
      ruleSet: RuleSetIdentity.compute(files.map { ($0.key, Array($0.value.utf8)) }))
  }

  /// `PSYREG_UPDATE_GOLDEN=1 swift test --filter Report` rewrites the golden files.
  static var updating: Bool {
    getenv("PSYREG_UPDATE_GOLDEN").map { String(cString: $0) == "1" } ?? false
  }

  /// Compares output with a golden file exactly; rewrites it when updating.
  package static func checkGolden(
    _ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let path = golden + "/" + name
    if updating {
      FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
      return
    }
    guard case .success(let bytes) = FileSystem.read(path) else {
      Issue.record(
        "missing golden file \(path); run PSYREG_UPDATE_GOLDEN=1 swift test --filter Report",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: bytes, as: UTF8.self)
    if actual != expected {
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
      Issue.record(
        """
        \(name) differs from the golden file at line \(line + 1):
          expected: \(line < e.count ? String(e[line]) : "<end>")
          actual:   \(line < a.count ? String(a[line]) : "<end>")
        Rerun with PSYREG_UPDATE_GOLDEN=1 to accept the new output.
        """, sourceLocation: sourceLocation)
    }
  }
}
