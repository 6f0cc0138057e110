import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

/// Pins the JSON contract of DESIGN.md: other tools and scripts read these keys.
@Suite struct AnswerGoldenTests {
  @Test func askJSONMatchesTheContract() throws {
    let answer = try Fixture.book.ask(
      "psilocybin", in: "us-or", activity: .supervisedUse, on: date("2024-06-01"), facts: Facts(age: 30))
    let expected = #"""
      {
        "substance": "psilocybin",
        "jurisdiction": "us-or",
        "activity": "supervised-use",
        "date": "2024-06-01",
        "verdict": "prohibited",
        "conflict": true,
        "uncertain": false,
        "conditions": [],
        "facts": {
          "age": 30
        },
        "layers": [
          {
            "jurisdiction": "us-or",
            "name": "Oregon",
            "kind": "state",
            "binding": true,
            "verdict": "conditional",
            "conditions": [
              "at a licensed service centre"
            ],
            "unmet": [],
            "status": null,
            "since": "2023-01-02",
            "origin": "own",
            "title": "Psilocybin services open",
            "kind_of_entry": "program-opened",
            "instrument": "ORS 475A",
            "sources": [
              "https://example.org/ors475a"
            ],
            "confidence": "high",
            "inherited_from": null,
            "note": null,
            "rule": {
              "file": "Rules/jurisdictions/us-or.yaml",
              "line": 14
            }
          },
          {
            "jurisdiction": "us",
            "name": "United States",
            "kind": "national",
            "binding": true,
            "verdict": "prohibited",
            "conditions": [],
            "unmet": [],
            "status": "Schedule I",
            "since": "1971-05-01",
            "origin": "own",
            "title": "CSA Schedule I",
            "kind_of_entry": "scheduled",
            "instrument": "Pub. L. 91-513",
            "sources": [
              "https://example.org/csa"
            ],
            "confidence": "high",
            "inherited_from": null,
            "note": null,
            "rule": {
              "file": "Rules/jurisdictions/us.yaml",
              "line": 14
            }
          }
        ],
        "beside": [
          {
            "jurisdiction": "un",
            "name": "United Nations",
            "kind": "international",
            "binding": false,
            "verdict": "prohibited",
            "conditions": [],
            "unmet": [],
            "status": "Schedule I (1971)",
            "since": "1976-08-16",
            "origin": "own",
            "title": "1971 Convention in force",
            "kind_of_entry": "scheduled",
            "instrument": "Convention on Psychotropic Substances 1971",
            "sources": [
              "https://example.org/un"
            ],
            "confidence": "high",
            "inherited_from": null,
            "note": null,
            "rule": {
              "file": "Rules/jurisdictions/un.yaml",
              "line": 5
            }
          }
        ]
      }
      """#
    #expect(AnswerJSONRenderer().json(answer).rendered() == expected)
  }

  @Test func jsonStringsAreEscaped() {
    let value: JSON = .object([("a\"b", .string("line\nbreak\t\u{1}\\"))])
    #expect(value.rendered(pretty: false) == #"{"a\"b":"line\nbreak\t\u0001\\"}"#)
  }

  @Test func textAnswerReadsLikeACarefulAnswer() throws {
    let answer = try Fixture.book.ask("psilocybin", in: "Oregon", activity: .possession, on: date("2021-02-01"))
    let text = AnswerTextRenderer().render(answer)
    #expect(
      text.hasPrefix(
        "Psilocybin in Oregon (us-or), possession, on 2021-02-01: PROHIBITED  [not all sources are certain]\n"))
    #expect(text.contains("Conflict: decriminalized under Oregon law; still prohibited under United States law\n"))
    #expect(text.contains("    since 2021-02-01: Measure 110\n"))
    #expect(text.contains("    (!) confidence: medium\n"))
    #expect(text.contains("    rule: Rules/jurisdictions/us-or.yaml:6\n"))
    #expect(
      text.contains("Beside the answer (binds states, not people):\n  United Nations (un, international): prohibited"))
  }

  @Test func conditionalAnswersSayWhatWouldMakeThemLawful() throws {
    let answer = try Fixture.book.ask("esketamine", in: "us", activity: .medical, on: date("2020-01-01"))
    #expect(
      AnswerTextRenderer().render(answer).contains(
        "Allowed if: in a REMS-certified setting; for treatment-resistant depression\n"))
  }
}
