/// A check that `psyreg validate` runs: a stable code, a one-line summary, and examples
/// that trigger it and that do not. The tests run every example.
///
/// An example is a set of rule files by path. In a triggering example `↓` marks where the
/// diagnostic must point and `①`, `②`, … where its notes point (the markers are removed
/// before the files are read), and `findings` give the messages: the example must report
/// exactly these and nothing else. Files of `Check.context` are added to every example
/// unless it gives a file of the same path.
public struct Check: Sendable {
  /// The stable code diagnostics of this check carry.
  public var code: CheckCode
  /// Error or warning, for every diagnostic of this check.
  public var severity: Severity
  /// One sentence: what the check finds.
  public var summary: String
  /// Examples that must report exactly their findings.
  public var triggering: [Example]
  /// Examples that must report nothing at all.
  public var nonTriggering: [Example]

  /// Rule files by path, and every diagnostic they must produce (none for a
  /// non-triggering example).
  public struct Example: Sendable, ExpressibleByDictionaryLiteral {
    /// File contents by path, with markers.
    public var files: [String: String]
    /// Every diagnostic the files must produce, in any order.
    public var findings: [Finding]

    /// An example of `files` that must report exactly `findings`.
    public init(_ files: [String: String], _ findings: Finding...) {
      self.files = files
      self.findings = findings
    }

    public init(dictionaryLiteral elements: (String, String)...) {
      self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
  }

  /// An expected diagnostic: where (a marker), what it says, and its notes.
  public struct Finding: Sendable {
    /// The marker in the files where the diagnostic must point.
    public var marker: Character
    /// The diagnostic's exact message.
    public var message: String
    /// Its notes, in order: where each points and what it says.
    public var notes: [(marker: Character, message: String)]

    /// A finding at `marker` (the `↓` by default) with its notes.
    public init(_ message: String, at marker: Character = "↓", notes: [(Character, String)] = []) {
      self.marker = marker
      self.message = message
      self.notes = notes.map { (marker: $0.0, message: $0.1) }
    }
  }

  /// The characters that mark places in an example's files.
  public static let markers: Set<Character> = ["↓", "①", "②", "③", "④"]

  /// Rules every example can refer to: the substance `mdma` and the treaty layer `un`.
  public static let context: [String: String] = [
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
      let key = String(replacement.prefix { $0 != ":" }.filter { !markers.contains($0) })
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

  /// Every check, in catalogue order (the order of `CheckCode.allCases`).
  public static let all: [Check] = CheckCode.allCases.map(\.check)
}

extension CheckCode {
  /// The catalogue entry: one `case` per code, so a code without an entry does not compile.
  public var check: Check {
    Check.catalogue[self] ?? describe()
  }

  /// The diagnostic's severity, fixed by its check.
  public var severity: Severity { check.severity }

  fileprivate func describe() -> Check {
    typealias Check = PsyregCore.Check
    let us = Check.us
    let mdma = Check.mdma
    let csaI = Check.csaI
    func usFile(_ lines: [String], more: String = "") -> String { Check.usFile(lines, more: more) }
    func schedule(_ id: String, _ label: String, verdicts: String = "{default: prohibited}") -> String {
      Check.schedule(id, label, verdicts: verdicts)
    }
    func adopting(_ id: String, _ layer: String) -> String { Check.adopting(id, layer) }
    func expect(_ files: [String: String], _ findings: Check.Finding...) -> Check.Example {
      var example = Check.Example(files)
      example.findings = findings
      return example
    }
    return switch self {
    case .fileUnreadable:
      Check(
        code: self, severity: .error, summary: "A rule file or folder cannot be read.",
        triggering: [], nonTriggering: [["Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n"]])
    case .fileNoRules:
      Check(
        code: self, severity: .error, summary: "A folder holds no rule files.",
        triggering: [], nonTriggering: [["Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n"]])
    case .fileLinkOutside:
      Check(
        code: self, severity: .error,
        summary:
          "A rule file in the rules folder that is a link to a file outside it; it is not read, so the rules are not what the folder shows.",
        triggering: [],
        nonTriggering: [["Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n"]])
    case .fileFolderLinkOutside:
      Check(
        code: self, severity: .warning,
        summary: "A folder in the rules folder that is a link leading outside it; it is not walked.",
        triggering: [],
        nonTriggering: [["Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n"]])
    case .fileTooManyProblems:
      // 201 problems make too long an example for the catalogue: LoaderTests covers it.
      Check(
        code: self, severity: .error,
        summary: "A file with more than 200 problems: the first 200 are reported, and how many more there are.",
        triggering: [],
        nonTriggering: [[mdma: "id: mdma\nname: MDMA\nkind: compound\naliases: [XTC]\n"]])
    case .fileEmpty:
      Check(
        code: self, severity: .error, summary: "A rule file is empty or holds only comments.",
        triggering: [
          expect(["Rules/substances/lsd.yaml": "↓"], .init("the file is empty; expected a YAML mapping")),
          expect(
            ["Rules/substances/lsd.yaml": "↓# nothing yet\n"], .init("the file is empty; expected a YAML mapping")),
        ],
        nonTriggering: [
          ["Rules/substances/lsd.yaml": "# LSD, one of the classic psychedelics\nid: lsd\nname: LSD\nkind: compound\n"]
        ])
    case .fileEncoding:
      Check(
        code: self, severity: .error, summary: "A rule file is not UTF-8 text (binary bytes, bad UTF-8).",
        triggering: [
          expect(
            ["Rules/substances/lsd.yaml": "id: lsd\nname: ↓\u{0}\n"],
            .init("the file contains a NUL byte; expected UTF-8 text"))
        ],
        nonTriggering: [
          [
            "Rules/substances/lsd.yaml":
              "id: lsd\nname: LSD\naliases: [Lysergsäurediethylamid, LSD-25, 麦角酸二乙酰胺]\nkind: compound\n"
          ]
        ])
    case .fileBom:
      Check(
        code: self, severity: .warning, summary: "A rule file starts with a byte-order mark.",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "↓\u{FEFF}id: mdma\nname: MDMA\nkind: compound\n"],
            .init("the file starts with a UTF-8 byte-order mark; save it without one"))
        ],
        nonTriggering: [["Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n"]])
    case .yamlSyntax:
      Check(
        code: self, severity: .error, summary: "The YAML cannot be parsed.",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "id: mdma\nname: ①[MDMA\nkind↓: compound\n"],
            .init(
              "YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'",
              notes: [("①", "the construct that was being read starts here")])),
          expect(
            ["Rules/substances/mdma.yaml": "id: mdma\nname: ①MDMA\n↓\tkind: compound\n"],
            .init(
              "YAML syntax error: while scanning a plain scalar, found a tab character that violates indentation (a tab: YAML indents with spaces only)",
              notes: [("①", "the construct that was being read starts here")])),
        ],
        nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\naliases: [XTC]\nkind: compound\n"]])
    case .yamlMultipleDocuments:
      Check(
        code: self, severity: .error, summary: "A rule file holds more than one YAML document.",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n↓---\nid: lsd\n"],
            .init("a second YAML document starts here; a rule file holds exactly one document"))
        ],
        nonTriggering: [["Rules/substances/mdma.yaml": "---\nid: mdma\nname: MDMA\nkind: compound\n"]])
    case .yamlDuplicateKey:
      Check(
        code: self, severity: .error, summary: "A mapping gives the same key twice.",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "id: mdma\n①name: MDMA\n↓name: Ecstasy\nkind: compound\n"],
            .init("duplicate key 'name' in this mapping", notes: [("①", "'name' is first given here")]))
        ],
        nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\naliases: [Ecstasy]\nkind: compound\n"]])
    case .yamlCommentInValue:
      Check(
        code: self, severity: .warning,
        summary: "A ` #` inside a plain value starts a YAML comment and cuts the value short.",
        triggering: [
          expect(
            [us: usFile(["instrument: TGA notice (ACMS ↓#38) - psilocybine"])],
            .init(
              "'#38) - psilocybine' is read as a YAML comment, so the value ends at 'TGA notice (ACMS'; quote the value if the '#' belongs to it"
            ))
        ],
        nonTriggering: [
          [us: usFile(["instrument: \"TGA notice (ACMS #38) - psilocybine\""])],
          [us: usFile(["instrument: TGA notice  # a comment, meant as one"])],
          [us: usFile(["instrument: TGA notice#38"])],
        ])
    case .yamlUnknownAlias:
      Check(
        code: self, severity: .error, summary: "An alias names no anchor.",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "id: mdma\nname: ↓*nothing\nkind: compound\n"],
            .init("alias '*nothing' names no anchor defined before it"))
        ],
        nonTriggering: [["Rules/substances/mdma.yaml": "id: &id mdma\nname: MDMA\naliases: [*id]\nkind: compound\n"]])
    case .yamlAliasLimit:
      Check(
        code: self, severity: .error, summary: "Aliases expand beyond the bound (an alias bomb).",
        triggering: [
          expect(
            [
              "Rules/substances/mdma.yaml": """
              a: &a [x, x, x, x, x, x, x, x, x, x]
              b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
              c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
              d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
              e: [*d, *d, *d, *d, *d, *d, *d, ↓*d, *d, *d]

              """
            ], .init("aliases expand to more than 100000 nodes (an alias bomb?); write the data out instead"))
        ],
        nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: &n MDMA\naliases: [*n, *n]\nkind: compound\n"]])
    case .yamlLimit:
      Check(
        code: self, severity: .error,
        summary:
          "A document beyond the reader's bounds: nesting deeper than 256 levels, or more than 2,000,000 values.",
        triggering: [
          expect(
            [
              mdma: "id: mdma\nname: MDMA\nkind: compound\nnote: " + String(repeating: "[", count: 255) + "↓["
                + String(repeating: "]", count: 256) + "\n"
            ],
            .init("lists and mappings nest deeper than 256 levels here; rule files need only a few"))
        ],
        nonTriggering: [
          [mdma: "id: mdma\nname: MDMA\nkind: compound\nidentifiers: {cas: 42542-10-9}\n"]
        ])
    case .schemaUnknownKey:
      Check(
        code: self, severity: .error, summary: "A key the rule format does not know (typo?).",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "id: mdma\n↓nmae: MDMA\nname: MDMA\nkind: compound\n"],
            .init("unknown key 'nmae' in a substance file; did you mean 'name'?"))
        ],
        nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\nnote: a note\n"]])
    case .schemaMissingKey:
      Check(
        code: self, severity: .error, summary: "A required key is missing.",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "↓id: mdma\nkind: compound\n"],
            .init("a substance file is missing the required key 'name'")),
          expect(
            [us: usFile(["↓date: 1985-07-01", "title: <none>"])],
            .init("a timeline entry is missing the required key 'title'")),
        ],
        nonTriggering: [[us: usFile([])]])
    case .schemaType:
      Check(
        code: self, severity: .error, summary: "A value of the wrong type (text for a list, a list for text).",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\naliases: ↓ecstasy\n"],
            .init("expected a list of text, found a scalar")),
          expect(
            ["Rules/substances/mdma.yaml": "↓- mdma\n"], .init("expected a mapping (a substance file), found a list")),
        ],
        nonTriggering: [["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\naliases: [ecstasy]\n"]])
    case .schemaId:
      Check(
        code: self, severity: .error, summary: "An id that is not lower-case kebab.",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "id: ↓MDMA\nname: MDMA\nkind: compound\n"],
            .init(
              "'MDMA' is not a valid id: expected lower-case letters and digits joined by single hyphens (e.g. 'us-or')"
            ))
        ],
        nonTriggering: [["Rules/substances/5-meo-dmt.yaml": "id: 5-meo-dmt\nname: 5-MeO-DMT\nkind: compound\n"]])
    case .schemaFileName:
      Check(
        code: self, severity: .warning, summary: "A file not named after the id it defines.",
        triggering: [
          expect(
            ["Rules/substances/ecstasy.yaml": "id: ↓ecstasy-pill\nname: Ecstasy\nkind: product\n"],
            .init("the file is named 'ecstasy.yaml' but defines 'ecstasy-pill'; name it 'ecstasy-pill.yaml'"))
        ],
        nonTriggering: [["Rules/substances/ecstasy-pill.yaml": "id: ecstasy-pill\nname: Ecstasy\nkind: product\n"]])
    case .schemaFileKind:
      Check(
        code: self, severity: .error, summary: "A file that is not a substance, jurisdiction or test file.",
        triggering: [
          expect(
            ["Rules/misc.yaml": "↓title: notes\n"],
            .init(
              "cannot tell what this file is: expected a substance file (with 'kind' of a substance), a jurisdiction file (with 'timeline' or a jurisdiction 'kind'), or a test file (with 'cases')"
            ))
        ],
        nonTriggering: [["Rules/misc.yaml": "cases: []\n"]])
    case .dateMalformed:
      Check(
        code: self, severity: .error, summary: "A date not written YYYY-MM-DD.",
        triggering: [
          expect([us: usFile(["date: ↓1985-7-1"])], .init("'1985-7-1' is not a date: expected YYYY-MM-DD")),
          expect([us: usFile(["date: ↓July 1, 1985"])], .init("'July 1, 1985' is not a date: expected YYYY-MM-DD")),
        ],
        nonTriggering: [[us: usFile(["date: 1985-07-01"])]])
    case .dateInvalid:
      Check(
        code: self, severity: .error, summary: "A date that is not a day of the calendar (2023-02-30).",
        triggering: [
          expect([us: usFile(["date: ↓2023-02-30"])], .init("'2023-02-30' is not a day of the calendar")),
          expect([us: usFile(["date: ↓2023-02-29"])], .init("'2023-02-29' is not a day of the calendar")),
        ],
        nonTriggering: [[us: usFile(["date: 2024-02-29"])]])
    case .valueUnknownActivity:
      Check(
        code: self, severity: .error, summary: "A verdict for an activity not in the vocabulary.",
        triggering: [
          expect(
            [us: usFile(["verdicts:\n      ↓posession: prohibited"])],
            .init(
              "unknown activity 'posession'; did you mean 'possession'? Expected one of: possession, supply, medical, research, supervised-use, religious, default"
            ))
        ],
        nonTriggering: [[us: usFile(["verdicts:\n      possession: prohibited"])]])
    case .valueUnknownVerdict:
      Check(
        code: self, severity: .error, summary: "A verdict not in the vocabulary.",
        triggering: [
          expect(
            [us: usFile(["verdicts:\n      default: ↓banned"])],
            .init(
              "unknown verdict 'banned'; expected one of: allowed, conditional, decriminalized, prohibited, unknown")
          )
        ],
        nonTriggering: [[us: usFile(["verdicts:\n      default: prohibited"])]])
    case .valueUnknownEntryKind:
      Check(
        code: self, severity: .error, summary: "A timeline entry kind not in the list.",
        triggering: [
          expect(
            [us: usFile(["kind: ↓scheduling"])],
            .init(
              "unknown entry kind 'scheduling'; did you mean 'scheduled'? Expected one of: scheduled, temporary-scheduled, rescheduled, descheduled, vacated, approval, designation, rejection, trial-approved, ballot-passed, law-enacted, program-opened, decriminalized, recriminalized, exemption, court-ruling, recommendation, other"
            ))
        ],
        nonTriggering: [[us: usFile(["kind: scheduled"])]])
    case .valueUnknownConfidence:
      Check(
        code: self, severity: .error, summary: "A confidence other than high, medium, uncertain.",
        triggering: [
          expect(
            [us: usFile(["confidence: ↓certain"])],
            .init("unknown confidence 'certain'; did you mean 'uncertain'? Expected one of: high, medium, uncertain"))
        ],
        nonTriggering: [[us: usFile(["confidence: uncertain"])]])
    case .valueUnknownSubstanceKind:
      Check(
        code: self, severity: .error, summary: "A substance kind not in the list.",
        triggering: [
          expect(
            ["Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: ↓chemical\n"],
            .init("unknown substance kind 'chemical'; expected one of: compound, plant, fungus, product"))
        ],
        nonTriggering: [["Rules/substances/peyote.yaml": "id: peyote\nname: Peyote\nkind: plant\n"]])
    case .valueUnknownJurisdictionKind:
      Check(
        code: self, severity: .error, summary: "A jurisdiction kind not in the list.",
        triggering: [
          expect(
            ["Rules/jurisdictions/un.yaml": "id: un\nname: United Nations\nkind: ↓treaty\n"],
            .init(
              "unknown jurisdiction kind 'treaty'; expected one of: international, supranational, national, state, city"
            )
          )
        ],
        nonTriggering: [["Rules/jurisdictions/eu.yaml": "id: eu\nname: European Union\nkind: supranational\n"]])
    case .refUnknownSubstance:
      Check(
        code: self, severity: .error, summary: "A reference to a substance no file defines.",
        triggering: [
          expect([us: usFile(["substances: [↓mdna]"])], .init("unknown substance 'mdna'; did you mean 'mdma'?")),
          expect(
            [
              "Rules/substances/esketamine.yaml":
                "id: esketamine\nname: Esketamine\nkind: compound\nisomer_of: ↓ketamine\n"
            ], .init("unknown substance 'ketamine'; did you mean 'esketamine'?")),
        ],
        nonTriggering: [[us: usFile(["substances: [mdma]"])]])
    case .refUnknownJurisdiction:
      Check(
        code: self, severity: .error,
        summary: "A parent, adopted layer or test layer no file defines.",
        triggering: [
          expect(
            ["Rules/jurisdictions/us-or.yaml": "id: us-or\nname: Oregon\nkind: state\nparent: ↓us\n"],
            .init("unknown parent jurisdiction 'us'; did you mean 'un'?")),
          expect(
            ["Rules/jurisdictions/us-or.yaml": adopting("us-or", "↓us")],
            .init("unknown adopted layer 'us'; did you mean 'un'?")),
        ],
        nonTriggering: [["Rules/jurisdictions/us.yaml": "id: us\nname: United States\nkind: national\nparent: un\n"]])
    case .refParentCycle:
      Check(
        code: self, severity: .error, summary: "Parents that lead back to where they started.",
        triggering: [
          expect(
            [
              "Rules/jurisdictions/aa.yaml": "id: aa\nname: A\nkind: state\nparent: ↓bb\n",
              "Rules/jurisdictions/bb.yaml": "id: bb\nname: B\nkind: state\nparent: aa\n",
            ], .init("parents form a cycle: aa → bb → aa"))
        ],
        nonTriggering: [
          [
            "Rules/jurisdictions/aa.yaml": "id: aa\nname: A\nkind: state\nparent: bb\n",
            "Rules/jurisdictions/bb.yaml": "id: bb\nname: B\nkind: national\nparent: un\n",
          ]
        ])
    case .refRelationCycle:
      Check(
        code: self, severity: .error,
        summary: "isomer_of/salt_of links that lead back to where they started.",
        triggering: [
          expect(
            [
              "Rules/substances/aa.yaml": "id: aa\nname: A\nkind: compound\nisomer_of: ↓bb\n",
              "Rules/substances/bb.yaml": "id: bb\nname: B\nkind: compound\nsalt_of: aa\n",
            ], .init("isomer_of/salt_of form a cycle: aa → bb → aa"))
        ],
        nonTriggering: [
          [
            "Rules/substances/aa.yaml": "id: aa\nname: A\nkind: compound\nisomer_of: bb\n",
            "Rules/substances/bb.yaml": "id: bb\nname: B\nkind: compound\n",
          ]
        ])
    case .refDuplicateId:
      Check(
        code: self, severity: .error, summary: "The same id defined by two files.",
        triggering: [
          expect(
            [
              "Rules/substances/mdma.yaml": "id: ①mdma\nname: MDMA\nkind: compound\n",
              "Rules/substances/more/mdma.yaml": "id: ↓mdma\nname: Ecstasy\nkind: compound\n",
            ],
            .init("substance 'mdma' is defined twice", notes: [("①", "'mdma' is first defined here")]))
        ],
        nonTriggering: [["Rules/substances/mda.yaml": "id: mda\nname: MDA\nkind: compound\n"]])
    case .refAliasNamesId:
      Check(
        code: self, severity: .error,
        summary: "An alias that is another substance's or jurisdiction's id, which would make the id ambiguous.",
        triggering: [
          expect(
            ["Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\naliases: [acid, ↓MDMA]\n"],
            .init(
              "the alias 'MDMA' of lsd is the id of substance mdma; an id must name one thing, so drop or change the alias"
            ))
        ],
        nonTriggering: [["Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\naliases: [acid, LSD-25]\n"]])
    case .timelineOrder:
      Check(
        code: self, severity: .warning, summary: "Timeline entries not in date order.",
        triggering: [
          expect(
            [
              us: usFile(
                ["①date: 1988-03-23"],
                more:
                  "  - ↓date: 1985-07-01\n    kind: scheduled\n    substances: [mdma]\n    title: T\n    instrument: I\n"
                  + "    sources: [https://example.org/]\n    confidence: high\n")
            ],
            .init(
              "entry dated 1985-07-01 comes after one dated 1988-03-23; keep the timeline in date order",
              notes: [("①", "the later-dated entry is here")]))
        ],
        nonTriggering: [[us: usFile([])]])
    case .timelineContradiction:
      Check(
        code: self, severity: .error,
        summary: "Two entries on one day that set different verdicts for the same substance and activity.",
        triggering: [
          expect(
            [
              us: usFile(
                ["①date: 1985-07-01"],
                more:
                  "  - ↓date: 1985-07-01\n    kind: scheduled\n    substances: [mdma]\n    title: T\n    instrument: I\n"
                  + "    sources: [https://example.org/]\n    confidence: high\n    verdicts: {possession: allowed}\n")
            ],
            .init(
              "two entries on 1985-07-01 set 'possession' for mdma to prohibited and to allowed",
              notes: [("①", "the other entry is here")]))
        ],
        nonTriggering: [
          [
            us: usFile(
              [],
              more: "  - date: 1985-07-01\n    kind: other\n    substances: [mdma]\n    title: T\n    instrument: I\n"
                + "    sources: [https://example.org/]\n    confidence: high\n    verdicts: {possession: prohibited}\n")
          ]
        ])
    case .sourceMissing:
      Check(
        code: self, severity: .error, summary: "A timeline entry or initial status that cites no source.",
        triggering: [
          expect(
            [us: usFile(["↓date: 1985-07-01", "sources: <none>"])],
            .init("this entry cites no source; add at least one URL to 'sources'")),
          expect(
            [us: usFile(["sources: ↓[]"])], .init("this entry cites no source; add at least one URL to 'sources'")),
        ],
        nonTriggering: [[us: usFile([])]])
    case .sourceNotUrl:
      Check(
        code: self, severity: .error, summary: "A source that is not an http(s) URL.",
        triggering: [
          expect([us: usFile(["sources: [↓50 FR 23118]"])], .init("'50 FR 23118' is not an http(s) URL")),
          expect(
            [us: usFile(["sources: [↓ftp://example.org/x]"])], .init("'ftp://example.org/x' is not an http(s) URL")),
        ],
        nonTriggering: [[us: usFile(["sources: [http://example.org/x]"])]])
    case .sourceWeak:
      Check(
        code: self, severity: .warning,
        summary:
          "An entry that rests only on weak sources (Wikipedia and its mirrors, document dumps, content farms, blogs) and is not marked uncertain.",
        triggering: [
          expect(
            [us: usFile(["sources: [↓https://en.wikipedia.org/wiki/MDMA, https://www.wikiwand.com/en/MDMA]"])],
            .init(
              "this rests only on weak sources (en.wikipedia.org, wikiwand.com); cite the primary text, or set 'confidence: uncertain' and say in the note what could not be found"
            ))
        ],
        nonTriggering: [
          [us: usFile(["sources: [https://www.federalregister.gov/d/85-15797, https://en.wikipedia.org/wiki/MDMA]"])],
          [us: usFile(["sources: [https://en.wikipedia.org/wiki/MDMA]", "confidence: uncertain"])],
        ])
    case .verdictConditionsMissing:
      Check(
        code: self, severity: .error, summary: "A conditional verdict that lists no conditions.",
        triggering: [
          expect(
            [us: usFile(["verdicts:\n      research: ↓conditional"])],
            .init("'research' is conditional but lists no conditions; say what makes it lawful")),
          expect(
            [us: usFile(["verdicts:\n      research:\n        verdict: ↓conditional\n        conditions: []"])],
            .init("'research' is conditional but lists no conditions; say what makes it lawful")),
        ],
        nonTriggering: [
          [us: usFile(["verdicts:\n      research: {verdict: conditional, conditions: [a DEA licence]}"])]
        ])
    case .schemaEntryTarget:
      Check(
        code: self, severity: .error,
        summary: "A timeline entry that names neither substances nor schedules, or names both.",
        triggering: [
          expect(
            [us: usFile(["↓date: 1985-07-01", "substances: <none>"])],
            .init("this entry names no 'substances' and no 'schedules'; say what it applies to")),
          expect(
            [us: usFile(["schedules: ↓[csa-i]"], more: csaI)],
            .init(
              "an entry names 'substances' (with an optional 'schedule' to list them in) or 'schedules' (a class-wide change), not both"
            )),
        ],
        nonTriggering: [[us: usFile(["substances: <none>", "schedules: [csa-i]"], more: csaI)]])
    case .schemaListingKind:
      Check(
        code: self, severity: .error,
        summary:
          "A `schedule` on an entry whose kind does not list substances (scheduled, temporary-scheduled, rescheduled).",
        triggering: [
          expect(
            [us: usFile(["kind: approval", "schedule: ↓csa-i"], more: csaI)],
            .init(
              "an entry of kind 'approval' lists nothing in a schedule; 'schedule' goes on scheduled, temporary-scheduled or rescheduled entries"
            ))
        ],
        nonTriggering: [[us: usFile(["kind: scheduled", "schedule: csa-i", "verdicts: <none>"], more: csaI)]])
    case .scheduleIncomplete:
      Check(
        code: self, severity: .error,
        summary:
          "A schedule that sets no verdict for some activity: give a `default` or all six (`unknown` where not known).",
        triggering: [
          expect(
            [
              us: usFile(
                [], more: "schedules:\n" + schedule("csa-i", "CSA Schedule I", verdicts: "↓{possession: prohibited}"))
            ],
            .init(
              "schedule 'csa-i' sets no verdict for supply, medical, research, supervised-use, religious; give a 'default' or a verdict for each ('unknown' where it is not known)"
            ))
        ],
        nonTriggering: [[us: usFile([], more: csaI)]])
    case .scheduleClassWideVerdicts:
      Check(
        code: self, severity: .error,
        summary: "A class-wide entry (one that targets `schedules`) that sets no verdict.",
        triggering: [
          expect(
            [us: usFile(["substances: <none>", "schedules: ↓[csa-i]", "verdicts: <none>"], more: csaI)],
            .init("a class-wide entry changes what its schedules mean; give the 'verdicts' it sets"))
        ],
        nonTriggering: [[us: usFile(["substances: <none>", "schedules: [csa-i]"], more: csaI)]])
    case .scheduleDoubleListing:
      Check(
        code: self, severity: .error,
        summary: "A substance listed in two schedules of one layer on one day.",
        triggering: [
          expect(
            [
              us: usFile(
                ["kind: scheduled", "substances: [①mdma]", "schedule: csa-i", "verdicts: <none>"],
                more: "  - date: 1985-07-01\n    kind: scheduled\n    substances: [↓mdma]\n    schedule: csa-ii\n"
                  + "    title: T\n    instrument: I\n    sources: [https://example.org/]\n    confidence: high\n"
                  + csaI + schedule("csa-ii", "CSA Schedule II"))
            ],
            .init(
              "mdma is listed in 'csa-i' and in 'csa-ii' on 1985-07-01; a substance is in one schedule of a layer at a time",
              notes: [("①", "the other listing is here")]))
        ],
        nonTriggering: [
          [
            us: usFile(
              ["kind: scheduled", "schedule: csa-i", "verdicts: <none>"],
              more: "  - date: 1986-11-13\n    kind: rescheduled\n    substances: [mdma]\n    schedule: csa-ii\n"
                + "    title: T\n    instrument: I\n    sources: [https://example.org/]\n    confidence: high\n"
                + csaI + schedule("csa-ii", "CSA Schedule II"))
          ]
        ])
    case .refUnknownSchedule:
      Check(
        code: self, severity: .error,
        summary: "An entry that names a schedule its layer (or a layer it adopts) does not declare.",
        triggering: [
          expect(
            [us: usFile(["kind: scheduled", "schedule: ↓csa-x", "verdicts: <none>"], more: csaI)],
            .init("unknown schedule 'csa-x'; did you mean 'csa-i'?")),
          expect(
            [us: usFile(["substances: <none>", "schedules: [csa-i, ↓csa-v]"], more: csaI)],
            .init("unknown schedule 'csa-v'; did you mean 'csa-i'?")),
        ],
        nonTriggering: [[us: usFile(["kind: scheduled", "schedule: csa-i", "verdicts: <none>"], more: csaI)]])
    case .refAdoptionCycle:
      Check(
        code: self, severity: .error,
        summary: "Layers that adopt each other's schedules in a circle.",
        triggering: [
          expect(
            [
              "Rules/jurisdictions/aa.yaml": adopting("aa", "↓bb"), "Rules/jurisdictions/bb.yaml": adopting("bb", "aa"),
            ], .init("adoptions form a cycle: aa → bb → aa"))
        ],
        nonTriggering: [["Rules/jurisdictions/aa.yaml": adopting("aa", "un")]])
    case .valueUnknownOrigin:
      Check(
        code: self, severity: .error,
        summary: "A test expects a layer origin not in the list (own, schedule, adopted, inherited, initial, none).",
        triggering: [
          expect(
            [
              "Rules/tests/t.yaml":
                "cases:\n  - name: N\n    substance: mdma\n    jurisdiction: un\n    activity: possession\n"
                + "    on: 2000-01-01\n    expect:\n      verdict: unknown\n      layers:\n        un: {verdict: unknown, origin: ↓nowhere}\n"
            ], .init("unknown origin 'nowhere'; expected one of: own, schedule, adopted, inherited, initial, none"))
        ],
        nonTriggering: [
          [
            "Rules/tests/t.yaml":
              "cases:\n  - name: N\n    substance: mdma\n    jurisdiction: un\n    activity: possession\n"
              + "    on: 2000-01-01\n    expect:\n      verdict: unknown\n      layers:\n        un: {verdict: unknown, origin: none}\n"
          ]
        ])
    }
  }
}

extension Check {
  fileprivate static let catalogue: [CheckCode: Check] = Dictionary(
    uniqueKeysWithValues: CheckCode.allCases.map { ($0, $0.describe()) })
}

extension Check {
  /// The catalogue as Markdown (`docs/checks.md` is this, kept in sync by a test).
  public static func catalogueMarkdown() -> String {
    var out = "# Checks\n\n"
    out += "Every diagnostic of `psyreg validate` has a stable code. This page is generated from\n"
    out += "`CheckCode` (Sources/PsyregCore/Diagnostics/Check.swift); the tests run every example\n"
    out += "and check that a triggering one reports exactly the messages shown, where its `↓` points\n"
    out += "(notes where `①` points), and nothing else.\n\n"
    out += "| code | severity | what it finds |\n|---|---|---|\n"
    for check in all { out += "| `\(check.code.rawValue)` | \(check.severity.rawValue) | \(check.summary) |\n" }
    for check in all {
      out += "\n## `\(check.code.rawValue)`\n\n\(check.summary)\n"
      for (title, examples) in [("Triggers", check.triggering), ("Does not trigger", check.nonTriggering)] {
        let shown = examples.filter { !$0.files.isEmpty }
        if shown.isEmpty { continue }
        out += "\n\(title):\n"
        for example in shown {
          for path in example.files.keys.sorted() {
            let text = example.files[path]!.replacingAll("\u{FEFF}", with: "<BOM>")
              .replacingAll("\u{0}", with: "<NUL>").replacingAll("\t", with: "<TAB>")
            out += "\n```yaml\n# \(path)\n\(text.hasSuffix("\n") ? text : text + "\n")```\n"
          }
          for finding in example.findings {
            out += "\n> \(finding.marker) \(check.severity.rawValue): \(finding.message)\n"
            for note in finding.notes { out += ">\n> \(note.marker) note: \(note.message)\n" }
          }
        }
      }
      if check.triggering.isEmpty {
        out +=
          "\nTriggered by the file system (a missing or unreadable path, a folder without rules, a link leading out of the folder); tested through the command line and the hostile-input corpus.\n"
      }
    }
    return out
  }
}
