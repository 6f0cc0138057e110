/// A check that `psyreg validate` runs: a stable code, a one-line summary, and examples
/// that trigger it and that do not. The tests run every example.
///
/// An example is a set of rule files by path; `↓` marks where the diagnostic must point
/// (the marker is removed before the files are read). Files of `Check.context` are added
/// to every example unless it gives a file of the same path.
public struct Check: Sendable {
  public typealias Example = [String: String]

  public var code: String
  public var severity: Severity
  public var summary: String
  public var triggering: [Example]
  public var nonTriggering: [Example]

  /// Rules every example can refer to: the substance `mdma` and the treaty layer `un`.
  public static let context: Example = [
    "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n",
    "Rules/jurisdictions/un.yaml": "id: un\nname: United Nations\nkind: international\n",
  ]

  static let us = "Rules/jurisdictions/us.yaml"
  /// A schedule declaration for `usFile(more:)`.
  static let csaI = "schedules:\n" + schedule("csa-i", "CSA Schedule I")

  /// A state file that adopts `layer`'s schedules (`layer` may carry the `↓` marker).
  static func adopting(_ id: String, _ layer: String) -> String {
    "id: \(id)\nname: \(id.uppercased())\nkind: state\nadopts:\n  - layer: \(layer)\n    from: 1973-01-01\n"
      + "    instrument: I\n    sources: [https://example.org/]\n    confidence: high\n"
  }

  /// One schedule of a `schedules:` mapping.
  static func schedule(_ id: String, _ label: String, verdicts: String = "{default: prohibited}") -> String {
    "  \(id):\n    label: \(label)\n    instrument: 21 U.S.C. 812\n"
      + "    sources: [https://www.law.cornell.edu/uscode/text/21/812]\n    confidence: high\n"
      + "    verdicts: \(verdicts)\n"
  }
  static let mdma = "Rules/substances/mdma.yaml"

  /// A US file with one entry whose lines may be replaced: `entry(["date: 1985-07-01"])`.
  static func usFile(_ entryLines: [String], more: String = "") -> String {
    var lines = [
      "date: 1985-07-01", "kind: temporary-scheduled", "substances: [mdma]", "title: Emergency scheduling",
      "instrument: 50 FR 23118", "sources: [https://www.federalregister.gov/]", "confidence: high",
      "verdicts:\n      default: prohibited",
    ]
    for replacement in entryLines {
      let key = String(replacement.prefix { $0 != ":" }).replacingAll("↓", with: "")
      if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
        lines[index] = replacement
      } else {
        lines.append(replacement)
      }
    }
    lines = lines.filter { !$0.hasSuffix(": <none>") }
    return "id: us\nname: United States\nkind: national\nparent: un\ntimeline:\n  - "
      + lines.joined(separator: "\n    ") + "\n" + more
  }

  public static let all: [Check] = [
    Check(
      code: "file.unreadable", severity: .error, summary: "A rule file or folder cannot be read.",
      triggering: [], nonTriggering: [[:]]),
    Check(
      code: "file.no-rules", severity: .error, summary: "A folder holds no rule files.",
      triggering: [], nonTriggering: [[:]]),
    Check(
      code: "file.empty", severity: .error, summary: "A rule file is empty or holds only comments.",
      triggering: [["Rules/substances/lsd.yaml": "↓"], ["Rules/substances/lsd.yaml": "↓# nothing yet\n"]],
      nonTriggering: [[:]]),
    Check(
      code: "file.encoding", severity: .error, summary: "A rule file is not UTF-8 text (binary bytes, bad UTF-8).",
      triggering: [["Rules/substances/lsd.yaml": "id: lsd\nname: ↓\u{0}\n"]], nonTriggering: [[:]]),
    Check(
      code: "file.bom", severity: .warning, summary: "A rule file starts with a byte-order mark.",
      triggering: [["Rules/substances/mdma.yaml": "↓\u{FEFF}id: mdma\nname: MDMA\nkind: compound\n"]],
      nonTriggering: [[:]]),
    Check(
      code: "yaml.syntax", severity: .error, summary: "The YAML cannot be parsed.",
      triggering: [
        ["Rules/substances/mdma.yaml": "id: mdma\nname: [MDMA\nkind↓: compound\n"],
        ["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\n↓\tkind: compound\n"],
      ],
      nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\naliases: [XTC]\nkind: compound\n"]]),
    Check(
      code: "yaml.multiple-documents", severity: .error, summary: "A rule file holds more than one YAML document.",
      triggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n↓---\nid: lsd\n"]],
      nonTriggering: [["Rules/substances/mdma.yaml": "---\nid: mdma\nname: MDMA\nkind: compound\n"]]),
    Check(
      code: "yaml.duplicate-key", severity: .error, summary: "A mapping gives the same key twice.",
      triggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\n↓name: Ecstasy\nkind: compound\n"]],
      nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\naliases: [Ecstasy]\nkind: compound\n"]]),
    Check(
      code: "yaml.comment-in-value", severity: .warning,
      summary: "A ` #` inside a plain value starts a YAML comment and cuts the value short.",
      triggering: [[us: usFile(["instrument: TGA notice (ACMS ↓#38) - psilocybine"])]],
      nonTriggering: [
        [us: usFile(["instrument: \"TGA notice (ACMS #38) - psilocybine\""])],
        [us: usFile(["instrument: TGA notice  # a comment, meant as one"])],
        [us: usFile(["instrument: TGA notice#38"])],
      ]),
    Check(
      code: "yaml.unknown-alias", severity: .error, summary: "An alias names no anchor.",
      triggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: ↓*nothing\nkind: compound\n"]],
      nonTriggering: [["Rules/substances/mdma.yaml": "id: &id mdma\nname: MDMA\naliases: [*id]\nkind: compound\n"]]),
    Check(
      code: "yaml.alias-limit", severity: .error, summary: "Aliases expand beyond the bound (an alias bomb).",
      triggering: [
        [
          "Rules/substances/mdma.yaml": """
          a: &a [x, x, x, x, x, x, x, x, x, x]
          b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
          c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
          d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
          e: [*d, *d, *d, *d, *d, *d, *d, ↓*d, *d, *d]

          """
        ]
      ],
      nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: &n MDMA\naliases: [*n, *n]\nkind: compound\n"]]),
    Check(
      code: "schema.unknown-key", severity: .error, summary: "A key the rule format does not know (typo?).",
      triggering: [["Rules/substances/mdma.yaml": "id: mdma\n↓nmae: MDMA\nname: MDMA\nkind: compound\n"]],
      nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\nnote: a note\n"]]),
    Check(
      code: "schema.missing-key", severity: .error, summary: "A required key is missing.",
      triggering: [
        ["Rules/substances/mdma.yaml": "↓id: mdma\nkind: compound\n"],
        [us: usFile(["↓date: 1985-07-01", "title: <none>"])],
      ],
      nonTriggering: [[us: usFile([])]]),
    Check(
      code: "schema.type", severity: .error, summary: "A value of the wrong type (text for a list, a list for text).",
      triggering: [
        ["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\naliases: ↓ecstasy\n"],
        ["Rules/substances/mdma.yaml": "↓- mdma\n"],
      ],
      nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\naliases: [ecstasy]\n"]]),
    Check(
      code: "schema.id", severity: .error, summary: "An id that is not lower-case kebab.",
      triggering: [["Rules/substances/mdma.yaml": "id: ↓MDMA\nname: MDMA\nkind: compound\n"]],
      nonTriggering: [[:]]),
    Check(
      code: "schema.file-name", severity: .warning, summary: "A file not named after the id it defines.",
      triggering: [["Rules/substances/ecstasy.yaml": "id: ↓ecstasy-pill\nname: Ecstasy\nkind: product\n"]],
      nonTriggering: [[:]]),
    Check(
      code: "schema.file-kind", severity: .error, summary: "A file that is not a substance, jurisdiction or test file.",
      triggering: [["Rules/misc.yaml": "↓title: notes\n"]],
      nonTriggering: [["Rules/misc.yaml": "cases: []\n"]]),
    Check(
      code: "date.malformed", severity: .error, summary: "A date not written YYYY-MM-DD.",
      triggering: [[us: usFile(["date: ↓1985-7-1"])], [us: usFile(["date: ↓July 1, 1985"])]],
      nonTriggering: [[us: usFile(["date: 1985-07-01"])]]),
    Check(
      code: "date.invalid", severity: .error, summary: "A date that is not a day of the calendar (2023-02-30).",
      triggering: [[us: usFile(["date: ↓2023-02-30"])], [us: usFile(["date: ↓2023-02-29"])]],
      nonTriggering: [[us: usFile(["date: 2024-02-29"])]]),
    Check(
      code: "value.unknown-activity", severity: .error, summary: "A verdict for an activity not in the vocabulary.",
      triggering: [[us: usFile(["verdicts:\n      ↓posession: prohibited"])]],
      nonTriggering: [[us: usFile(["verdicts:\n      possession: prohibited"])]]),
    Check(
      code: "value.unknown-verdict", severity: .error, summary: "A verdict not in the vocabulary.",
      triggering: [[us: usFile(["verdicts:\n      default: ↓banned"])]],
      nonTriggering: [[us: usFile(["verdicts:\n      default: prohibited"])]]),
    Check(
      code: "value.unknown-entry-kind", severity: .error, summary: "A timeline entry kind not in the list.",
      triggering: [[us: usFile(["kind: ↓scheduling"])]],
      nonTriggering: [[us: usFile(["kind: scheduled"])]]),
    Check(
      code: "value.unknown-confidence", severity: .error, summary: "A confidence other than high, medium, uncertain.",
      triggering: [[us: usFile(["confidence: ↓certain"])]],
      nonTriggering: [[us: usFile(["confidence: uncertain"])]]),
    Check(
      code: "value.unknown-substance-kind", severity: .error, summary: "A substance kind not in the list.",
      triggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: ↓chemical\n"]],
      nonTriggering: [[:]]),
    Check(
      code: "value.unknown-jurisdiction-kind", severity: .error, summary: "A jurisdiction kind not in the list.",
      triggering: [["Rules/jurisdictions/un.yaml": "id: un\nname: United Nations\nkind: ↓treaty\n"]],
      nonTriggering: [[:]]),
    Check(
      code: "ref.unknown-substance", severity: .error, summary: "A reference to a substance no file defines.",
      triggering: [
        [us: usFile(["substances: [↓mdna]"])],
        [
          "Rules/substances/esketamine.yaml": "id: esketamine\nname: Esketamine\nkind: compound\nisomer_of: ↓ketamine\n"
        ],
      ],
      nonTriggering: [[us: usFile(["substances: [mdma]"])]]),
    Check(
      code: "ref.unknown-jurisdiction", severity: .error,
      summary: "A parent, adopted layer or test layer no file defines.",
      triggering: [
        ["Rules/jurisdictions/us-or.yaml": "id: us-or\nname: Oregon\nkind: state\nparent: ↓us\n"],
        ["Rules/jurisdictions/us-or.yaml": adopting("us-or", "↓us")],
      ],
      nonTriggering: [["Rules/jurisdictions/us.yaml": "id: us\nname: United States\nkind: national\nparent: un\n"]]),
    Check(
      code: "ref.parent-cycle", severity: .error, summary: "Parents that lead back to where they started.",
      triggering: [
        [
          "Rules/jurisdictions/aa.yaml": "id: aa\nname: A\nkind: state\nparent: ↓bb\n",
          "Rules/jurisdictions/bb.yaml": "id: bb\nname: B\nkind: state\nparent: aa\n",
        ]
      ],
      nonTriggering: [[:]]),
    Check(
      code: "ref.relation-cycle", severity: .error,
      summary: "isomer_of/salt_of links that lead back to where they started.",
      triggering: [
        [
          "Rules/substances/aa.yaml": "id: aa\nname: A\nkind: compound\nisomer_of: ↓bb\n",
          "Rules/substances/bb.yaml": "id: bb\nname: B\nkind: compound\nsalt_of: aa\n",
        ]
      ],
      nonTriggering: [[:]]),
    Check(
      code: "ref.duplicate-id", severity: .error, summary: "The same id defined by two files.",
      triggering: [["Rules/substances/xtc.yaml": "id: ↓mdma\nname: Ecstasy\nkind: compound\n"]],
      nonTriggering: [[:]]),
    Check(
      code: "timeline.order", severity: .warning, summary: "Timeline entries not in date order.",
      triggering: [
        [
          us: usFile(
            ["date: 1988-03-23"],
            more:
              "  - ↓date: 1985-07-01\n    kind: scheduled\n    substances: [mdma]\n    title: T\n    instrument: I\n"
              + "    sources: [https://example.org/]\n    confidence: high\n")
        ]
      ],
      nonTriggering: [[us: usFile([])]]),
    Check(
      code: "timeline.contradiction", severity: .error,
      summary: "Two entries on one day that set different verdicts for the same substance and activity.",
      triggering: [
        [
          us: usFile(
            [],
            more:
              "  - ↓date: 1985-07-01\n    kind: scheduled\n    substances: [mdma]\n    title: T\n    instrument: I\n"
              + "    sources: [https://example.org/]\n    confidence: high\n    verdicts: {possession: allowed}\n")
        ]
      ],
      nonTriggering: [
        [
          us: usFile(
            [],
            more: "  - date: 1985-07-01\n    kind: other\n    substances: [mdma]\n    title: T\n    instrument: I\n"
              + "    sources: [https://example.org/]\n    confidence: high\n    verdicts: {possession: prohibited}\n")
        ]
      ]),
    Check(
      code: "source.missing", severity: .error, summary: "A timeline entry or initial status that cites no source.",
      triggering: [[us: usFile(["↓date: 1985-07-01", "sources: <none>"])], [us: usFile(["sources: ↓[]"])]],
      nonTriggering: [[us: usFile([])]]),
    Check(
      code: "source.not-url", severity: .error, summary: "A source that is not an http(s) URL.",
      triggering: [[us: usFile(["sources: [↓50 FR 23118]"])], [us: usFile(["sources: [↓ftp://example.org/x]"])]],
      nonTriggering: [[us: usFile(["sources: [http://example.org/x]"])]]),
    Check(
      code: "verdict.conditions-missing", severity: .error, summary: "A conditional verdict that lists no conditions.",
      triggering: [
        [us: usFile(["verdicts:\n      research: ↓conditional"])],
        [us: usFile(["verdicts:\n      research:\n        verdict: ↓conditional\n        conditions: []"])],
      ],
      nonTriggering: [[us: usFile(["verdicts:\n      research: {verdict: conditional, conditions: [a DEA licence]}"])]]),
    Check(
      code: "schema.entry-target", severity: .error,
      summary: "A timeline entry that names neither substances nor schedules, or names both.",
      triggering: [
        [us: usFile(["↓date: 1985-07-01", "substances: <none>"])],
        [us: usFile(["schedules: ↓[csa-i]"], more: csaI)],
      ],
      nonTriggering: [[us: usFile(["substances: <none>", "schedules: [csa-i]"], more: csaI)]]),
    Check(
      code: "schema.listing-kind", severity: .error,
      summary:
        "A `schedule` on an entry whose kind does not list substances (scheduled, temporary-scheduled, rescheduled).",
      triggering: [[us: usFile(["kind: approval", "schedule: ↓csa-i"], more: csaI)]],
      nonTriggering: [[us: usFile(["kind: scheduled", "schedule: csa-i", "verdicts: <none>"], more: csaI)]]),
    Check(
      code: "schedule.incomplete", severity: .error,
      summary:
        "A schedule that sets no verdict for some activity: give a `default` or all six (`unknown` where not known).",
      triggering: [
        [
          us: usFile(
            [], more: "schedules:\n" + schedule("csa-i", "CSA Schedule I", verdicts: "↓{possession: prohibited}"))
        ]
      ],
      nonTriggering: [[us: usFile([], more: csaI)]]),
    Check(
      code: "schedule.class-wide-verdicts", severity: .error,
      summary: "A class-wide entry (one that targets `schedules`) that sets no verdict.",
      triggering: [[us: usFile(["substances: <none>", "schedules: ↓[csa-i]", "verdicts: <none>"], more: csaI)]],
      nonTriggering: [[us: usFile(["substances: <none>", "schedules: [csa-i]"], more: csaI)]]),
    Check(
      code: "schedule.double-listing", severity: .error,
      summary: "A substance listed in two schedules of one layer on one day.",
      triggering: [
        [
          us: usFile(
            ["kind: scheduled", "schedule: csa-i", "verdicts: <none>"],
            more: "  - date: 1985-07-01\n    kind: scheduled\n    substances: [↓mdma]\n    schedule: csa-ii\n"
              + "    title: T\n    instrument: I\n    sources: [https://example.org/]\n    confidence: high\n"
              + csaI + schedule("csa-ii", "CSA Schedule II"))
        ]
      ],
      nonTriggering: [
        [
          us: usFile(
            ["kind: scheduled", "schedule: csa-i", "verdicts: <none>"],
            more: "  - date: 1986-11-13\n    kind: rescheduled\n    substances: [mdma]\n    schedule: csa-ii\n"
              + "    title: T\n    instrument: I\n    sources: [https://example.org/]\n    confidence: high\n"
              + csaI + schedule("csa-ii", "CSA Schedule II"))
        ]
      ]),
    Check(
      code: "ref.unknown-schedule", severity: .error,
      summary: "An entry that names a schedule its layer (or a layer it adopts) does not declare.",
      triggering: [
        [us: usFile(["kind: scheduled", "schedule: ↓csa-x", "verdicts: <none>"], more: csaI)],
        [us: usFile(["substances: <none>", "schedules: [csa-i, ↓csa-v]"], more: csaI)],
      ],
      nonTriggering: [[us: usFile(["kind: scheduled", "schedule: csa-i", "verdicts: <none>"], more: csaI)]]),
    Check(
      code: "ref.adoption-cycle", severity: .error,
      summary: "Layers that adopt each other's schedules in a circle.",
      triggering: [
        ["Rules/jurisdictions/aa.yaml": adopting("aa", "↓bb"), "Rules/jurisdictions/bb.yaml": adopting("bb", "aa")]
      ],
      nonTriggering: [["Rules/jurisdictions/aa.yaml": adopting("aa", "un")]]),
    Check(
      code: "value.unknown-origin", severity: .error,
      summary: "A test expects a layer origin not in the list (own, schedule, adopted, inherited, initial, none).",
      triggering: [
        [
          "Rules/tests/t.yaml":
            "cases:\n  - name: N\n    substance: mdma\n    jurisdiction: un\n    activity: possession\n"
            + "    on: 2000-01-01\n    expect:\n      verdict: unknown\n      layers:\n        un: {verdict: unknown, origin: ↓nowhere}\n"
        ]
      ],
      nonTriggering: [
        [
          "Rules/tests/t.yaml":
            "cases:\n  - name: N\n    substance: mdma\n    jurisdiction: un\n    activity: possession\n"
            + "    on: 2000-01-01\n    expect:\n      verdict: unknown\n      layers:\n        un: {verdict: unknown, origin: none}\n"
        ]
      ]),
  ]
}

extension Check {
  /// The catalogue as Markdown (`docs/checks.md` is this, kept in sync by a test).
  public static func catalogueMarkdown() -> String {
    var out = "# Checks\n\n"
    out += "Every diagnostic of `psyreg validate` has a stable code. This page is generated from\n"
    out += "`Check.all` (Sources/PsyregCore/Diagnostics/Check.swift); the tests run every example\n"
    out += "and check that a triggering one is reported exactly where its `↓` points.\n\n"
    out += "| code | severity | what it finds |\n|---|---|---|\n"
    for check in all { out += "| `\(check.code)` | \(check.severity.rawValue) | \(check.summary) |\n" }
    for check in all {
      out += "\n## `\(check.code)`\n\n\(check.summary)\n"
      for (title, examples) in [("Triggers", check.triggering), ("Does not trigger", check.nonTriggering)] {
        let shown = examples.filter { !$0.isEmpty }
        if shown.isEmpty { continue }
        out += "\n\(title):\n"
        for example in shown {
          for path in example.keys.sorted() {
            let text = example[path]!.replacingAll("\u{FEFF}", with: "<BOM>").replacingAll("\u{0}", with: "<NUL>")
              .replacingAll("\t", with: "<TAB>")
            out += "\n```yaml\n# \(path)\n\(text.hasSuffix("\n") ? text : text + "\n")```\n"
          }
        }
      }
      if check.triggering.isEmpty {
        out +=
          "\nTriggered by the file system (a missing or unreadable path, a folder without rules); tested through the command line.\n"
      }
    }
    return out
  }
}
