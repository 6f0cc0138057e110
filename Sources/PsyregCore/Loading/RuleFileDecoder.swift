import PsyregYAML

/// What kind of rule file a document is.
enum RuleFileKind {
  case substance, jurisdiction, tests
}

/// Decodes one file's positioned tree into the model. Checks that need other files
/// (references, duplicate ids) are the validator's.
struct RuleFileDecoder {
  var reader: SchemaReader
  var substances: [Substance] = []
  var jurisdictions: [Jurisdiction] = []
  var cases: [ExpectationCase] = []

  init(file: String) { reader = SchemaReader(file: file) }

  var file: String { reader.file }
  /// The file's diagnostics (capped), and one more that counts those left out.
  var diagnostics: [Diagnostic] {
    var all = reader.diagnostics.items
    if reader.diagnostics.suppressed > 0, let last = all.last {
      all.append(
        .tooManyProblems(left: reader.diagnostics.suppressed, limit: ProblemList.limit, in: last.position.file))
    }
    return all
  }

  static let substanceKeys = [
    "id", "name", "kind", "aliases", "identifiers", "isomer_of", "salt_of", "contains", "description", "sources",
    "note",
  ]
  static let identifierKeys = ["dea_code", "cas", "unii", "pubchem"]
  static let jurisdictionKeys = [
    "id", "name", "kind", "parent", "aliases", "note", "schedules", "adopts", "unlisted", "initial", "timeline",
  ]
  static let entryKeys = [
    "date", "announced", "kind", "substances", "schedule", "schedules", "title", "instrument", "sources",
    "confidence", "status", "verdicts", "note",
  ]
  static let initialKeys = ["status", "instrument", "sources", "confidence", "verdicts", "note"]
  static let scheduleKeys = ["label", "instrument", "sources", "confidence", "verdicts", "note"]
  static let adoptionKeys = ["layer", "from", "instrument", "sources", "confidence", "note"]
  static let rulingKeys = ["verdict", "conditions", "note"]
  static let conditionKeys = ["text", "min_age", "indications", "prescribers"]
  static let caseKeys = ["name", "substance", "jurisdiction", "activity", "on", "facts", "expect"]
  static let expectKeys = ["verdict", "conflict", "since", "layers"]
  static let layerKeys = ["verdict", "since", "origin"]

  /// Tells the kind of file from its folder, else from its keys.
  func kind(of root: YAMLNode) -> RuleFileKind? {
    let components = file.split(separator: "/")
    if components.contains("substances") { return .substance }
    if components.contains("jurisdictions") { return .jurisdiction }
    if components.contains("tests") { return .tests }
    guard let pairs = root.mapping else { return nil }
    let keys = Set(pairs.compactMap { $0.key.scalar?.value })
    if keys.contains("cases") { return .tests }
    if !keys.isDisjoint(with: ["timeline", "initial", "parent", "schedules", "adopts", "unlisted"]) {
      return .jurisdiction
    }
    if let kind = pairs.first(where: { $0.key.scalar?.value == "kind" })?.value.scalar?.value {
      if SubstanceKind(rawValue: kind) != nil { return .substance }
      if JurisdictionKind(rawValue: kind) != nil { return .jurisdiction }
    }
    return nil
  }

  mutating func decode(_ root: YAMLNode) {
    switch kind(of: root) {
    case .substance: decodeSubstance(root)
    case .jurisdiction: decodeJurisdiction(root)
    case .tests: decodeTests(root)
    case nil: reader.diagnostics.append(.unknownFileKind(at: reader.position(root)))
    }
  }

  // MARK: Substances

  mutating func decodeSubstance(_ root: YAMLNode) {
    guard
      let f = reader.fields(root, "a substance file", keys: Self.substanceKeys, required: ["id", "name", "kind"])
    else { return }
    let id = reader.id(f["id"])
    let name = reader.text(f["name"])
    let kind = reader.choice(
      f["kind"], SubstanceKind.self, code: .valueUnknownSubstanceKind, what: "substance kind")
    var identifiers: [String: String] = [:]
    if let node = f["identifiers"], !node.isNull,
      let g = reader.fields(node, "identifiers", keys: Self.identifierKeys, required: [])
    {
      for (key, value) in g.pairs { identifiers[key] = reader.text(value) }
    }
    let contains = reader.textList(f["contains"], of: "substance ids")
    let aliases = reader.textList(f["aliases"])
    var referenceOrigins: [String: RuleOrigin] = [:]
    for (value, node) in contains { referenceOrigins[value] = reader.position(node) }
    let isomerOf = reader.id(f["isomer_of"])
    let saltOf = reader.id(f["salt_of"])
    if let isomerOf { referenceOrigins[isomerOf] = reader.position(f["isomer_of"]!) }
    if let saltOf { referenceOrigins[saltOf] = reader.position(f["salt_of"]!) }
    var substance = Substance(
      id: id ?? "", name: name ?? "", kind: kind ?? .compound,
      aliases: aliases.map(\.0), identifiers: identifiers,
      isomerOf: isomerOf, saltOf: saltOf,
      contains: contains.map(\.0),
      description: reader.text(f["description"]),
      sources: reader.sources(f["sources"], required: false, owner: root), note: reader.text(f["note"]),
      origin: reader.position(f["id"] ?? root))
    substance.referenceOrigins = referenceOrigins
    substance.aliasOrigins = aliases.map { reader.position($0.1) }
    if id != nil, name != nil, kind != nil { substances.append(substance) }
  }

  // MARK: Jurisdictions

  mutating func decodeJurisdiction(_ root: YAMLNode) {
    guard
      let f = reader.fields(
        root, "a jurisdiction file", keys: Self.jurisdictionKeys, required: ["id", "name", "kind"])
    else { return }
    let id = reader.id(f["id"])
    let name = reader.text(f["name"])
    let kind = reader.choice(
      f["kind"], JurisdictionKind.self, code: .valueUnknownJurisdictionKind, what: "jurisdiction kind")
    let parent = reader.id(f["parent"])
    var initial: [String: InitialStatus] = [:]
    for (key, value) in reader.mapping(f["initial"], of: "substance ids to statuses") {
      guard let substance = reader.id(key) else { continue }
      if let status = decodeInitial(value, substance: substance, jurisdiction: id ?? "", at: key) {
        initial[substance] = status
      }
    }
    let unlisted = f["unlisted"].flatMap { node in
      node.isNull ? nil : decodeInitial(node, substance: nil, jurisdiction: id ?? "", at: f["unlisted"]!)
    }
    var schedules: [Schedule] = []
    for (key, value) in reader.mapping(f["schedules"], of: "schedule ids to schedules") {
      guard let scheduleID = reader.id(key) else { continue }
      if let schedule = decodeSchedule(value, id: scheduleID, jurisdiction: id ?? "", at: key) {
        schedules.append(schedule)
      }
    }
    let adoptions = reader.list(f["adopts"], of: "adoptions").compactMap { decodeAdoption($0) }
    let timeline = reader.list(f["timeline"], of: "timeline entries").compactMap {
      decodeEntry($0, jurisdiction: id ?? "")
    }
    let aliases = reader.textList(f["aliases"])
    guard let id, let name, let kind else { return }
    var jurisdiction = Jurisdiction(
      id: id, name: name, kind: kind, parent: parent, aliases: aliases.map(\.0),
      note: reader.text(f["note"]), initial: initial, unlisted: unlisted, schedules: schedules,
      adoptions: adoptions, timeline: timeline, origin: reader.position(f["id"]!),
      parentOrigin: f["parent"].map(reader.position))
    jurisdiction.aliasOrigins = aliases.map { reader.position($0.1) }
    jurisdictions.append(jurisdiction)
  }

  /// An `initial` status of one substance, or the `unlisted` baseline (no substance).
  mutating func decodeInitial(_ node: YAMLNode, substance: String?, jurisdiction: String, at key: YAMLNode)
    -> InitialStatus?
  {
    let context = substance == nil ? "the unlisted baseline" : "an initial status"
    guard
      let f = reader.fields(
        node, context, keys: Self.initialKeys,
        required: substance == nil
          ? ["status", "instrument", "confidence", "verdicts"] : ["status", "instrument", "confidence"])
    else { return nil }
    let status = reader.text(f["status"])
    let (instrument, sources, confidence) = reader.citation(f, owner: node)
    let verdicts = decodeVerdicts(f["verdicts"])
    guard let status, let instrument, let confidence else { return nil }
    return InitialStatus(
      jurisdiction: jurisdiction, substance: substance, status: status, instrument: instrument, sources: sources,
      confidence: confidence, verdicts: verdicts ?? VerdictTable(), note: reader.text(f["note"]),
      origin: reader.position(key))
  }

  mutating func decodeSchedule(_ node: YAMLNode, id: String, jurisdiction: String, at key: YAMLNode) -> Schedule? {
    guard
      let f = reader.fields(
        node, "a schedule", keys: Self.scheduleKeys, required: ["label", "instrument", "confidence", "verdicts"])
    else { return nil }
    let label = reader.text(f["label"])
    let (instrument, sources, confidence) = reader.citation(f, owner: node)
    let verdicts = decodeVerdicts(f["verdicts"])
    guard let label, let instrument, let confidence, let verdicts else { return nil }
    let schedule = Schedule(
      id: id, jurisdiction: jurisdiction, label: label, instrument: instrument, sources: sources,
      confidence: confidence, verdicts: verdicts, note: reader.text(f["note"]), origin: reader.position(key))
    let missing = Activity.allCases.filter { verdicts.ruling(for: $0) == nil }
    if !missing.isEmpty {
      reader.diagnostics.append(.scheduleIncomplete(id, missing: missing, at: reader.position(f["verdicts"]!)))
    }
    return schedule
  }

  mutating func decodeAdoption(_ node: YAMLNode) -> Adoption? {
    guard
      let f = reader.fields(
        node, "an adoption", keys: Self.adoptionKeys, required: ["layer", "from", "instrument", "confidence"])
    else { return nil }
    let layer = reader.id(f["layer"])
    let from = reader.date(f["from"])
    let (instrument, sources, confidence) = reader.citation(f, owner: node)
    guard let layer, let from, let instrument, let confidence else { return nil }
    return Adoption(
      layer: layer, from: from, instrument: instrument, sources: sources, confidence: confidence,
      note: reader.text(f["note"]), origin: reader.position(node), layerOrigin: reader.position(f["layer"]!))
  }

  mutating func decodeEntry(_ node: YAMLNode, jurisdiction: String) -> TimelineEntry? {
    guard
      let f = reader.fields(
        node, "a timeline entry", keys: Self.entryKeys,
        required: ["date", "kind", "title", "instrument", "confidence"])
    else { return nil }
    let date = reader.date(f["date"])
    let announced = reader.date(f["announced"])
    let kind = reader.choice(f["kind"], EntryKind.self, code: .valueUnknownEntryKind, what: "entry kind")
    let substances = reader.textList(f["substances"], of: "substance ids")
    let schedules = reader.textList(f["schedules"], of: "schedule ids")
    let schedule = f["schedule"].flatMap { reader.id($0) }
    for key in ["substances", "schedules"] {
      if let list = f[key], list.sequence?.isEmpty == true {
        reader.diagnostics.append(
          .wrongType(expected: "at least one id", found: "an empty list", at: reader.position(list)))
      }
    }
    switch (f["substances"], f["schedules"]) {
    case (nil, nil): reader.diagnostics.append(.missingTarget(at: reader.position(node)))
    case (_?, let both?): reader.diagnostics.append(.substancesAndSchedules(at: reader.position(both)))
    default: break
    }
    if let node = f["schedule"], let kind {
      if f["schedules"] != nil {
        reader.diagnostics.append(.substancesAndSchedules(at: reader.position(node)))
      } else if !kind.isListingKind {
        reader.diagnostics.append(.scheduleOnNonListing(kind.rawValue, at: reader.position(node)))
      }
    }
    let title = reader.text(f["title"])
    let (instrument, sources, confidence) = reader.citation(f, owner: node)
    let status = reader.text(f["status"])
    let verdicts = decodeVerdicts(f["verdicts"])
    if let list = f["schedules"], !schedules.isEmpty, verdicts?.isEmpty ?? true {
      reader.diagnostics.append(.classWideWithoutVerdicts(at: reader.position(list)))
    }
    let note = reader.text(f["note"])
    guard let date, let kind, let title, let instrument, let confidence, !(substances.isEmpty && schedules.isEmpty)
    else { return nil }
    let classWide = f["schedules"] != nil
    return TimelineEntry(
      jurisdiction: jurisdiction, substances: classWide ? [] : substances.map(\.0),
      schedule: classWide || !kind.isListingKind ? nil : schedule, schedules: schedules.map(\.0), date: date,
      announced: announced, kind: kind, title: title, instrument: instrument, sources: sources,
      confidence: confidence, status: status, verdicts: verdicts ?? VerdictTable(), note: note,
      origin: reader.position(node), substanceOrigins: classWide ? [] : substances.map { reader.position($0.1) },
      scheduleOrigins: classWide
        ? schedules.map { reader.position($0.1) } : f["schedule"].map { [reader.position($0)] } ?? [])
  }

  mutating func decodeVerdicts(_ node: YAMLNode?) -> VerdictTable? {
    guard let node, !node.isNull else { return nil }
    guard let pairs = node.mapping else {
      reader.diagnostics.append(
        .wrongType(
          expected: "a mapping of activities to verdicts", found: node.kindDescription, at: reader.position(node)))
      return nil
    }
    var table = VerdictTable()
    for pair in pairs {
      guard let key = reader.text(pair.key) else { continue }
      let ruling = decodeRuling(pair.value, activity: key)
      if key == "default" {
        table.fallback = ruling
      } else if let activity = Activity(rawValue: key) {
        table.byActivity[activity] = ruling
      } else {
        reader.diagnostics.append(
          .unknownValue(
            .valueUnknownActivity, key, what: "activity", allowed: Activity.names + ["default"],
            at: reader.position(pair.key)))
      }
    }
    return table
  }

  mutating func decodeRuling(_ node: YAMLNode, activity: String) -> Ruling? {
    if node.scalar != nil {
      guard let verdict = reader.choice(node, Verdict.self, code: .valueUnknownVerdict, what: "verdict") else {
        return nil
      }
      if verdict == .conditional { reader.diagnostics.append(.conditionsMissing(activity, at: reader.position(node))) }
      return Ruling(verdict: verdict)
    }
    guard let f = reader.fields(node, "a verdict", keys: Self.rulingKeys, required: ["verdict"]) else { return nil }
    guard let verdict = reader.choice(f["verdict"], Verdict.self, code: .valueUnknownVerdict, what: "verdict")
    else { return nil }
    var conditions: [Condition] = []
    if let list = f["conditions"], !list.isNull {
      if let items = list.sequence {
        conditions = items.compactMap { decodeCondition($0) }
      } else {
        reader.diagnostics.append(
          .wrongType(expected: "a list of conditions", found: list.kindDescription, at: reader.position(list)))
      }
    }
    if verdict == .conditional && conditions.isEmpty && f["conditions"]?.sequence?.isEmpty != false {
      reader.diagnostics.append(.conditionsMissing(activity, at: reader.position(f["verdict"]!)))
    }
    return Ruling(verdict: verdict, conditions: conditions, note: reader.text(f["note"]))
  }

  mutating func decodeCondition(_ node: YAMLNode) -> Condition? {
    if node.scalar != nil { return reader.text(node).map { Condition(text: $0) } }
    guard let f = reader.fields(node, "a condition", keys: Self.conditionKeys, required: ["text"]),
      let text = reader.text(f["text"])
    else { return nil }
    return Condition(
      text: text, minAge: reader.integer(f["min_age"], what: "an age"),
      indications: reader.textList(f["indications"]).map(\.0), prescribers: reader.textList(f["prescribers"]).map(\.0))
  }

  // MARK: Tests

  mutating func decodeTests(_ root: YAMLNode) {
    guard let f = reader.fields(root, "a test file", keys: ["cases"], required: ["cases"]) else { return }
    guard let items = f["cases"]?.sequence else {
      if let node = f["cases"], !node.isNull {
        reader.diagnostics.append(
          .wrongType(expected: "a list of cases", found: node.kindDescription, at: reader.position(node)))
      }
      return
    }
    cases = items.compactMap { decodeCase($0) }
  }

  mutating func decodeCase(_ node: YAMLNode) -> ExpectationCase? {
    guard
      let f = reader.fields(
        node, "a test case", keys: Self.caseKeys,
        required: ["name", "substance", "jurisdiction", "activity", "on", "expect"])
    else { return nil }
    let name = reader.text(f["name"])
    let substance = reader.text(f["substance"])
    let jurisdiction = reader.text(f["jurisdiction"])
    let activity = reader.choice(f["activity"], Activity.self, code: .valueUnknownActivity, what: "activity")
    let date = reader.date(f["on"])
    var facts: [String: String] = [:]
    if let node = f["facts"], !node.isNull {
      if let pairs = node.mapping {
        for pair in pairs {
          if let key = reader.text(pair.key), let value = reader.text(pair.value) { facts[key] = value }
        }
      } else {
        reader.diagnostics.append(
          .wrongType(expected: "a mapping of facts", found: node.kindDescription, at: reader.position(node)))
      }
    }
    guard let expectNode = f["expect"],
      let e = reader.fields(expectNode, "an expectation", keys: Self.expectKeys, required: ["verdict"])
    else { return nil }
    let verdict = reader.choice(e["verdict"], Verdict.self, code: .valueUnknownVerdict, what: "verdict")
    let conflict = reader.boolean(e["conflict"])
    let since = reader.date(e["since"])
    var layers: [ExpectationCase.LayerExpectation] = []
    if let node = e["layers"], !node.isNull {
      if let pairs = node.mapping {
        for pair in pairs {
          guard let layer = reader.id(pair.key) else { continue }
          if pair.value.scalar != nil {
            if let v = reader.choice(pair.value, Verdict.self, code: .valueUnknownVerdict, what: "verdict") {
              layers.append(
                .init(jurisdiction: layer, verdict: v, since: nil, answerOrigin: nil, origin: reader.position(pair.key))
              )
            }
          } else if let g = reader.fields(
            pair.value, "a layer expectation", keys: Self.layerKeys, required: ["verdict"]),
            let v = reader.choice(g["verdict"], Verdict.self, code: .valueUnknownVerdict, what: "verdict")
          {
            layers.append(
              .init(
                jurisdiction: layer, verdict: v, since: reader.date(g["since"]),
                answerOrigin: reader.choice(
                  g["origin"], AnswerOrigin.self, code: .valueUnknownOrigin, what: "origin"),
                origin: reader.position(pair.key)))
          }
        }
      } else {
        reader.diagnostics.append(
          .wrongType(
            expected: "a mapping of layer ids to verdicts", found: node.kindDescription, at: reader.position(node)))
      }
    }
    guard let name, let substance, let jurisdiction, let activity, let date, let verdict else { return nil }
    return ExpectationCase(
      name: name, substance: substance, jurisdiction: jurisdiction, activity: activity, date: date, facts: facts,
      verdict: verdict, conflict: conflict, since: since, layers: layers, origin: reader.position(node),
      substanceOrigin: reader.position(f["substance"]!), jurisdictionOrigin: reader.position(f["jurisdiction"]!))
  }
}
