import PsyregTestSupport
import Testing

@testable import psyreg

/// Where `psyreg report` may write: never inside the rules folder.
@Suite struct ReportPathsTests {
  @Test func outputInsideTheRulesFolderIsRecognised() {
    let rules = ReportFixture.rules
    #expect(ReportPaths.isInside(rules, rules))
    #expect(ReportPaths.isInside(rules + "/out", rules))
    #expect(ReportPaths.isInside(rules + "/not/yet/there/../x", rules))
    #expect(ReportPaths.isInside(rules + "/jurisdictions/../out", rules))
    #expect(!ReportPaths.isInside(rules + "/../golden", rules))
    #expect(!ReportPaths.isInside(rules + "-reports", rules))
    #expect(!ReportPaths.isInside("/tmp/psyreg-reports", rules))
  }
}
