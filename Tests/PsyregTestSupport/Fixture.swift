import PsyregCore

/// A small rule set that exercises every part of the semantics.
package enum Fixture {
  package static let files: [String: String] = [
    "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\naliases: [ecstasy, molly]\n",
    "Rules/substances/psilocybin.yaml": "id: psilocybin\nname: Psilocybin\nkind: compound\n",
    "Rules/substances/ketamine.yaml": "id: ketamine\nname: Ketamine\nkind: compound\n",
    "Rules/substances/esketamine.yaml":
      "id: esketamine\nname: Esketamine\nkind: compound\nisomer_of: ketamine\naliases: [Spravato]\n",
    "Rules/jurisdictions/un.yaml": """
    id: un
    name: United Nations
    kind: international
    timeline:
      - date: 1976-08-16
        kind: scheduled
        substances: [psilocybin]
        title: 1971 Convention in force
        instrument: Convention on Psychotropic Substances 1971
        sources: [https://example.org/un]
        confidence: high
        status: Schedule I (1971)
        verdicts: {default: prohibited}

    """,
    "Rules/jurisdictions/us.yaml": """
    id: us
    name: United States
    kind: national
    parent: un
    aliases: [USA]
    initial:
      mdma:
        status: Not controlled
        instrument: none
        sources: [https://example.org/mdma-1984]
        confidence: medium
        verdicts: {default: allowed}
    timeline:
      - date: 1971-05-01
        kind: scheduled
        substances: [psilocybin]
        title: CSA Schedule I
        instrument: Pub. L. 91-513
        sources: [https://example.org/csa]
        confidence: high
        status: Schedule I
        verdicts:
          default: prohibited
          research: {verdict: conditional, conditions: [a DEA Schedule I registration]}
      - date: 1985-07-01
        kind: temporary-scheduled
        substances: [mdma]
        title: Emergency scheduling
        instrument: 50 FR 23118
        sources: [https://example.org/50fr23118]
        confidence: high
        status: Schedule I
        verdicts: {default: prohibited}
      - date: 1999-08-12
        kind: scheduled
        substances: [ketamine]
        title: Ketamine to Schedule III
        instrument: 64 FR 37673
        sources: [https://example.org/64fr37673]
        confidence: high
        status: Schedule III
        verdicts:
          possession: {verdict: conditional, conditions: [a valid prescription]}
          medical: {verdict: conditional, conditions: [a valid prescription]}
          supply: prohibited
      - date: 2018-10-23
        kind: designation
        substances: [psilocybin]
        title: Breakthrough therapy designation
        instrument: FDA BTD
        sources: [https://example.org/btd]
        confidence: medium
      - date: 2019-03-05
        kind: approval
        substances: [esketamine]
        title: Spravato approved
        instrument: NDA 211243
        sources: [https://example.org/spravato]
        confidence: high
        verdicts:
          medical:
            verdict: conditional
            conditions:
              - in a REMS-certified setting
              - text: for treatment-resistant depression
                indications: [treatment-resistant-depression]

    """,
    "Rules/jurisdictions/us-or.yaml": """
    id: us-or
    name: Oregon
    kind: state
    parent: us
    timeline:
      - date: 2021-02-01
        kind: decriminalized
        substances: [psilocybin]
        title: Measure 110
        instrument: Measure 110
        sources: [https://example.org/m110]
        confidence: medium
        verdicts: {possession: decriminalized}
      - date: 2023-01-02
        kind: program-opened
        substances: [psilocybin]
        title: Psilocybin services open
        instrument: ORS 475A
        sources: [https://example.org/ors475a]
        confidence: high
        verdicts:
          supervised-use:
            verdict: conditional
            conditions:
              - at a licensed service centre
              - text: age 21 or older
                min_age: 21
      - date: 2024-09-01
        kind: recriminalized
        substances: [psilocybin]
        title: HB 4002
        instrument: HB 4002
        sources: [https://example.org/hb4002]
        confidence: high
        verdicts: {possession: prohibited}

    """,
    "Rules/jurisdictions/no.yaml": """
    id: no
    name: Norway
    kind: national
    parent: un
    aliases: [Norge, Noreg]

    """,
    "Rules/jurisdictions/no-31.yaml": """
    id: no-31
    name: Østfold
    kind: state
    parent: no

    """,
  ]

  package static let book: RuleBook = PsyregTestSupport.book(files)
}
