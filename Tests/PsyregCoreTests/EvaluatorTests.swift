import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

@Suite struct EvaluatorTests {
  let book = Fixture.book

  func ask(
    _ substance: String, _ jurisdiction: String, _ activity: Activity, _ day: String, facts: Facts = Facts()
  ) throws -> Answer {
    try book.ask(substance, in: jurisdiction, activity: activity, on: date(day), facts: facts)
  }

  @Test func theDayBeforeAnEntryTheEarlierStatusGoverns() throws {
    let before = try ask("mdma", "us", .possession, "1985-06-30")
    #expect(before.verdict == .allowed)
    #expect(before.layers[0].governing?.isInitial == true)
    #expect(before.layers[0].origin == .initial)
    #expect(before.layers[0].status == "Not controlled")
    #expect(before.layers[0].since == nil)
  }

  @Test func theDayAnEntryTakesEffectItGoverns() throws {
    let on = try ask("mdma", "us", .possession, "1985-07-01")
    #expect(on.verdict == .prohibited)
    #expect(on.layers[0].since == date("1985-07-01"))
    #expect(on.layers[0].governing?.title == "Emergency scheduling")
    #expect(on.layers[0].governing?.origin.file == "Rules/jurisdictions/us.yaml")
  }

  @Test func beforeTheFirstEntryWithoutAnInitialStatusIsUnknown() throws {
    let answer = try ask("psilocybin", "us", .possession, "1971-04-30")
    #expect(answer.verdict == .unknown)
    #expect(answer.layers[0].governing == nil)
    #expect(try ask("psilocybin", "us", .possession, "1971-05-01").verdict == .prohibited)
  }

  @Test func anEntryGovernsOnlyTheActivitiesItSets() throws {
    #expect(try ask("psilocybin", "us", .research, "2000-01-01").verdict == .conditional)
    // The 2018 designation sets no verdict: the 1971 scheduling still governs.
    let answer = try ask("psilocybin", "us", .possession, "2019-01-01")
    #expect(answer.layers[0].since == date("1971-05-01"))
    #expect(try ask("ketamine", "us", .research, "2000-01-01").verdict == .unknown)
  }

  @Test func parentLayersBindAndConflictsAreStated() throws {
    let answer = try ask("psilocybin", "us-or", .possession, "2021-02-01")
    #expect(answer.layers.map(\.jurisdiction.id) == ["us-or", "us"])
    #expect(answer.layers.map(\.verdict) == [.decriminalized, .prohibited])
    #expect(answer.verdict == .prohibited)
    #expect(answer.conflict)
    #expect(answer.governingLayer?.jurisdiction.id == "us")
    #expect(answer.isUncertain, "Measure 110's entry is medium confidence")
    let sentence = answer.conflictSentence
    #expect(sentence == "decriminalized under Oregon law; still prohibited under United States law")
  }

  @Test func aKnownProhibitionGovernsOverAnUnknownLayer() throws {
    let answer = try ask("psilocybin", "us-or", .possession, "2021-01-31")
    #expect(answer.layers.map(\.verdict) == [.unknown, .prohibited])
    #expect(answer.verdict == .prohibited)
    #expect(!answer.conflict)
  }

  @Test func anUnknownLayerMakesAPermissiveAnswerUnknown() throws {
    let answer = try ask("ketamine", "us-or", .medical, "2020-01-01")
    #expect(answer.layers.map(\.verdict) == [.unknown, .conditional])
    #expect(answer.verdict == .unknown)
    #expect(!answer.conflict)
  }

  @Test func recriminalisationTheDayOf() throws {
    #expect(try ask("psilocybin", "us-or", .possession, "2024-08-31").layers[0].verdict == .decriminalized)
    let on = try ask("psilocybin", "us-or", .possession, "2024-09-01")
    #expect(on.layers[0].verdict == .prohibited)
    #expect(!on.conflict)
    #expect(on.governingLayer?.jurisdiction.id == "us-or", "among equals the nearest layer governs")
  }

  @Test func treatyLayersAreShownBesideAndNeverFolded() throws {
    let answer = try ask("esketamine", "us", .possession, "2020-01-01")
    #expect(answer.layers.map(\.jurisdiction.id) == ["us"])
    #expect(answer.beside.map(\.jurisdiction.id) == ["un"])
    #expect(answer.beside[0].verdict == .unknown)
    #expect(answer.verdict == .conditional, "the treaty layer's unknown does not make the answer unknown")
    let psilocybin = try ask("psilocybin", "us", .research, "2000-01-01")
    #expect(psilocybin.beside[0].verdict == .prohibited)
    #expect(psilocybin.verdict == .conditional)
  }

  @Test func askingATreatyLayerItselfAnswersFromIt() throws {
    let answer = try ask("psilocybin", "un", .possession, "1980-01-01")
    #expect(answer.verdict == .prohibited)
    #expect(answer.layers.map(\.jurisdiction.id) == ["un"])
  }

  @Test func anIsomerInheritsTheRuleOfWhatItIsAnIsomerOf() throws {
    let answer = try ask("esketamine", "us", .possession, "2000-01-01")
    #expect(answer.verdict == .conditional)
    #expect(answer.layers[0].inheritedFrom == "ketamine")
    #expect(answer.layers[0].status == "Schedule III")
    #expect(try ask("esketamine", "us", .possession, "1999-08-11").verdict == .unknown)
  }

  @Test func anIsomersOwnRuleInForceWins() throws {
    let before = try ask("esketamine", "us", .medical, "2019-03-04")
    #expect(before.layers[0].inheritedFrom == "ketamine")
    #expect(before.conditions.map(\.text) == ["a valid prescription"])
    let after = try ask("esketamine", "us", .medical, "2019-03-05")
    #expect(after.layers[0].inheritedFrom == nil)
    #expect(after.conditions.map(\.text) == ["in a REMS-certified setting", "for treatment-resistant depression"])
    // Its own rule sets only medical: supply still comes from ketamine.
    #expect(try ask("esketamine", "us", .supply, "2020-01-01").layers[0].inheritedFrom == "ketamine")
  }

  @Test func checkableConditionsMetLeaveTheRest() throws {
    let answer = try ask("psilocybin", "us-or", .supervisedUse, "2023-01-02", facts: Facts(age: 25))
    #expect(answer.layers[0].verdict == .conditional)
    #expect(answer.layers[0].conditions.map(\.text) == ["at a licensed service centre"])
    #expect(answer.layers[0].unmet.isEmpty)
    #expect(answer.verdict == .prohibited)
    #expect(answer.conflict)
  }

  @Test func checkableConditionsUnmetProhibitWithTheReason() throws {
    let answer = try ask("psilocybin", "us-or", .supervisedUse, "2023-01-02", facts: Facts(age: 19))
    #expect(answer.layers[0].verdict == .prohibited)
    #expect(answer.layers[0].ruledVerdict == .conditional)
    #expect(answer.layers[0].unmet == ["age 21 or older: requires age 21 or older (age 19 given)"])
    #expect(!answer.conflict)
  }

  @Test func checkableConditionsUndecidedStayConditions() throws {
    let answer = try ask("psilocybin", "us-or", .supervisedUse, "2023-01-02")
    #expect(answer.layers[0].conditions.count == 2)
    let other = try ask("esketamine", "us", .medical, "2020-01-01", facts: Facts(age: 40))
    #expect(other.verdict == .conditional)
    #expect(other.conditions.count == 2, "age decides nothing about an indication")
  }

  @Test func indicationsAreMatchedAsTokens() throws {
    let met = try ask(
      "esketamine", "us", .medical, "2020-01-01", facts: try Facts(["indication": "Treatment resistant depression"]))
    #expect(met.verdict == .conditional)
    #expect(met.conditions.map(\.text) == ["in a REMS-certified setting"])
    let unmet = try ask("esketamine", "us", .medical, "2020-01-01", facts: try Facts(["indication": "ptsd"]))
    #expect(unmet.verdict == .prohibited)
  }

  @Test func factsAreValidated() {
    #expect(throws: Facts.Invalid.self) { try Facts(["age": "nineteen"]) }
    #expect(throws: Facts.Invalid.self) { try Facts(["agee": "19"]) }
  }

  @Test func namesResolveByIdNameAliasCaseAndAccent() throws {
    #expect(try book.resolveJurisdiction("OREGON").id == "us-or")
    #expect(try book.resolveJurisdiction("usa").id == "us")
    #expect(try book.resolveJurisdiction("no").id == "no")
    #expect(try book.resolveJurisdiction("Norge").id == "no")
    #expect(try book.resolveJurisdiction("ostfold").id == "no-31")
    #expect(try book.resolveJurisdiction("ØSTFOLD").id == "no-31")
    #expect(try book.resolveSubstance("Ecstasy").id == "mdma")
    #expect(try book.resolveSubstance("spravato").id == "esketamine")
  }

  @Test func unknownNamesSuggestTheNearest() {
    do {
      _ = try book.resolveJurisdiction("Oregn")
      Issue.record("expected an error")
    } catch {
      guard case .unknownJurisdiction(let name, let suggestions) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(name == "Oregn")
      #expect(suggestions.first == "Oregon")
    }
    do {
      _ = try book.resolveSubstance("psilocibin")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("did you mean 'psilocybin'"))
    }
  }

  @Test func everyActivityIsAnswered() throws {
    let answers = try book.askAll("mdma", in: "us", on: date("1990-01-01"))
    #expect(answers.map(\.question.activity) == Activity.allCases)
    #expect(answers.allSatisfy { $0.verdict == .prohibited })
  }
}
