/// Two small rule sets for diff tests: the treaty layer, four substances and Xanadu, a
/// country whose timeline each test edits.
package enum DiffFixture {
  package static let substances: [String: String] = [
    "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n",
    "Rules/substances/psilocybin.yaml": "id: psilocybin\nname: Psilocybin\nkind: compound\n",
    "Rules/substances/ketamine.yaml": "id: ketamine\nname: Ketamine\nkind: compound\n",
    "Rules/substances/esketamine.yaml":
      "id: esketamine\nname: Esketamine\nkind: compound\nisomer_of: ketamine\n",
  ]

  package static let un = """
    id: un
    name: United Nations
    kind: international

    """

  package static let xa = """
    id: xa
    name: Xanadu
    kind: national
    parent: un
    initial:
      mdma:
        status: Schedule 9
        instrument: Poisons Standard
        sources: [https://example.org/s9]
        confidence: high
        verdicts: {default: prohibited}
    timeline:
      - date: 2000-01-01
        kind: scheduled
        substances: [psilocybin]
        title: Psilocybin scheduled
        instrument: Act 1
        sources: [https://example.org/act1]
        confidence: high
        verdicts: {default: prohibited}
      - date: 2010-01-01
        kind: scheduled
        substances: [ketamine]
        title: Ketamine scheduled
        instrument: Act 2
        sources: [https://example.org/act2]
        confidence: high
        verdicts:
          default: prohibited
          medical: {verdict: conditional, conditions: [a prescription]}
      - date: 2018-01-01
        kind: designation
        substances: [mdma]
        title: Breakthrough designation
        instrument: Notice 3
        sources: [https://example.org/notice3]
        confidence: high
      - date: 2023-07-01
        kind: rescheduled
        substances: [mdma]
        title: MDMA rescheduled for PTSD
        instrument: Act 4
        sources: [https://example.org/act4]
        confidence: high
        verdicts:
          medical: {verdict: conditional, conditions: [prescribed by a psychiatrist]}

    """

  package static func files(xa: String = xa, extra: [String: String] = [:]) -> [(
    path: String, text: String
  )] {
    let all = substances.merging([
      "Rules/jurisdictions/un.yaml": un, "Rules/jurisdictions/xa.yaml": xa,
    ]) { a, _ in a }
    .merging(extra) { _, b in b }
    return all.sorted { $0.key < $1.key }.map { (path: $0.key, text: $0.value) }
  }
}
