import Dispatch
import PsyregCore
import Synchronization

/// How large a synthetic rule set to make, and from which seed.
///
/// The same configuration always makes the same bytes: every jurisdiction is generated from
/// its own random stream (the seed and its index), so sizes can change without reshuffling the
/// rest, and two configurations that differ only in `edits` differ only in the edited entries.
public struct GeneratorConfig: Sendable, Hashable {
  /// The seed of every random choice.
  public var seed: UInt64
  /// Jurisdiction files, the treaty layer (`un`) included: nations, states, cities.
  public var jurisdictions: Int
  /// Timeline entries in all, spread evenly over the jurisdictions.
  public var entries: Int
  /// Substance files.
  public var substances: Int
  /// Expectation test cases (`tests/*.yaml`); nil: one per 50 entries, at least 10.
  public var cases: Int?
  /// Entries changed against the same configuration with `edits: 0` (a title, a verdict, an
  /// entry removed, an entry added, in turn): the second side of a diff.
  public var edits: Int
  /// Days of history, ending 2025-12-31; a jurisdiction with more entries than days puts
  /// several on one day (those after the first set no verdict).
  public var historyDays: Int = 23_652

  /// A configuration; the defaults make a set a little larger than the shipped one.
  public init(
    seed: UInt64 = 1, jurisdictions: Int = 150, entries: Int = 3_000, substances: Int = 40, cases: Int? = nil,
    edits: Int = 0
  ) {
    self.seed = seed
    self.jurisdictions = max(2, jurisdictions)
    self.entries = max(0, entries)
    self.substances = max(2, substances)
    self.cases = cases
    self.edits = max(0, edits)
  }

  /// The number of expectation cases this configuration writes.
  public var caseCount: Int { cases ?? max(10, entries / 50) }
}

/// One generated file: its path relative to the rules folder (`jurisdictions/n3.yaml`) and its text.
public struct GeneratedFile: Sendable, Hashable {
  /// Relative to the rules folder: `substances/…`, `jurisdictions/…` or `tests/…`.
  public var path: String
  /// The YAML text.
  public var text: String
}

/// Makes large rule sets shaped like the shipped ones: a treaty layer with its schedules and an
/// `unlisted` baseline; nations with schedule classes, listings, class-wide reforms, approvals,
/// programmes, designations and `initial` statuses; states that adopt their nation's schedules
/// (half with schedules of their own under the same ids); cities that adopt their state and
/// decriminalise; substances with aliases, identifiers and isomer/salt lineages; and expectation
/// tests whose answers are taken from the compiled rules (`expectationFiles(for:)`).
///
/// Every file passes `psyreg validate --strict`.
public struct RuleSetGenerator: Sendable {
  /// What to make.
  public let config: GeneratorConfig
  let layout: Layout

  /// A generator for one configuration.
  public init(_ config: GeneratorConfig) {
    self.config = config
    self.layout = Layout(config)
  }

  // MARK: - Files

  /// Substance and jurisdiction files (no tests), in a stable order.
  public func ruleFiles() -> [GeneratedFile] {
    substanceFiles() + jurisdictionFiles()
  }

  /// The rule files and the expectation tests, which are answered by compiling the rule files
  /// (so this loads them once); rules that do not load are a generator bug and trap.
  public func allFiles() -> [GeneratedFile] {
    let rules = ruleFiles()
    guard config.caseCount > 0 else { return rules }
    let book: RuleBook
    do {
      book = try RuleBook.load(sources: rules.map { (path: $0.path, text: $0.text) }).book
    } catch {
      fatalError("generated rules do not load:\n\(error.description)")
    }
    return rules + expectationFiles(for: book)
  }

  /// The files as the loader takes them, with paths under `root` (`Rules/jurisdictions/n3.yaml`).
  public static func sources(_ files: [GeneratedFile], root: String = "Rules") -> [(path: String, text: String)] {
    files.map { (path: root + "/" + $0.path, text: $0.text) }
  }

  /// One file per substance.
  public func substanceFiles() -> [GeneratedFile] {
    (0..<config.substances).map { substanceFile($0) }
  }

  /// One file per jurisdiction, generated on all cores.
  public func jurisdictionFiles() -> [GeneratedFile] {
    let count = layout.jurisdictions.count
    let box = ResultBox(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      box.set(index, jurisdictionFile(index))
    }
    return box.values
  }

  // MARK: - Substances

  func substanceFile(_ k: Int) -> GeneratedFile {
    var rng = SplitMix64(seed: config.seed &+ 0x5EED_0000 &+ UInt64(k))
    let s = layout.substance(k)
    var y = YAMLWriter()
    y.line("id: \(s.id)")
    y.line("name: \(s.name)")
    y.line("kind: \(["compound", "compound", "compound", "plant", "fungus", "product"][rng.below(6)])")
    y.line("aliases: [\(s.aliases.joined(separator: ", "))]")
    y.line("identifiers:")
    y.line("  cas: \"\(1000 + k)-\(10 + rng.below(89))-\(rng.below(10))\"")
    if rng.chance(0.5) { y.line("  dea_code: \"\(7000 + k % 999)\"") }
    if rng.chance(0.6) { y.line("  pubchem: \"\(100_000 + k * 37)\"") }
    if let parent = s.isomerOf { y.line("isomer_of: \(layout.substance(parent).id)") }
    if let parent = s.saltOf { y.line("salt_of: \(layout.substance(parent).id)") }
    y.line("description: \(s.name) is a synthetic substance of the generated rule set, number \(k).")
    y.line("sources: [https://pubchem.ncbi.nlm.nih.gov/compound/\(100_000 + k * 37)]")
    if rng.chance(0.3) {
      y.line("note: >-")
      y.line("  Generated for benchmarks and scale tests; the identifiers are made up and point at")
      y.line("  nothing real. Seed \(config.seed).")
    }
    return GeneratedFile(path: "substances/\(s.id).yaml", text: y.text)
  }

  // MARK: - Jurisdictions

  func jurisdictionFile(_ index: Int) -> GeneratedFile {
    let j = layout.jurisdictions[index]
    var rng = SplitMix64(seed: config.seed &* 0x9E37_79B9 &+ UInt64(index) &+ 1)
    var y = YAMLWriter()
    y.line("id: \(j.id)")
    y.line("name: \(j.name)")
    y.line("kind: \(j.kind.rawValue)")
    if let parent = j.parent { y.line("parent: \(layout.jurisdictions[parent].id)") }
    if !j.aliases.isEmpty {
      y.line("aliases:")
      for alias in j.aliases { y.line("- \(alias)") }
    }
    y.line("note: >-")
    y.line("  \(j.name) is a generated \(j.kind.rawValue) layer (index \(index), seed \(config.seed)); its")
    y.line("  law is made up, shaped like the shipped rules for benchmarks and scale tests.")

    if let adopted = j.adopts {
      let from = CivilDate(dayNumber: layout.firstDay - 3000 + rng.below(2500))
      y.line("adopts:")
      y.line("- layer: \(layout.jurisdictions[adopted].id)")
      y.line("  from: '\(from)'")
      y.line("  instrument: \(j.name) Controlled Substances Act, sec. \(rng.below(900) + 100) (adoption by reference)")
      y.line("  sources:")
      y.line("  - \(source(j, &rng))")
      y.line("  confidence: \(confidence(&rng))")
      if rng.chance(0.3) {
        y.line("  note: >-")
        y.line("    The schedules follow the adopted layer's listings from this date; later amendments are")
        y.line("    followed without a new act.")
      }
    }

    if j.declaresSchedules {
      y.line("schedules:")
      for (number, id) in j.scheduleIDs.enumerated() {
        y.line("  \(id):")
        y.line("    label: \(j.name) Schedule \(Layout.roman[number])")
        y.line("    instrument: \(j.name) Controlled Substances Act, Schedule \(Layout.roman[number])")
        y.line("    sources: [\(source(j, &rng))]")
        y.line("    confidence: high")
        y.line("    verdicts:")
        Self.scheduleVerdicts(number, into: &y, indent: "      ")
        if rng.chance(0.3) {
          y.line("    note: >-")
          y.line("      Listed substances have the verdicts of the schedule unless an entry of their own")
          y.line("      says otherwise.")
        }
      }
    }

    if j.kind == .international || (j.kind == .national && rng.chance(0.5)) {
      y.line("unlisted:")
      y.line("  status: Not under control (not listed in any schedule of \(j.name))")
      y.line("  instrument: \(j.name) schedules (not listed)")
      y.line("  sources: [\(source(j, &rng))]")
      y.line("  confidence: high")
      y.line("  verdicts: {default: allowed}")
    }

    if j.kind == .national || (j.kind == .state && rng.chance(0.2)) {
      let count = j.kind == .national ? max(1, config.substances / 10) : 1
      var chosen = Set<Int>()
      for _ in 0..<count { chosen.insert(rng.below(config.substances)) }
      y.line("initial:")
      for k in chosen.sorted() {
        y.line("  \(layout.substance(k).id):")
        y.line("    status: Not controlled")
        y.line("    instrument: none (not listed before its first scheduling in \(j.name))")
        y.line("    sources:")
        y.line("    - \(source(j, &rng))")
        y.line("    confidence: \(confidence(&rng))")
        y.line("    verdicts:")
        y.line("      default: allowed")
      }
    }

    var entries = makeEntries(index, j, &rng)
    applyEdits(index, &entries)
    if !entries.isEmpty {
      y.line("timeline:")
      for entry in entries { write(entry, j, into: &y) }
    }
    return GeneratedFile(path: "jurisdictions/\(j.id).yaml", text: y.text)
  }

  static func scheduleVerdicts(_ number: Int, into y: inout YAMLWriter, indent: String) {
    switch number {
    case 0:
      y.line(indent + "default: prohibited")
      y.line(indent + "research:")
      y.line(indent + "  verdict: conditional")
      y.line(indent + "  conditions:")
      y.line(indent + "  - a Schedule I researcher registration")
      y.line(indent + "  - an approved research protocol")
    case 1, 2:
      y.line(indent + "default: prohibited")
      y.line(indent + "possession:")
      y.line(indent + "  verdict: conditional")
      y.line(indent + "  conditions: [a valid prescription]")
      y.line(indent + "medical:")
      y.line(indent + "  verdict: conditional")
      y.line(indent + "  conditions:")
      y.line(indent + "  - text: prescribed by a registered physician")
      y.line(indent + "    prescribers: [physician, psychiatrist]")
      y.line(indent + "research: {verdict: conditional, conditions: [a research licence]}")
      y.line(indent + "supply: {verdict: conditional, conditions: [a licence to manufacture or dispense]}")
    default:
      y.line(indent + "default: {verdict: conditional, conditions: [a prescription or a licence]}")
      y.line(indent + "possession: {verdict: conditional, conditions: [a valid prescription]}")
      y.line(indent + "medical: {verdict: conditional, conditions: [a prescription]}")
      y.line(indent + "research: {verdict: conditional, conditions: [a research licence]}")
      y.line(indent + "supply: {verdict: conditional, conditions: [a pharmacy licence]}")
      y.line(indent + "supervised-use: prohibited")
      y.line(indent + "religious: prohibited")
    }
  }

  // MARK: - Entries

  struct Entry {
    enum Target {
      case substances([Int], listing: String?)
      case schedules([String])
    }
    var day: Int
    var kind: String
    var target: Target
    var title: String
    var instrument: String
    var sources: [String]
    var confidence: String
    var status: String?
    /// Lines of the `verdicts:` mapping, without indentation; empty when it sets none.
    var verdicts: [String]
    var note: Bool
    var announced: Int?
    /// Shares its day with the entry before it (so it sets no verdict and lists nothing).
    var sharesDay: Bool
  }

  func entryCount(_ index: Int) -> Int {
    let count = layout.jurisdictions.count
    return config.entries / count + (index < config.entries % count ? 1 : 0)
  }

  func makeEntries(_ index: Int, _ j: Layout.Jurisdiction, _ rng: inout SplitMix64) -> [Entry] {
    let n = entryCount(index)
    var entries: [Entry] = []
    entries.reserveCapacity(n)
    let span = layout.lastDay - layout.firstDay
    var previousDay = Int.min
    let hasSchedules = !j.scheduleIDs.isEmpty
    for k in 0..<n {
      let day =
        layout.firstDay + (n <= span ? (k * span) / n + (span / n > 2 ? rng.below(span / n - 1) : 0) : k * span / n)
      let sharesDay = day == previousDay
      previousDay = day
      let roll = rng.below(100)
      var entry: Entry
      if sharesDay {
        entry = designation(j, &rng, day: day)
      } else if hasSchedules && roll < (j.kind == .international ? 60 : 35) {
        entry = listing(j, &rng, day: day)
      } else if j.declaresSchedules && j.kind != .international && roll < 45 {
        // Class-wide entries name schedules declared in the same file.
        entry = classWide(j, &rng, day: day)
      } else if roll < (j.kind == .international ? 70 : 85) {
        entry = own(j, &rng, day: day)
      } else {
        entry = designation(j, &rng, day: day)
      }
      entry.sharesDay = sharesDay
      entries.append(entry)
    }
    return entries
  }

  func pickSubstances(_ rng: inout SplitMix64, max count: Int) -> [Int] {
    let wanted = 1 + rng.below(count)
    var picked: [Int] = []
    while picked.count < wanted {
      let k = rng.below(config.substances)
      if !picked.contains(k) { picked.append(k) }
      if picked.count == config.substances { break }
    }
    return picked
  }

  func listing(_ j: Layout.Jurisdiction, _ rng: inout SplitMix64, day: Int) -> Entry {
    let substances = pickSubstances(&rng, max: 4)
    let number = rng.below(j.scheduleIDs.count)
    let kind = ["scheduled", "scheduled", "scheduled", "rescheduled", "temporary-scheduled"][rng.below(5)]
    var verdicts: [String] = []
    if rng.chance(0.15) {
      verdicts = ["research:", "  verdict: conditional", "  conditions: [an approved protocol, a site licence]"]
    }
    let names = substances.map { layout.substance($0).name }.joined(separator: ", ")
    return Entry(
      day: day, kind: kind, target: .substances(substances, listing: j.scheduleIDs[number]),
      title: "\(names) \(kind == "rescheduled" ? "moved to" : "listed in") Schedule \(Layout.roman[number])",
      instrument: instrument(j, &rng), sources: sources(j, &rng), confidence: confidence(&rng),
      status: nil, verdicts: verdicts, note: rng.chance(0.15),
      announced: rng.chance(0.3) ? day - 30 - rng.below(300) : nil,
      sharesDay: false)
  }

  func classWide(_ j: Layout.Jurisdiction, _ rng: inout SplitMix64, day: Int) -> Entry {
    let ids = j.scheduleIDs
    let first = rng.below(ids.count)
    let targets = rng.chance(0.5) ? [ids[first]] : Array(ids[first...].prefix(2))
    let variant = rng.below(3)
    let (kind, title, status, verdicts): (String, String, String?, [String])
    switch variant {
    case 0:
      (kind, title, status, verdicts) = (
        "decriminalized", "Personal possession of scheduled substances decriminalised",
        "Personal possession a civil violation", ["possession: decriminalized"]
      )
    case 1:
      (kind, title, status, verdicts) = (
        "recriminalized", "Personal possession of scheduled substances an offence again", nil,
        ["possession: prohibited"]
      )
    default:
      (kind, title, status, verdicts) = (
        "law-enacted", "Research exemption for scheduled substances", nil,
        [
          "research:", "  verdict: conditional", "  conditions:",
          "  - text: an approved protocol and an ethics approval",
          "    indications: [ptsd, treatment-resistant-depression]",
        ]
      )
    }
    return Entry(
      day: day, kind: kind, target: .schedules(targets), title: title, instrument: instrument(j, &rng),
      sources: sources(j, &rng), confidence: confidence(&rng), status: status, verdicts: verdicts,
      note: rng.chance(0.3), announced: rng.chance(0.5) ? day - 90 - rng.below(400) : nil, sharesDay: false)
  }

  func own(_ j: Layout.Jurisdiction, _ rng: inout SplitMix64, day: Int) -> Entry {
    let substances = pickSubstances(&rng, max: j.kind == .city ? 3 : 2)
    let names = substances.map { layout.substance($0).name }.joined(separator: " and ")
    let kind: String
    let title: String
    var status: String? = nil
    let verdicts: [String]
    switch (j.kind, rng.below(6)) {
    case (.city, let r) where r < 4:
      kind = "decriminalized"
      title = "\(j.name) makes \(names) possession its lowest enforcement priority"
      status = "Lowest enforcement priority (\(j.name))"
      verdicts = ["possession: decriminalized"]
    case (.international, _):
      kind = "recommendation"
      title = "Expert committee reviews \(names)"
      verdicts = []
    case (_, 0):
      kind = "approval"
      title = "\(names) approved for treatment-resistant depression"
      status = "Approved medicine"
      verdicts = [
        "medical:", "  verdict: conditional", "  conditions:", "  - text: prescribed by a psychiatrist",
        "    prescribers: [psychiatrist]", "  - text: for treatment-resistant depression",
        "    indications: [treatment-resistant-depression]", "  - text: 18 or older", "    min_age: 18",
      ]
    case (_, 1):
      kind = "program-opened"
      title = "Licensed \(names) service centres open"
      status = "Licensed supervised use"
      verdicts = [
        "supervised-use:", "  verdict: conditional", "  conditions:",
        "  - at a licensed service centre, with a licensed facilitator present", "  - text: 21 or older",
        "    min_age: 21",
      ]
    case (_, 2):
      kind = "exemption"
      title = "Religious use of \(names) exempted"
      verdicts = ["religious: {verdict: conditional, conditions: [by members of a registered church]}"]
    case (_, 3):
      kind = "trial-approved"
      title = "Clinical trial of \(names) approved"
      verdicts = ["research: {verdict: conditional, conditions: [within the approved trial]}"]
    case (_, 4):
      kind = "court-ruling"
      title = "Court strikes down the ban on \(names) possession"
      verdicts = ["possession: decriminalized", "supply: prohibited"]
    default:
      kind = "descheduled"
      title = "\(names) removed from the schedules"
      status = "Not controlled"
      verdicts = ["default: allowed", "supply: {verdict: conditional, conditions: [a pharmacy licence]}"]
    }
    return Entry(
      day: day, kind: kind, target: .substances(substances, listing: nil), title: title,
      instrument: instrument(j, &rng), sources: sources(j, &rng), confidence: confidence(&rng), status: status,
      verdicts: verdicts, note: rng.chance(0.25), announced: rng.chance(0.4) ? day - 60 - rng.below(500) : nil,
      sharesDay: false)
  }

  func designation(_ j: Layout.Jurisdiction, _ rng: inout SplitMix64, day: Int) -> Entry {
    let substances = pickSubstances(&rng, max: 2)
    let names = substances.map { layout.substance($0).name }.joined(separator: " and ")
    let kinds = ["designation", "rejection", "ballot-passed", "recommendation", "other"]
    let kind = kinds[rng.below(kinds.count)]
    return Entry(
      day: day, kind: kind, target: .substances(substances, listing: nil),
      title: "\(names) — \(kind.replacingHyphens) in \(j.name)", instrument: instrument(j, &rng),
      sources: sources(j, &rng), confidence: confidence(&rng), status: nil, verdicts: [], note: rng.chance(0.2),
      announced: nil, sharesDay: false)
  }

  /// Edits for the diff's second side: entry `e` of the edit list changes one entry of one
  /// jurisdiction, chosen from the seed alone.
  func applyEdits(_ index: Int, _ entries: inout [Entry]) {
    guard config.edits > 0, !entries.isEmpty else { return }
    for e in 0..<config.edits {
      var rng = SplitMix64(seed: config.seed ^ 0xED17_0000 &+ UInt64(e))
      let target = 1 + rng.below(layout.jurisdictions.count - 1)
      guard target == index else { continue }
      let k = rng.below(entries.count)
      // An entry that shares its day keeps to designations (no same-day contradiction).
      let kind = entries[k].sharesDay || (k + 1 < entries.count && entries[k + 1].sharesDay) ? 0 : e % 4
      switch kind {
      case 0:
        entries[k].title += " (amended)"
        entries[k].instrument += "; corrigendum \(e)"
      case 1:
        entries[k].verdicts = ["default: unknown"]
        entries[k].title += " (verdicts revised)"
      case 2:
        entries.remove(at: k)
      default:
        var added = entries[k]
        added.title = "Added entry \(e) — " + added.title
        added.verdicts = ["possession: decriminalized"]
        added.day += 1
        if k + 1 < entries.count, entries[k + 1].day <= added.day { entries[k].title += " (amended)"; continue }
        entries.insert(added, at: k + 1)
      }
    }
  }

  func write(_ e: Entry, _ j: Layout.Jurisdiction, into y: inout YAMLWriter) {
    y.line("- date: \(CivilDate(dayNumber: e.day))")
    if let announced = e.announced { y.line("  announced: \(CivilDate(dayNumber: announced))") }
    y.line("  kind: \(e.kind)")
    switch e.target {
    case .substances(let list, let schedule):
      y.line("  substances: [\(list.map { layout.substance($0).id }.joined(separator: ", "))]")
      if let schedule { y.line("  schedule: \(schedule)") }
    case .schedules(let list):
      y.line("  schedules: [\(list.joined(separator: ", "))]")
    }
    y.line("  title: \(e.title)")
    y.line("  instrument: \(e.instrument)")
    y.line("  sources:")
    for s in e.sources { y.line("  - \(s)") }
    y.line("  confidence: \(e.confidence)")
    if let status = e.status { y.line("  status: \(status)") }
    if !e.verdicts.isEmpty {
      y.line("  verdicts:")
      for line in e.verdicts { y.line("    " + line) }
    }
    if e.note {
      y.line("  note: >-")
      y.line("    The generated entry stands for an act of \(j.name); its verdicts follow the modelling")
      y.line("    conventions of docs/rule-format.md.")
    }
  }

  func instrument(_ j: Layout.Jurisdiction, _ rng: inout SplitMix64) -> String {
    switch rng.below(3) {
    case 0: "\(j.name) Act \(rng.below(200) + 1) of \(1960 + rng.below(66)), sec. \(rng.below(90) + 1)"
    case 1: "Gazette \(rng.below(90) + 10) No. \(rng.below(9000) + 1000), p. \(rng.below(900) + 1)"
    default: "Order \(rng.below(9000) + 1000)/\(1960 + rng.below(66)) of the \(j.name) health ministry"
    }
  }

  func source(_ j: Layout.Jurisdiction, _ rng: inout SplitMix64) -> String {
    "https://legislation.gov.\(j.tld)/\(j.id)/act/\(rng.below(100_000))"
  }

  func sources(_ j: Layout.Jurisdiction, _ rng: inout SplitMix64) -> [String] {
    var list = [source(j, &rng)]
    if rng.chance(0.4) { list.append("https://gazette.gov.\(j.tld)/issue/\(rng.below(100_000))/notice") }
    if rng.chance(0.2) { list.append("https://www.unodc.org/documents/\(j.id)/\(rng.below(10_000)).pdf") }
    return list
  }

  func confidence(_ rng: inout SplitMix64) -> String {
    let r = rng.below(100)
    return r < 80 ? "high" : r < 95 ? "medium" : "uncertain"
  }

  // MARK: - Expectation tests

  /// Expectation test files (`tests/generated-N.yaml`, 500 cases each) whose expectations are
  /// the answers `book` gives: verdict, conflict, since and every layer's verdict, since and
  /// origin. Names are written as ids, names or aliases, as people type them; some cases give
  /// facts.
  public func expectationFiles(for book: RuleBook) -> [GeneratedFile] {
    var rng = SplitMix64(seed: config.seed ^ 0x7E57_7E57)
    var files: [GeneratedFile] = []
    var y = YAMLWriter()
    let perFile = 500
    let activities = Activity.allCases
    for i in 0..<config.caseCount {
      if i % perFile == 0 {
        if i > 0 { files.append(GeneratedFile(path: "tests/generated-\(files.count + 1).yaml", text: y.text)) }
        y = YAMLWriter()
        y.line("# Generated expectation tests (seed \(config.seed)): answers recorded from the rules.")
        y.line("cases:")
      }
      let jIndex = 1 + rng.below(layout.jurisdictions.count - 1)
      let j = layout.jurisdictions[jIndex]
      let sIndex = rng.below(config.substances)
      let s = layout.substance(sIndex)
      let activity = activities[rng.below(activities.count)]
      let date = CivilDate(dayNumber: layout.firstDay - 2000 + rng.below(layout.lastDay - layout.firstDay + 4000))
      var factPairs: [(String, String)] = []
      if rng.chance(0.2) { factPairs.append(("age", "\(16 + rng.below(20))")) }
      if rng.chance(0.1) { factPairs.append(("prescriber", rng.chance(0.5) ? "psychiatrist" : "physician")) }
      let facts = (try? Facts(Dictionary(uniqueKeysWithValues: factPairs))) ?? Facts()
      let answer = book.answer(
        Question(substance: s.id, jurisdiction: j.id, activity: activity, date: date, facts: facts))
      let substanceName = [s.id, s.name, s.aliases[0]][rng.below(3)]
      let jurisdictionName = ([j.id, j.name] + j.aliases)[rng.below(2 + j.aliases.count)]
      y.line("  - name: case \(i + 1), \(s.id) in \(j.id) (\(activity.rawValue), \(date))")
      y.line("    substance: \(substanceName)")
      y.line("    jurisdiction: \(jurisdictionName)")
      y.line("    activity: \(activity.rawValue)")
      y.line("    on: \(date)")
      if !factPairs.isEmpty {
        y.line("    facts: {\(factPairs.map { "\($0.0): \"\($0.1)\"" }.joined(separator: ", "))}")
      }
      y.line("    expect:")
      y.line("      verdict: \(answer.verdict.rawValue)")
      y.line("      conflict: \(answer.conflict)")
      if let since = answer.governingLayer?.since { y.line("      since: \(since)") }
      y.line("      layers:")
      for layer in answer.layers + answer.beside {
        var fields = ["verdict: \(layer.verdict.rawValue)", "origin: \(layer.origin.rawValue)"]
        if let since = layer.since { fields.append("since: \(since)") }
        y.line("        \(layer.jurisdiction.id): {\(fields.joined(separator: ", "))}")
      }
    }
    if config.caseCount > 0 {
      files.append(GeneratedFile(path: "tests/generated-\(files.count + 1).yaml", text: y.text))
    }
    return files
  }
}

// MARK: - Layout

/// Which jurisdictions and substances there are, and how they relate: decided from the sizes
/// alone, so every file can be generated on its own.
struct Layout: Sendable {
  struct Jurisdiction: Sendable {
    var id: String
    var name: String
    var kind: JurisdictionKind
    var parent: Int?
    var adopts: Int?
    var aliases: [String]
    /// Schedule ids this layer may list in: its own, else its adopted layer's.
    var scheduleIDs: [String]
    var declaresSchedules: Bool
    /// A made-up two-letter country code for source hosts.
    var tld: String
  }

  struct SubstanceInfo {
    var id: String
    var name: String
    var aliases: [String]
    var isomerOf: Int?
    var saltOf: Int?
  }

  static let roman = ["I", "II", "III", "IV", "V"]
  /// The history's first day (1961-03-30, the Single Convention, by default) and last.
  let firstDay: Int
  let lastDay: Int

  var jurisdictions: [Jurisdiction] = []
  let substanceCount: Int

  init(_ config: GeneratorConfig) {
    substanceCount = config.substances
    lastDay = CivilDate(year: 2025, month: 12, day: 31)!.dayNumber
    firstDay = lastDay - config.historyDays
    let total = config.jurisdictions
    let nations = max(1, (total - 1) / 10)
    let cities = (total - 1 - nations) / 4
    let states = total - 1 - nations - cities
    let seed = config.seed
    jurisdictions.append(
      Jurisdiction(
        id: "un", name: "United Nations", kind: .international, parent: nil, adopts: nil,
        aliases: ["UN", "International drug control conventions"], scheduleIDs: ["un-i", "un-ii", "un-iii", "un-iv"],
        declaresSchedules: true, tld: "un"))
    for n in 0..<nations {
      let name = Self.word(n, seed: seed) + "land"
      jurisdictions.append(
        Jurisdiction(
          id: "n\(n)", name: name, kind: .national, parent: 0, adopts: nil,
          aliases: ["Republic of \(name)", "N\(n)"], scheduleIDs: ["sch-1", "sch-2", "sch-3", "sch-4"],
          declaresSchedules: true, tld: Self.tld(n)))
    }
    for s in 0..<states {
      let nation = 1 + s % nations
      let name = Self.word(s, seed: seed &+ 1) + "ia"
      let own = (s / nations) % 2 == 0
      jurisdictions.append(
        Jurisdiction(
          id: "\(jurisdictions[nation].id)-s\(s)", name: name, kind: .state, parent: nation, adopts: nation,
          aliases: ["State of \(name)"], scheduleIDs: ["sch-1", "sch-2", "sch-3", "sch-4"], declaresSchedules: own,
          tld: jurisdictions[nation].tld))
    }
    for c in 0..<cities {
      let state = 1 + nations + c % max(1, states)
      guard states > 0 else { break }
      let name = "Port " + Self.word(c, seed: seed &+ 2)
      let adopts = c % 3 == 0 ? state : nil
      jurisdictions.append(
        Jurisdiction(
          id: "\(jurisdictions[state].id)-c\(c)", name: name, kind: .city, parent: state, adopts: adopts,
          aliases: ["City of \(name)"], scheduleIDs: [], declaresSchedules: false, tld: jurisdictions[state].tld))
    }
  }

  func substance(_ k: Int) -> SubstanceInfo {
    let word = Self.word(k, seed: 99)
    let name = word + "amine"
    // Every 7th substance is an isomer of the one before it, every 11th (else) a salt.
    let isomerOf = k > 0 && k % 7 == 0 ? k - 1 : nil
    let saltOf = isomerOf == nil && k > 1 && k % 11 == 0 ? k - 2 : nil
    return SubstanceInfo(
      id: "sub-\(k)", name: name, aliases: ["SB-\(k)", "\(word)ine hydrochloride"], isomerOf: isomerOf, saltOf: saltOf)
  }

  static let consonants = Array("bdfgklmnprstvz")
  static let vowels = Array("aeiou")

  /// A pronounceable word, unique per `n` (a bijective numeral in syllables of two letters),
  /// capitalised.
  static func word(_ n: Int, seed: UInt64) -> String {
    let syllables = consonants.count * vowels.count
    let shift = Int(seed % UInt64(syllables))
    var value = n + 1
    var letters: [Character] = []
    while value > 0 {
      value -= 1
      let digit = (value % syllables + shift) % syllables
      letters.append(consonants[digit / vowels.count])
      letters.append(vowels[digit % vowels.count])
      value /= syllables
    }
    // A short word gets a lone consonant: syllables alone always make an even length.
    if letters.count < 4 { letters.append("n") }
    var text = String(letters)
    text = text.prefix(1).uppercased() + text.dropFirst()
    return text
  }

  static func tld(_ n: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return String([letters[(n / 26) % 26], letters[n % 26]])
  }
}

// MARK: - Support

struct YAMLWriter {
  var text = ""
  init() { text.reserveCapacity(4096) }
  mutating func line(_ s: String) {
    text += s
    text += "\n"
  }
}

/// SplitMix64: small, fast, and the same on every platform (the generator, the question bench
/// and the loader's mutation tests all draw from it).
package struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  package init(seed: UInt64) { state = seed }
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
  mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

final class ResultBox: Sendable {
  private let storage: Mutex<[GeneratedFile?]>
  init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }
  func set(_ i: Int, _ f: GeneratedFile) { storage.withLock { $0[i] = f } }
  var values: [GeneratedFile] { storage.withLock { $0.map { $0! } } }
}

extension String {
  fileprivate var replacingHyphens: String { String(map { $0 == "-" ? " " : $0 }) }
}
