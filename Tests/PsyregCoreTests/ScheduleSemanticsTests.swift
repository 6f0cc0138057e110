import Foundation
import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// The second edition's semantics at their edges (docs/rule-format.md, "Which entry governs"):
/// listings, class-wide amendments, adoption, isomer lineage through a schedule, and where each
/// answer says it comes from.
@Suite struct ScheduleSemanticsTests {
  static let sources = "    sources: [https://example.org/]\n    confidence: high\n"

  static func schedule(_ id: String, _ label: String, _ verdicts: String) -> String {
    "  \(id):\n    label: \(label)\n    instrument: Act\n" + sources + "    verdicts: \(verdicts)\n"
  }

  static func entry(_ lines: String) -> String {
    "  - " + lines.split(separator: "\n").joined(separator: "\n    ") + "\n    title: T\n    instrument: I\n"
      + "    sources: [https://example.org/]\n    confidence: high\n"
  }

  static let files: [String: String] = [
    "Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n",
    "Rules/substances/dmt.yaml": "id: dmt\nname: DMT\nkind: compound\n",
    "Rules/substances/ketamine.yaml": "id: ketamine\nname: Ketamine\nkind: compound\n",
    "Rules/substances/esketamine.yaml": "id: esketamine\nname: Esketamine\nkind: compound\nisomer_of: ketamine\n",
    "Rules/substances/salvia.yaml": "id: salvia\nname: Salvia\nkind: plant\n",
    "Rules/jurisdictions/un.yaml": "id: un\nname: UN\nkind: international\nschedules:\n"
      + schedule("c71-i", "1971 Schedule I", "{default: prohibited}")
      + "unlisted:\n  status: Not under international control\n  instrument: the conventions (not listed)\n"
      + "  sources: [https://example.org/]\n  confidence: high\n  verdicts: {default: allowed}\n"
      + "timeline:\n" + entry("date: 1976-08-16\nkind: scheduled\nsubstances: [lsd]\nschedule: c71-i"),
    "Rules/jurisdictions/us.yaml": "id: us\nname: United States\nkind: national\nparent: un\nschedules:\n"
      + schedule(
        "csa-i", "CSA Schedule I", "{default: prohibited, research: {verdict: conditional, conditions: [a licence]}}")
      + schedule(
        "csa-iii", "CSA Schedule III",
        "{default: prohibited, medical: {verdict: conditional, conditions: [a prescription]}}")
      + "timeline:\n"
      + entry("date: 1971-05-01\nkind: scheduled\nsubstances: [lsd, dmt]\nschedule: csa-i")
      + entry("date: 1999-08-12\nkind: scheduled\nsubstances: [ketamine]\nschedule: csa-iii")
      // An override on the listing entry: religious use of DMT, for that activity only.
      + entry(
        "date: 2006-02-21\nkind: court-ruling\nsubstances: [dmt]\nstatus: RFRA exemption\n"
          + "verdicts: {religious: {verdict: conditional, conditions: [the UDV church]}}"),
    "Rules/jurisdictions/us-xa.yaml": "id: us-xa\nname: State A\nkind: state\nparent: us\n"
      + "adopts:\n  - layer: us\n    from: 1980-01-01\n    instrument: Adoption Act\n" + sources
      + "schedules:\n" + schedule("csa-i", "State Schedule I", "{default: prohibited}")
      + schedule(
        "csa-iii", "State Schedule III",
        "{default: prohibited, medical: {verdict: conditional, conditions: [a prescription]}}")
      + "timeline:\n"
      + entry(
        "date: 2021-02-01\nkind: decriminalized\nschedules: [csa-i]\nstatus: Possession a violation\n"
          + "verdicts: {possession: decriminalized}")
      // A substance's own entry on the same day as the class-wide change: the own entry wins.
      + entry(
        "date: 2021-02-01\nkind: other\nsubstances: [dmt]\nstatus: DMT stays a crime\nverdicts: {possession: prohibited}"
      )
      // A later own entry overrides the earlier class-wide change for that substance only.
      + entry(
        "date: 2022-01-01\nkind: program-opened\nsubstances: [lsd]\nstatus: LSD programme\n"
          + "verdicts: {possession: {verdict: conditional, conditions: [at a centre]}}")
      // A substance's own listing beside the adoption.
      + entry("date: 2023-01-01\nkind: scheduled\nsubstances: [salvia]\nschedule: csa-i"),
    "Rules/jurisdictions/us-xb.yaml": "id: us-xb\nname: State B\nkind: state\nparent: us\n"
      + "adopts:\n  - layer: us\n    from: 1975-01-01\n    instrument: Adoption Act B\n" + sources,
    "Rules/jurisdictions/us-xc.yaml": "id: us-xc\nname: State C\nkind: state\nparent: us\n",
  ]

  static let book = PsyregTestSupport.book(files)

  func layer(_ substance: String, _ jurisdiction: String, _ activity: Activity, _ day: String) throws -> LayerAnswer {
    let answer = try Self.book.ask(substance, in: jurisdiction, activity: activity, on: date(day))
    return (answer.layers + answer.beside).first { $0.jurisdiction.id == jurisdiction }!
  }

  @Test func theRulesLoadCleanly() {
    let output = PsyregTestSupport.load(Self.files)
    #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.formatted))")
  }

  @Test func aListingTakesEffectOnItsDayWithTheScheduleLabel() throws {
    #expect(try layer("lsd", "us", .possession, "1971-04-30").origin == .none)
    let on = try layer("lsd", "us", .possession, "1971-05-01")
    #expect(on.verdict == .prohibited)
    #expect(on.origin == .schedule)
    #expect(on.schedule?.id == "csa-i")
    #expect(on.status == "CSA Schedule I")
    #expect(on.since == date("1971-05-01"))
    #expect(try layer("lsd", "us", .research, "1971-05-01").verdict == .conditional)
  }

  @Test func anEntryOverridesTheScheduleForItsActivityOnly() throws {
    let religious = try layer("dmt", "us", .religious, "2010-01-01")
    #expect(religious.verdict == .conditional)
    #expect(religious.origin == .own)
    #expect(religious.status == "RFRA exemption")
    let possession = try layer("dmt", "us", .possession, "2010-01-01")
    #expect(possession.verdict == .prohibited)
    #expect(possession.status == "CSA Schedule I", "a label set about religious use never labels possession")
  }

  @Test func classWideChangeReachesEverySubstanceListedOnTheDateAsked() throws {
    let before = try layer("lsd", "us-xa", .possession, "2021-01-31")
    #expect(before.verdict == .prohibited)
    #expect(before.via == "us")
    let after = try layer("lsd", "us-xa", .possession, "2021-02-01")
    #expect(after.verdict == .decriminalized)
    #expect(after.origin == .schedule)
    #expect(after.since == date("2021-02-01"))
    #expect(after.status == "Possession a violation")
    // The amendment concerns possession only: supply keeps the schedule's meaning and label.
    let supply = try layer("lsd", "us-xa", .supply, "2021-02-01")
    #expect(supply.verdict == .prohibited)
    #expect(supply.status == "State Schedule I")
  }

  @Test func anOwnEntryOnTheSameDayAsAClassWideChangeWins() throws {
    let dmt = try layer("dmt", "us-xa", .possession, "2021-02-01")
    #expect(dmt.verdict == .prohibited)
    #expect(dmt.origin == .own)
    #expect(dmt.status == "DMT stays a crime")
  }

  @Test func aLaterOwnEntryOverridesAnEarlierClassWideChange() throws {
    #expect(try layer("lsd", "us-xa", .possession, "2021-12-31").verdict == .decriminalized)
    let lsd = try layer("lsd", "us-xa", .possession, "2022-01-01")
    #expect(lsd.verdict == .conditional)
    #expect(lsd.origin == .own)
  }

  @Test func adoptionTakesTheListingsFromItsDayAndTheMeaningFromTheOwnSchedules() throws {
    #expect(try layer("lsd", "us-xa", .possession, "1979-12-31").origin == .none)
    let adopted = try layer("lsd", "us-xa", .research, "1980-01-01")
    #expect(adopted.verdict == .prohibited, "State Schedule I sets research prohibited, unlike the federal one")
    #expect(adopted.origin == .schedule)
    #expect(adopted.since == date("1980-01-01"))
    #expect(adopted.via == "us")
  }

  @Test func aLayerWithoutOwnSchedulesAnswersAsTheAdoptedLayerDoes() throws {
    let answer = try layer("esketamine", "us-xb", .medical, "2020-01-01")
    #expect(answer.verdict == .conditional)
    #expect(answer.origin == .adopted)
    #expect(answer.via == "us")
    #expect(answer.schedule?.id == "csa-iii")
    #expect(answer.status == "CSA Schedule III")
  }

  @Test func aLayerWithNoRuleAndNoAdoptionSaysNoRuleRecorded() throws {
    let answer = try layer("esketamine", "us-xc", .medical, "2020-01-01")
    #expect(answer.verdict == .unknown)
    #expect(answer.origin == .none)
    #expect(answer.governing == nil)
    #expect(
      AnswerTextRenderer().render(
        try Self.book.ask("esketamine", in: "us-xc", activity: .medical, on: date("2020-01-01"))
      )
      .contains("no rule recorded"))
  }

  @Test func ownListingBesideAdoption() throws {
    #expect(try layer("salvia", "us-xa", .possession, "2022-12-31").origin == .none)
    let salvia = try layer("salvia", "us-xa", .possession, "2023-01-01")
    #expect(salvia.verdict == .decriminalized, "listed in Schedule I as amended in 2021")
    #expect(salvia.origin == .schedule)
    #expect(salvia.via == nil)
    #expect(salvia.since == date("2023-01-01"))
  }

  @Test func isomerLineageReachesThroughASchedule() throws {
    let answer = try layer("esketamine", "us", .medical, "2000-01-01")
    #expect(answer.verdict == .conditional)
    #expect(answer.origin == .inherited)
    #expect(answer.inheritedFrom == "ketamine")
    #expect(answer.schedule?.id == "csa-iii")
    #expect(try layer("esketamine", "us", .medical, "1999-08-11").verdict == .unknown)
  }

  @Test func treatyLayerAnswersAllowedBeforeInternationalScheduling() throws {
    let before = try layer("lsd", "un", .possession, "1976-08-15")
    #expect(before.verdict == .allowed)
    #expect(before.origin == .initial)
    #expect(before.status == "Not under international control")
    #expect(try layer("lsd", "un", .possession, "1976-08-16").verdict == .prohibited)
    #expect(try layer("ketamine", "un", .medical, "2020-01-01").verdict == .allowed)
  }

  @Test func jsonCarriesOriginViaAndSchedule() throws {
    let answer = try Self.book.ask("esketamine", in: "us-xb", activity: .medical, on: date("2020-01-01"))
    let json = AnswerJSONRenderer().json(answer).rendered()
    #expect(json.contains(#""origin": "adopted""#))
    #expect(json.contains(#""via": "us""#))
    #expect(json.contains(#""schedule": "csa-iii""#))
  }

  @Test func timelineShowsAClassWideChangeUnderEachSubstanceItReached() {
    let items = Self.book.timeline(TimelineQuery(jurisdiction: "us-xa"))
    let classWide = items.filter { $0.entry.isClassWide }
    #expect(classWide.count == 1)
    #expect(classWide.first?.substances == ["dmt", "lsd"])
    #expect(classWide.first?.changes.map(\.substance) == ["lsd"], "DMT's own same-day entry keeps it prohibited")
  }

  /// The fixture with the federal Schedule III (ketamine's) of uncertain confidence.
  static func withDoubtfulScheduleIII() -> [String: String] {
    let schedule = schedule(
      "csa-iii", "CSA Schedule III",
      "{default: prohibited, medical: {verdict: conditional, conditions: [a prescription]}}")
    var files = files
    files["Rules/jurisdictions/us.yaml"] = files["Rules/jurisdictions/us.yaml"]!.replacingOccurrences(
      of: schedule, with: schedule.replacingOccurrences(of: "confidence: high", with: "confidence: uncertain"))
    precondition(files != Self.files, "the fixture's schedule text changed; update the replacement")
    return files
  }

  @Test func aDoubtfulScheduleMakesTheAnswersReadFromItUncertain() throws {
    let files = Self.withDoubtfulScheduleIII()
    let book = PsyregTestSupport.book(files)
    let ketamine = try book.ask("ketamine", in: "us", activity: .medical, on: date("2020-01-01"))
    #expect(ketamine.layers.first?.confidence == .uncertain)
    #expect(ketamine.isUncertain)
    #expect(AnswerJSONRenderer().json(ketamine).rendered().contains(#""confidence": "uncertain""#))
    #expect(AnswerTextRenderer().render(ketamine).contains("(!) confidence: uncertain"))
    // The listing entry itself is high; LSD's schedule is not doubtful, so neither is its answer.
    let lsd = try book.ask("lsd", in: "us", activity: .possession, on: date("2020-01-01"))
    #expect(!lsd.isUncertain)
  }

  @Test func aReportListsTheDoubtfulScheduleAndAdoptionItsAnswersComeThrough() throws {
    var files = Self.withDoubtfulScheduleIII()
    files["Rules/jurisdictions/us-xb.yaml"] = files["Rules/jurisdictions/us-xb.yaml"]!.replacingOccurrences(
      of: "instrument: Adoption Act B\n" + Self.sources,
      with: "instrument: Adoption Act B\n" + Self.sources.replacingOccurrences(of: "high", with: "medium"))
    #expect(files["Rules/jurisdictions/us-xb.yaml"] != Self.files["Rules/jurisdictions/us-xb.yaml"])
    let report = ReportFixture.report(files: files, jurisdiction: "us-xb", on: "2020-01-01")
    let ketamine = try #require(report.substances.first { $0.id == "ketamine" })
    let schedule = try #require(ketamine.uncertainties.first { $0.event.kind == .schedule })
    #expect(schedule.event.title == "Schedule: CSA Schedule III")
    #expect(schedule.event.layer.id == "us")
    #expect(schedule.event.dateText == "schedule")
    #expect(schedule.event.confidence == .uncertain)
    #expect(schedule.governs.contains(.medical))
    let adoption = try #require(ketamine.uncertainties.first { $0.event.kind == .adoption })
    #expect(adoption.event.title == "Follows the schedules of United States")
    #expect(adoption.event.date == date("1975-01-01"))
    #expect(adoption.event.confidence == .medium)
    // LSD's schedule is certain; only the adoption is doubtful there.
    let lsd = try #require(report.substances.first { $0.id == "lsd" })
    #expect(lsd.uncertainties.map(\.event.kind) == [.adoption])
  }

  @Test func factsGivenInCodeAreNormalisedLikeFactsOnTheCommandLine() throws {
    #expect(
      Facts(indication: "PTSD", prescriber: "Authorised Psychiatrist")
        == Facts(indication: "ptsd", prescriber: "authorised-psychiatrist"))
    #expect(try Facts(["indication": "PTSD"]) == Facts(indication: "PTSD"))
  }
}

/// Over every shipped jurisdiction, substance and activity: a layer's status label is its
/// governing rule's (or that rule's schedule's), never one set about another activity.
@Suite struct ShippedLabelTests {
  @Test func everyLabelBelongsToTheRuleThatGoverns() throws {
    let book = try RuleBook.load(paths: [shippedRules]).book
    let day = date("2025-06-01")
    var checked = 0
    for substance in book.sortedSubstances {
      for jurisdiction in book.sortedJurisdictions {
        for activity in Activity.allCases {
          let answer = book.answer(
            Question(substance: substance.id, jurisdiction: jurisdiction.id, activity: activity, date: day))
          for layer in answer.layers + answer.beside {
            guard let status = layer.status else { continue }
            checked += 1
            var allowed: Set<String> = []
            if let rule = layer.governing {
              if let s = rule.status { allowed.insert(s) }
              // The rule must set this activity: a label from a rule about another activity is the bug.
              if let entry = rule.entry, !entry.isClassWide, !entry.isListing {
                #expect(
                  entry.verdicts.ruling(for: activity) != nil,
                  "\(substance.id) \(jurisdiction.id) \(activity.rawValue): governed by an entry that sets no verdict for it"
                )
              }
            }
            if let schedule = layer.schedule { allowed.insert(schedule.label) }
            if let amendment = layer.amendment {
              #expect(amendment.verdicts.ruling(for: activity) != nil)
              if let s = amendment.status { allowed.insert(s) }
            }
            #expect(
              allowed.contains(status),
              "\(substance.id) in \(layer.jurisdiction.id), \(activity.rawValue): label '\(status)' is not its rule's")
          }
        }
      }
    }
    #expect(checked > 1000)
  }
}

/// The repository's `Rules/` folder.
let shippedRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Rules").path
