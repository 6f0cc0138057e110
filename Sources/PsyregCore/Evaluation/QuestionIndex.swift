/// A substance interned by a rule book: an index into the book's substances, for questions
/// asked many times (`RuleBook.substanceID(_:)`). Valid only with the book that made it.
public struct SubstanceID: Sendable, Hashable {
  let raw: Int32
}

/// A jurisdiction interned by a rule book (`RuleBook.jurisdictionID(_:)`). Valid only with the
/// book that made it.
public struct JurisdictionID: Sendable, Hashable {
  let raw: Int32
}

/// The rule book compiled for questions: ids interned to indices and, per (layer, substance,
/// activity), the days on which the layer's answer changes with the answer from each day on,
/// so that a question is a table lookup and a binary search per layer.
///
/// Compiled by `QuestionIndex.Builder`, which follows "Which entry governs" in
/// docs/rule-format.md (own entry, schedule and its class-wide amendments, adoption, isomer and
/// salt lineage, `initial`, `unlisted`) on interned data, at every day an answer can change; the
/// reference evaluator (`RuleBook.resolve`) is the oracle the differential tests compare it with.
///
/// The hot path reads raw buffers copied from the tables once (`Hot`), so a question takes no
/// reference counting; they are written only in `init` and freed in `deinit`, hence
/// `@unchecked Sendable`.
final class QuestionIndex: @unchecked Sendable {
  /// What a layer answers over one stretch of days: everything a `LayerAnswer` holds, as
  /// indices into the tables below.
  struct Record: Equatable, Sendable {
    enum RuleKind: UInt8, Sendable { case none, entry, schedule, initial }
    var verdict: Verdict
    var origin: AnswerOrigin
    var activity: Activity
    /// The ruling conditions are not empty (facts may change the verdict).
    var hasConditions: Bool
    /// Where the ruling is read (for `activity`): an entry, a schedule or an initial status.
    var rulingKind: RuleKind
    var ruling: Int32
    /// The governing rule: an entry or an initial status.
    var governingKind: RuleKind
    var governing: Int32
    /// Day number, or `Int32.min` for none.
    var since: Int32
    /// Index into `statuses`, or -1.
    var status: Int32
    /// Index into `schedules`, or -1.
    var schedule: Int32
    /// Entry index of the class-wide amendment, or -1.
    var amendment: Int32
    /// Index into `adoptions`, or -1.
    var adoption: Int32
    /// Substance index, or -1.
    var inheritedFrom: Int32

    /// A cheap, well-mixed hash of every field for the builder's intern table (the compile
    /// interns hundreds of thousands of records; `Hasher` costs several times more).
    var mixedHash: UInt64 {
      func bits(_ x: Int32) -> UInt64 { UInt64(UInt32(bitPattern: x)) }
      func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let m = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 29)
      }
      var h =
        UInt64(QuestionIndex.bit(verdict)) | UInt64(QuestionIndex.activityIndex(activity)) << 8
        | UInt64(rulingKind.rawValue) << 16 | UInt64(governingKind.rawValue) << 24 | (hasConditions ? 1 << 32 : 0)
        | bits(ruling) << 33
      h = mix(h, bits(governing) | bits(since) << 32)
      h = mix(h, bits(status) | bits(schedule) << 32)
      h = mix(h, bits(amendment) | bits(adoption) << 32)
      h = mix(h, bits(inheritedFrom) | UInt64(Self.originBits(origin)) << 32)
      return h ^ (h >> 32)
    }

    private static func originBits(_ origin: AnswerOrigin) -> UInt8 {
      switch origin {
      case .own: 0
      case .schedule: 1
      case .adopted: 2
      case .inherited: 3
      case .initial: 4
      case .none: 5
      }
    }

    /// No rule covers the question.
    static func none(_ activity: Activity) -> Record {
      Record(
        verdict: .unknown, origin: .none, activity: activity, hasConditions: false, rulingKind: .none, ruling: -1,
        governingKind: .none, governing: -1, since: .min, status: -1, schedule: -1, amendment: -1, adoption: -1,
        inheritedFrom: -1)
    }
  }

  let substances: [Substance]
  let jurisdictions: [Jurisdiction]
  let substanceIndex: [String: Int32]
  let jurisdictionIndex: [String: Int32]
  /// Per jurisdiction j, its layers are `chainLayers[chainStart[j]..<chainStart[j + 1]]`: itself
  /// first, then its parents (as `RuleBook.layers(of:)`).
  let chainStart: [Int32]
  let chainLayers: [Int32]
  /// Per layer of a chain: whether the layer binds people in the chain's jurisdiction.
  let chainBinding: [Bool]

  /// Every timeline entry: its layer and position in the layer's timeline.
  let entryLayer: [Int32]
  let entryPosition: [Int32]
  let schedules: [Schedule]
  let adoptions: [Adoption]
  let initials: [InitialStatus]
  let statuses: [String]
  /// The dates of entries and adoptions by key (`day(_:)`): what a record's `since` stands for.
  let dates: [Int32: CivilDate]
  let records: [Record]
  /// Per record, its verdict (the hot path reads only this).
  let recordVerdicts: [Verdict]

  /// The tables the hot path reads, as raw buffers. The change points live only here (the
  /// builder's arrays are moved into them one by one, so that no two copies are held long):
  /// (layer, substance) → timeline slot (`slotKeys`, `slotValues`), a missing pair using its
  /// layer's `defaultSlot`; per slot and activity (slot × 6 + activity) the range of its points,
  /// `pointStart[i]..<pointStart[i + 1]`; the first day of each point (the first point of a
  /// range is `Int32.min`) and its record.
  struct Hot {
    var chainStart: UnsafeMutableBufferPointer<Int32>
    var chainLayers: UnsafeMutableBufferPointer<Int32>
    var chainBinding: UnsafeMutableBufferPointer<Bool>
    var recordVerdicts: UnsafeMutableBufferPointer<Verdict>
    var slotKeys: UnsafeMutableBufferPointer<UInt64>
    var slotValues: UnsafeMutableBufferPointer<Int32>
    var slotShift: UInt64
    var defaultSlot: UnsafeMutableBufferPointer<Int32>
    var pointStart: UnsafeMutableBufferPointer<Int32>
    var pointDays: UnsafeMutableBufferPointer<Int32>
    var pointRecords: UnsafeMutableBufferPointer<Int32>

    /// A raw copy of `array`, which is emptied (its memory freed unless shared).
    static func move<T>(_ array: inout [T]) -> UnsafeMutableBufferPointer<T> {
      defer { array = [] }
      return copy(array)
    }

    static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
      _ = buffer.initialize(from: array)
      return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }

    func free() {
      for b in [chainStart, chainLayers, defaultSlot, pointStart, pointDays, pointRecords, slotValues] {
        b.deallocate()
      }
      chainBinding.deallocate()
      recordVerdicts.deallocate()
      slotKeys.deallocate()
    }
  }
  let hot: Hot

  deinit { hot.free() }

  /// Names and aliases as written (exact bytes) that stand for one id, with its index: asking by
  /// such a name is one lookup.
  let substanceByName: [ExactText: Int32]
  let jurisdictionByName: [ExactText: Int32]

  init(
    substances: [String: Substance], jurisdictions: [String: Jurisdiction], layerChains: [String: [String]],
    substanceNames: NameIndex, jurisdictionNames: NameIndex
  ) {
    var builder = Builder(substances: substances, jurisdictions: jurisdictions, layerChains: layerChains)
    builder.build()
    self.substances = builder.substances
    self.jurisdictions = builder.jurisdictions
    self.substanceIndex = builder.substanceIndex
    self.jurisdictionIndex = builder.jurisdictionIndex
    self.chainStart = builder.chains.reduce(into: [Int32(0)]) { $0.append($0.last! + Int32($1.count)) }
    self.chainLayers = builder.chains.flatMap { $0 }
    self.chainBinding = builder.chainBinding.flatMap { $0 }
    self.entryLayer = builder.entryLayer
    self.entryPosition = builder.entryPosition
    self.schedules = builder.schedules
    self.adoptions = builder.adoptions
    self.initials = builder.initials
    self.statuses = builder.statuses
    self.dates = builder.dates
    var substanceByName: [ExactText: Int32] = [:]
    for (name, id) in substanceNames.uniqueNames {
      if let index = builder.substanceIndex[id] { substanceByName[ExactText(name)] = index }
    }
    var jurisdictionByName: [ExactText: Int32] = [:]
    for (name, id) in jurisdictionNames.uniqueNames {
      if let index = builder.jurisdictionIndex[id] { jurisdictionByName[ExactText(name)] = index }
    }
    self.substanceByName = substanceByName
    self.jurisdictionByName = jurisdictionByName
    builder.points.recordTable = []
    self.records = builder.points.records
    self.recordVerdicts = builder.points.records.map(\.verdict)
    let slotKeys = Hot.copy(builder.points.slots.keys)
    let slotValues = Hot.copy(builder.points.slots.values)
    let slotShift = builder.points.slots.shift
    builder.points.slots = SlotTable(capacity: 0)
    hot = Hot(
      chainStart: Hot.copy(chainStart), chainLayers: Hot.copy(chainLayers), chainBinding: Hot.copy(chainBinding),
      recordVerdicts: Hot.copy(recordVerdicts), slotKeys: slotKeys, slotValues: slotValues, slotShift: slotShift,
      defaultSlot: Hot.move(&builder.points.defaultSlot), pointStart: Hot.move(&builder.points.pointStart),
      pointDays: Hot.move(&builder.points.pointDays), pointRecords: Hot.move(&builder.points.pointRecords))
  }

  // MARK: The hot path

  static let activityCount = Activity.allCases.count
  /// `Activity.allCases`, made once (`allCases` makes a new array each time it is read).
  static let activities = Activity.allCases

  @inline(__always)
  static func activityIndex(_ activity: Activity) -> Int {
    switch activity {
    case .possession: 0
    case .supply: 1
    case .medical: 2
    case .research: 3
    case .supervisedUse: 4
    case .religious: 5
    }
  }

  /// A date as an order-preserving key: year × 512 + month × 32 + day (years clamped far
  /// beyond any rule's), so that comparing keys compares dates and no calendar arithmetic is done.
  @inline(__always)
  static func day(_ date: CivilDate) -> Int32 {
    let year = Int32(truncatingIfNeeded: max(-1_000_000, min(1_000_000, date.year)))
    return year &* 512 &+ Int32(truncatingIfNeeded: date.month) &* 32 &+ Int32(truncatingIfNeeded: date.day)
  }

  /// The record a layer answers with for a substance, an activity and a day.
  @inline(__always)
  func record(layer: Int32, substance: Int32, activity: Int, day: Int32) -> Int32 {
    let hot = self.hot
    // (layer, substance) → slot, open addressing; a pair without data uses the layer's default slot.
    let key = SlotTable.key(layer, substance)
    let mask = hot.slotKeys.count &- 1
    var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> hot.slotShift)
    var slot = hot.defaultSlot[Int(layer)]
    while true {
      let k = hot.slotKeys[i]
      if k == key {
        slot = hot.slotValues[i]
        break
      }
      if k == .max { break }
      i = (i &+ 1) & mask
    }
    let range = Int(slot) &* Self.activityCount &+ activity
    var low = Int(hot.pointStart[range]) &+ 1
    var high = Int(hot.pointStart[range &+ 1])
    // The last point whose first day is on or before `day`; the range's first point starts at Int32.min.
    while low < high {
      let mid = (low &+ high) >> 1
      if hot.pointDays[mid] <= day { low = mid &+ 1 } else { high = mid }
    }
    return hot.pointRecords[low &- 1]
  }

  /// Any prohibition governs; else any unknown makes the whole unknown; else the strictest.
  /// Also whether the known verdicts disagree.
  @inline(__always)
  static func fold(_ seen: UInt8) -> (verdict: Verdict, conflict: Bool) {
    // Bits: allowed 1, conditional 2, decriminalized 4, prohibited 8, unknown 16.
    let known = seen & 0x0F
    let conflict = known & (known &- 1) != 0
    if seen & 8 != 0 { return (.prohibited, conflict) }
    if seen == 0 || seen & 16 != 0 { return (.unknown, conflict) }
    if seen & 4 != 0 { return (.decriminalized, conflict) }
    if seen & 2 != 0 { return (.conditional, conflict) }
    return (.allowed, conflict)
  }

  @inline(__always)
  static func bit(_ verdict: Verdict) -> UInt8 {
    switch verdict {
    case .allowed: 1
    case .conditional: 2
    case .decriminalized: 4
    case .prohibited: 8
    case .unknown: 16
    }
  }

  /// One layer's own verdict, without facts: what the reference evaluator's `resolve` rules.
  func layerVerdict(layer: Int32, substance: Int32, activity: Activity, day: Int32) -> Verdict {
    recordVerdicts[Int(record(layer: layer, substance: substance, activity: Self.activityIndex(activity), day: day))]
  }

  /// The combined verdict of the binding layers without facts, with each binding layer's own
  /// verdict in chain order (nearest first) written to `layers`: the band of a report, one day.
  func bindingVerdicts(
    substance: Int32, jurisdiction: Int32, activity: Activity, day: Int32, layers: inout [Verdict]
  ) -> (verdict: Verdict, conflict: Bool) {
    let a = Self.activityIndex(activity)
    layers.removeAll(keepingCapacity: true)
    var seen: UInt8 = 0
    for i in Int(chainStart[Int(jurisdiction)])..<Int(chainStart[Int(jurisdiction) + 1]) where chainBinding[i] {
      let verdict = recordVerdicts[Int(record(layer: chainLayers[i], substance: substance, activity: a, day: day))]
      layers.append(verdict)
      seen |= Self.bit(verdict)
    }
    return Self.fold(seen)
  }

  /// The combined verdict of the binding layers, without facts.
  func verdict(substance: Int32, jurisdiction: Int32, activity: Activity, day: Int32) -> Verdict {
    let a = Self.activityIndex(activity)
    let hot = self.hot
    var seen: UInt8 = 0
    var i = Int(hot.chainStart[Int(jurisdiction)])
    let end = Int(hot.chainStart[Int(jurisdiction) &+ 1])
    while i < end {
      if hot.chainBinding[i] {
        let r = record(layer: hot.chainLayers[i], substance: substance, activity: a, day: day)
        seen |= Self.bit(hot.recordVerdicts[Int(r)])
      }
      i &+= 1
    }
    return Self.fold(seen).verdict
  }

  /// A full answer: per layer of the chain its record, and the verdicts combined.
  func answer(substance: Int32, jurisdiction: Int32, activity: Activity, date: CivilDate, facts: Facts) -> Answer {
    let day = Self.day(date)
    let a = Self.activityIndex(activity)
    let hot = self.hot
    let start = Int(hot.chainStart[Int(jurisdiction)])
    let end = Int(hot.chainStart[Int(jurisdiction) &+ 1])
    var records = LayerRecords(count: end &- start)
    var seen: UInt8 = 0
    let plain = facts.isEmpty
    var i = start
    while i < end {
      let r = record(layer: hot.chainLayers[i], substance: substance, activity: a, day: day)
      records[i &- start] = r
      if hot.chainBinding[i] { seen |= Self.bit(plain ? hot.recordVerdicts[Int(r)] : factVerdict(r, facts: facts)) }
      i &+= 1
    }
    let (verdict, conflict) = Self.fold(seen)
    return Answer(
      index: self, substanceRef: substance, jurisdictionRef: jurisdiction, activity: activity, date: date,
      facts: facts, records: records, verdict: verdict, conflict: conflict)
  }

  // MARK: Reading records back

  func entry(_ index: Int32) -> TimelineEntry {
    jurisdictions[Int(entryLayer[Int(index)])].timeline[Int(entryPosition[Int(index)])]
  }

  func ruling(_ record: Record) -> Ruling? {
    switch record.rulingKind {
    case .none: nil
    case .entry: entry(record.ruling).verdicts.ruling(for: record.activity)
    case .schedule: schedules[Int(record.ruling)].verdicts.ruling(for: record.activity)
    case .initial: initials[Int(record.ruling)].verdicts.ruling(for: record.activity)
    }
  }

  func governing(_ record: Record) -> GoverningRule? {
    switch record.governingKind {
    case .none, .schedule: nil
    case .entry: .entry(entry(record.governing))
    case .initial: .initial(initials[Int(record.governing)])
    }
  }

  /// A layer's answer as `LayerAnswer`, with the facts applied as the reference evaluator applies them.
  func layerAnswer(layer: Int32, record index: Int32, facts: Facts, binding: Bool) -> LayerAnswer {
    let record = records[Int(index)]
    let ruling = ruling(record)
    var answer = LayerAnswer(
      jurisdiction: jurisdictions[Int(layer)], verdict: ruling?.verdict ?? .unknown,
      conditions: ruling?.conditions ?? [], unmet: [], ruledVerdict: ruling?.verdict ?? .unknown,
      status: record.status < 0 ? nil : statuses[Int(record.status)], origin: record.origin,
      governing: governing(record), since: record.since == .min ? nil : dates[record.since],
      schedule: record.schedule < 0 ? nil : schedules[Int(record.schedule)],
      amendment: record.amendment < 0 ? nil : entry(record.amendment),
      adoption: record.adoption < 0 ? nil : adoptions[Int(record.adoption)],
      inheritedFrom: record.inheritedFrom < 0 ? nil : substances[Int(record.inheritedFrom)].id, binding: binding)
    guard let ruling, !ruling.conditions.isEmpty, !facts.isEmpty else { return answer }
    var residual: [Condition] = []
    for condition in ruling.conditions {
      switch condition.check(facts) {
      case .met: break
      case .undecided: residual.append(condition)
      case .unmet(let reason): answer.unmet.append(reason)
      }
    }
    answer.conditions = residual
    if !answer.unmet.isEmpty { answer.verdict = .prohibited }
    return answer
  }

  /// The verdict a layer answers with once the facts are applied: `prohibited` when they fail a
  /// condition of its ruling.
  func factVerdict(_ index: Int32, facts: Facts) -> Verdict {
    let record = records[Int(index)]
    guard record.hasConditions, !facts.isEmpty, let ruling = ruling(record) else { return record.verdict }
    for condition in ruling.conditions {
      if case .unmet = condition.check(facts) { return .prohibited }
    }
    return record.verdict
  }
}

/// (layer, substance) → slot, open addressing on 64-bit keys.
struct SlotTable: Sendable {
  private(set) var keys: [UInt64]
  private(set) var values: [Int32]
  private(set) var shift: UInt64
  private(set) var count = 0

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = Array(repeating: .max, count: size)
    values = Array(repeating: -1, count: size)
    shift = UInt64(64 - size.trailingZeroBitCount)
  }

  @inline(__always)
  static func key(_ layer: Int32, _ substance: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: layer)) << 32 | UInt64(UInt32(bitPattern: substance))
  }

  @inline(__always)
  func find(layer: Int32, substance: Int32) -> Int32? { find(key: Self.key(layer, substance)) }

  /// The value stored for a 64-bit key (any key but `UInt64.max`).
  @inline(__always)
  func find(key: UInt64) -> Int32? {
    keys.withUnsafeBufferPointer { keys in
      let mask = keys.count &- 1
      var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
      while true {
        let k = keys[i]
        if k == key { return values.withUnsafeBufferPointer { $0[i] } }
        if k == .max { return nil }
        i = (i &+ 1) & mask
      }
    }
  }

  mutating func insert(layer: Int32, substance: Int32, slot: Int32) {
    insert(key: Self.key(layer, substance), value: slot)
  }

  mutating func insert(key: UInt64, value slot: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    let mask = keys.count - 1
    var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    while keys[i] != .max && keys[i] != key { i = (i + 1) & mask }
    if keys[i] == .max { count += 1 }
    keys[i] = key
    values[i] = slot
  }

  private mutating func grow() {
    let old = zip(keys, values).filter { $0.0 != .max }
    self = SlotTable(capacity: keys.count)
    for (key, value) in old { insert(key: key, value: value) }
  }
}
