import Foundation
import Testing

@testable import PsyregCore

/// The command line as a new user meets it: version, help, missing rules, unknown names,
/// colour, the review note, completions.
@Suite struct UXCLITests {
  @Test func versionIsTheLibrarysAndTheChangelogs() throws {
    let result = try CLI.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == PsyregVersion.current + "\n")
    let changelog = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
    #expect(changelog.contains("## [\(PsyregVersion.current)]"), "CHANGELOG.md names the current version")
  }

  @Test func helpExplainsActivitiesAndVerdicts() throws {
    let help = try CLI.run(["--help"]).stdout
    for word in Activity.allCases.map(\.rawValue) + Verdict.allCases.map(\.rawValue) {
      #expect(help.contains("  \(word) "), "\(word)")
    }
    let ask = try CLI.run(["ask", "--help"]).stdout
    #expect(ask.contains("supervised-use  non-medical adult use"))
    #expect(ask.contains("decriminalized  unlawful, but"))
  }

  @Test func noRulesFolderSaysWhereToLook() throws {
    let empty = try CLI.folder(["README": "nothing here\n"])
    defer { try? FileManager.default.removeItem(at: empty) }
    let result = try CLI.run(["ask", "mdma", "us"], in: empty)
    #expect(result.status == 64)
    #expect(result.stderr.contains("no ./Rules here: use --rules DIR or set PSYREG_RULES"))
    #expect(!result.stderr.contains("cannot read the file"))
    let flagged = try CLI.run(["list", "substances", "--rules", "nowhere"], in: empty)
    #expect(flagged.status == 64)
    #expect(flagged.stderr.contains("the rules folder 'nowhere' (from --rules) does not exist"))
    let env = try CLI.run(["validate"], in: empty, environment: ["PSYREG_RULES": "/no/such/rules"])
    #expect(env.status == 64)
    #expect(env.stderr.contains("(from PSYREG_RULES) does not exist"))
  }

  @Test func unknownNamesSayWhatIsCoveredWithOneSuggestionPerId() throws {
    let result = try CLI.run(["ask", "psilocibin", "oregon"])
    #expect(result.status == 64)
    // "psilocybin" and its alias "psilocybine" are one substance: suggested once.
    #expect(result.stderr.contains("did you mean 'psilocybin', 'psilocin'"))
    #expect(!result.stderr.contains("'psilocybine'"))
    #expect(result.stderr.contains("list them with 'psyreg list substances'"))
    let place = try CLI.run(["report", "narnia"])
    #expect(place.status == 64)
    #expect(place.stderr.contains("unknown jurisdiction 'narnia'"))
    #expect(place.stderr.contains("list them with 'psyreg list jurisdictions'"))
    let timeline = try CLI.run(["timeline", "shroomz"])
    #expect(timeline.stderr.contains("psyreg list substances"))
  }

  @Test func verdictsAreColouredOnlyWhenAsked() throws {
    let plain = try CLI.run(["ask", "mdma", "us", "--on", "2024-01-01"])
    #expect(!plain.stdout.contains("\u{1B}["), "a pipe gets no colour")
    let forced = try CLI.run(
      ["ask", "mdma", "us", "--on", "2024-01-01"], environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": ""])
    #expect(forced.stdout.contains("\u{1B}[1;31mprohibited\u{1B}[0m"))
    let noColor = try CLI.run(
      ["ask", "mdma", "us", "--on", "2024-01-01"], environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"])
    #expect(!noColor.stdout.contains("\u{1B}["))
    let json = try CLI.run(
      ["ask", "mdma", "us", "--on", "2024-01-01", "--format", "json"],
      environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": ""])
    #expect(!json.stdout.contains("\u{1B}["), "machine formats are never coloured")
  }

  @Test func aDatePastTheReviewDateIsNoted() throws {
    let late = try CLI.run(["ask", "mdma", "us", "--activity", "medical", "--on", "2099-01-01"])
    #expect(late.status == 0)
    #expect(late.stderr.contains("2099-01-01 is after the rules' review date"))
    let early = try CLI.run(["ask", "mdma", "us", "--activity", "medical", "--on", "2001-01-01"])
    #expect(!early.stderr.contains("review date"))
  }

  @Test func completionsOfferIds() throws {
    let script = try CLI.run(["--generate-completion-script", "bash"])
    #expect(script.status == 0)
    #expect(script.stdout.contains("---completion"))
    let substances = try CLI.run(["---completion", "ask", "--", "positional@0", "2", "4", "psyreg", "ask", "psil"])
    #expect(substances.stdout.contains("psilocybin"))
    #expect(!substances.stdout.contains("mdma"))
    let places = try CLI.run(["---completion", "report", "--", "positional@0", "2", "4", "psyreg", "report", "us-o"])
    #expect(places.stdout.contains("us-or"))
  }
}

@Suite struct ReviewDateTests {
  @Test func scheduledChangesDoNotMoveTheReviewDate() throws {
    let book = try RuleBook.load(paths: [CLI.packageRoot.appendingPathComponent("Rules").path]).book
    let today = CivilDate("2026-11-22")!
    let reviewed = try #require(book.reviewDate(asOf: today))
    #expect(reviewed <= today)
    #expect(book.reviewNote(for: reviewed, today: today) == nil)
    #expect(book.reviewNote(for: CivilDate("2030-01-01")!, today: today) != nil)
    // As of an earlier day, only what was known by then counts.
    #expect(book.reviewDate(asOf: CivilDate("2000-01-01")!)! <= CivilDate("2000-01-01")!)
  }
}

@Suite struct ReportAllCLITests {
  @Test func allWritesAMatrixPerActivity() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("psyreg-all-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CLI.run(["report", "--all", "--output", out.path, "--on", "2024-06-01", "--format", "markdown"])
    #expect(result.status == 0, "\(result.stderr)")
    for activity in Activity.allCases {
      let file = out.appendingPathComponent("matrix-\(activity.rawValue).md")
      #expect(FileManager.default.fileExists(atPath: file.path), "\(activity)")
    }
    let index = try String(contentsOf: out.appendingPathComponent("index.md"), encoding: .utf8)
    #expect(index.contains("[Medical use](matrix-medical.md)"))
  }
}
