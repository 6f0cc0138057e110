extension QuestionIndex {
  /// Compiles the index: interns ids, entries, schedules, adoptions and statuses; then, per
  /// (layer, substance) whose answers depend on data (an entry or initial status for the
  /// substance or its lineage, in the layer or a layer it adopts, however deep), evaluates the
  /// layer's answer for every activity on every day it can change and keeps the days it does.
  /// Every other substance answers from its layer's default slot (the adopted layers' defaults,
  /// the `unlisted` baseline), which no substance changes.
  struct Builder {
    /// One interned history: the entries for one substance (or, for amendments, one schedule)
    /// in one layer, as in `RuleBook.History`.
    struct History {
      var initial: Int32 = -1
      /// Entry indices sorted by day; entries of one day keep their order in the file.
      var entries: [Int32] = []
      var setting: [[Int32]] = Array(repeating: [], count: QuestionIndex.activityCount)
      var listings: [Int32] = []
    }

    /// Histories by key (`key(id, layer)`), in open addressing on the 64-bit key as in
    /// `SlotTable`: compiling looks histories up millions of times, and a `Dictionary` hashes
    /// every key with SipHash.
    struct HistoryTable {
      private var index = SlotTable(capacity: 16)
      private(set) var keys: [UInt64] = []
      private(set) var values: [History] = []

      subscript(key: UInt64) -> History? {
        guard let i = index.find(key: key) else { return nil }
        return values[Int(i)]
      }

      /// The history of `key`, `value` added first when there is none (as `Dictionary`'s).
      subscript(key: UInt64, default value: @autoclosure () -> History) -> History {
        get { self[key] ?? value() }
        _modify {
          let i = position(key, adding: value)
          yield &values[i]
        }
      }

      private mutating func position(_ key: UInt64, adding value: () -> History) -> Int {
        if let i = index.find(key: key) { return Int(i) }
        keys.append(key)
        values.append(value())
        index.insert(key: key, value: Int32(values.count - 1))
        return values.count - 1
      }

      mutating func update(_ transform: (History) -> History) { values = values.map(transform) }
    }

    struct Listing {
      var entry: Int32
      var substance: Int32
      var since: Int32
      var adoption: Int32
    }

    struct AdoptionRef {
      var from: Int32
      var index: Int32
      var layer: Int32
    }

    var substances: [Substance]
    var jurisdictions: [Jurisdiction]
    var substanceIndex: [String: Int32] = [:]
    var jurisdictionIndex: [String: Int32] = [:]
    var lineages: [[Int32]] = []
    var chains: [[Int32]] = []
    var chainBinding: [[Bool]] = []

    var entryLayer: [Int32] = []
    var entryPosition: [Int32] = []
    var entryDay: [Int32] = []
    /// Per entry and activity (entry × 6 + activity): the ruling's verdict and whether it has conditions.
    var entryVerdict: [Verdict?] = []
    var entryConditions: [Bool] = []
    var entrySchedule: [Int32] = []
    var entryStatus: [Int32] = []
    var entryEndsListing: [Bool] = []
    var entrySetsNone: [Bool] = []

    var schedules: [Schedule] = []
    var scheduleLabel: [Int32] = []
    var scheduleNames: [String: Int32] = [:]
    /// (schedule name, layer) → the layer's first schedule of that id.
    var scheduleOf: [UInt64: Int32] = [:]
    var adoptions: [Adoption] = []
    var layerAdoptions: [[AdoptionRef]] = []
    var initials: [InitialStatus] = []
    var unlisted: [Int32] = []
    var statuses: [String] = []
    var dates: [Int32: CivilDate] = [:]
    var statusIndex: [String: Int32] = [:]

    var histories = HistoryTable()
    var amendments = HistoryTable()
    /// Per layer: the substances with a history there.
    var historySubstances: [[Int32]] = []
    /// Per layer: the days of its class-wide entries and adoptions.
    var layerDays: [[Int32]] = []

    /// What compiling makes: the interned records and every slot's change points.
    var points = Points()

    let layerChains: [String: [String]]
    let lineageIDs: [String: [String]]

    init(substances: [String: Substance], jurisdictions: [String: Jurisdiction], layerChains: [String: [String]]) {
      self.substances = substances.values.sorted { $0.id < $1.id }
      self.jurisdictions = jurisdictions.values.sorted { $0.id < $1.id }
      self.layerChains = layerChains
      self.lineageIDs = RuleBook.chains(substances.mapValues(\.inheritsFrom))
    }

    static func key(_ a: Int32, _ b: Int32) -> UInt64 { SlotTable.key(a, b) }

    mutating func intern(status: String?) -> Int32 {
      guard let status else { return -1 }
      if let index = statusIndex[status] { return index }
      let index = Int32(statuses.count)
      statuses.append(status)
      statusIndex[status] = index
      return index
    }

    mutating func intern(scheduleName: String) -> Int32 {
      if let index = scheduleNames[scheduleName] { return index }
      let index = Int32(scheduleNames.count)
      scheduleNames[scheduleName] = index
      return index
    }

    mutating func build() {
      for (i, s) in substances.enumerated() { substanceIndex[s.id] = Int32(i) }
      for (i, j) in jurisdictions.enumerated() { jurisdictionIndex[j.id] = Int32(i) }
      lineages = substances.map { s in (lineageIDs[s.id] ?? [s.id]).compactMap { substanceIndex[$0] } }
      for j in jurisdictions {
        let chain = (layerChains[j.id] ?? []).compactMap { jurisdictionIndex[$0] }
        chains.append(chain)
        chainBinding.append(
          chain.map {
            let layer = jurisdictions[Int($0)]; return layer.kind.bindsPeople || layer.id == j.id
          })
      }
      internLayers()
      compile()
    }

    mutating func internLayers() {
      let count = Activity.allCases.count
      historySubstances = Array(repeating: [], count: jurisdictions.count)
      layerDays = Array(repeating: [], count: jurisdictions.count)
      for (l, layer) in jurisdictions.enumerated() {
        let L = Int32(l)
        for schedule in layer.schedules {
          let name = intern(scheduleName: schedule.id)
          let index = Int32(schedules.count)
          schedules.append(schedule)
          scheduleLabel.append(intern(status: schedule.label))
          if scheduleOf[Self.key(name, L)] == nil { scheduleOf[Self.key(name, L)] = index }
        }
        var refs: [AdoptionRef] = []
        for adoption in layer.adoptions {
          refs.append(
            AdoptionRef(
              from: QuestionIndex.day(adoption.from), index: Int32(adoptions.count),
              layer: jurisdictionIndex[adoption.layer] ?? -1))
          adoptions.append(adoption)
          layerDays[l].append(QuestionIndex.day(adoption.from))
          dates[QuestionIndex.day(adoption.from)] = adoption.from
        }
        layerAdoptions.append(refs)
        if let status = layer.unlisted {
          _ = intern(status: status.status)
          unlisted.append(Int32(initials.count))
          initials.append(status)
        } else {
          unlisted.append(-1)
        }
        for (substance, status) in layer.initial {
          guard let s = substanceIndex[substance] else { continue }
          let index = Int32(initials.count)
          initials.append(status)
          _ = intern(status: status.status)
          histories[Self.key(s, L), default: History()].initial = index
        }
        for (position, entry) in layer.timeline.enumerated() {
          let e = Int32(entryLayer.count)
          entryLayer.append(L)
          entryPosition.append(Int32(position))
          entryDay.append(QuestionIndex.day(entry.date))
          dates[QuestionIndex.day(entry.date)] = entry.date
          for activity in Activity.allCases {
            let ruling = entry.verdicts.ruling(for: activity)
            entryVerdict.append(ruling?.verdict)
            entryConditions.append(!(ruling?.conditions.isEmpty ?? true))
          }
          entrySchedule.append(entry.schedule.map { intern(scheduleName: $0) } ?? -1)
          entryStatus.append(intern(status: entry.status))
          entryEndsListing.append(entry.endsListing)
          entrySetsNone.append(entry.verdicts.isEmpty)
          for substance in entry.substances {
            guard let s = substanceIndex[substance] else { continue }
            histories[Self.key(s, L), default: History()].entries.append(e)
          }
          for schedule in entry.schedules {
            amendments[Self.key(intern(scheduleName: schedule), L), default: History()].entries.append(e)
          }
          if entry.isClassWide { layerDays[l].append(QuestionIndex.day(entry.date)) }
        }
      }
      // Read through locals: a nested function capturing `self` would copy the builder (and the
      // dictionary being updated) on every call.
      let (entryDay, entryVerdict, entrySchedule, entryEndsListing) =
        (self.entryDay, self.entryVerdict, self.entrySchedule, self.entryEndsListing)
      func indexed(_ history: History) -> History {
        var history = history
        // Sorted by day, stable: entries were appended in file order.
        history.entries = history.entries.enumerated().sorted {
          let (a, b) = (entryDay[Int($0.element)], entryDay[Int($1.element)])
          return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        for e in history.entries {
          for a in 0..<count where entryVerdict[Int(e) * count + a] != nil { history.setting[a].append(e) }
          if entrySchedule[Int(e)] >= 0 || entryEndsListing[Int(e)] { history.listings.append(e) }
        }
        return history
      }
      histories.update(indexed)
      amendments.update(indexed)
      for key in histories.keys {
        // Keys are (substance, layer).
        historySubstances[Int(UInt32(truncatingIfNeeded: key))].append(Int32(truncatingIfNeeded: key >> 32))
      }
      // In substance order, so that compiling does not depend on the dictionary's order.
      for l in historySubstances.indices { historySubstances[l].sort() }
      for l in layerDays.indices { layerDays[l].sort() }
    }

    // MARK: Which entry governs, on interned data (mirrors RuleBook.resolve)

    func last(_ entries: [Int32], onOrBefore day: Int32) -> Int32? {
      var low = 0
      var high = entries.count
      while low < high {
        let mid = (low + high) / 2
        if entryDay[Int(entries[mid])] <= day { low = mid + 1 } else { high = mid }
      }
      return low == 0 ? nil : entries[low - 1]
    }

    func adoption(_ layer: Int32, _ day: Int32) -> AdoptionRef? {
      layerAdoptions[Int(layer)].last { $0.from <= day }
    }

    func lineage(_ substance: Int32) -> [Int32] { substance < 0 ? [] : lineages[Int(substance)] }

    /// The listing's schedule name, unless the entry ended the listing.
    func schedule(_ listing: Listing) -> Int32 {
      entryEndsListing[Int(listing.entry)] ? -1 : entrySchedule[Int(listing.entry)]
    }

    func listing(_ substance: Int32, _ layer: Int32, _ day: Int32, depth: Int) -> Listing? {
      guard layer >= 0 else { return nil }
      var found: Listing?
      for id in lineage(substance) {
        if let history = histories[Self.key(id, layer)], let e = last(history.listings, onOrBefore: day) {
          found = Listing(entry: e, substance: id, since: entryDay[Int(e)], adoption: -1)
          break
        }
      }
      if depth < RuleBook.adoptionDepthLimit, let adoption = adoption(layer, day),
        let adopted = listing(substance, adoption.layer, day, depth: depth + 1), schedule(adopted) >= 0
      {
        let since = max(adopted.since, adoption.from)
        if found.map({ $0.since < since }) ?? true {
          found = Listing(entry: adopted.entry, substance: adopted.substance, since: since, adoption: adoption.index)
        }
      }
      return found
    }

    func scheduleAnswer(
      _ listing: Listing, _ substance: Int32, _ layer: Int32, _ a: Int, _ activity: Activity, _ day: Int32
    )
      -> Record?
    {
      let name = schedule(listing)
      guard name >= 0, let s = scheduleOf[Self.key(name, layer)],
        let ruling = schedules[Int(s)].verdicts.ruling(for: activity)
      else { return nil }
      var record = Record(
        verdict: ruling.verdict, origin: .schedule, activity: activity, hasConditions: !ruling.conditions.isEmpty,
        rulingKind: .schedule, ruling: s, governingKind: .entry, governing: listing.entry, since: listing.since,
        status: -1, schedule: s, amendment: -1, adoption: listing.adoption, inheritedFrom: -1)
      let listingLabel =
        listing.adoption < 0 && entrySetsNone[Int(listing.entry)] ? entryStatus[Int(listing.entry)] : -1
      record.status = listingLabel >= 0 ? listingLabel : scheduleLabel[Int(s)]
      let count = QuestionIndex.activityCount
      if let history = amendments[Self.key(name, layer)], let e = last(history.setting[a], onOrBefore: day) {
        record.verdict = entryVerdict[Int(e) * count + a]!
        record.hasConditions = entryConditions[Int(e) * count + a]
        record.rulingKind = .entry
        record.ruling = e
        record.status = entryStatus[Int(e)] >= 0 ? entryStatus[Int(e)] : scheduleLabel[Int(s)]
        record.amendment = e
        if entryDay[Int(e)] >= record.since {
          record.governing = e
          record.since = entryDay[Int(e)]
        }
      }
      if listing.substance != substance {
        record.origin = .inherited
        record.inheritedFrom = listing.substance
      }
      return record
    }

    /// One record (or none) per activity, in `Activity.allCases` order, held inline: resolving
    /// makes one per candidate day, and an array would be an allocation each time.
    struct PerActivity {
      private var r0, r1, r2, r3, r4, r5: Record?

      subscript(a: Int) -> Record? {
        get {
          switch a {
          case 0: r0
          case 1: r1
          case 2: r2
          case 3: r3
          case 4: r4
          default: r5
          }
        }
        set {
          switch a {
          case 0: r0 = newValue
          case 1: r1 = newValue
          case 2: r2 = newValue
          case 3: r3 = newValue
          case 4: r4 = newValue
          default: r5 = newValue
          }
        }
      }
    }

    /// Which rule governs in a layer on a day, for every activity at once (mirrors
    /// `RuleBook.resolve`): the lineage's histories, the listing and the adopted layer are
    /// looked up once, not once per activity.
    func resolve(_ substance: Int32, _ layer: Int32, _ day: Int32, depth: Int) -> PerActivity {
      var result = PerActivity()
      guard layer >= 0 else { return result }
      let count = QuestionIndex.activityCount
      let activities = QuestionIndex.activities
      let lineage = lineage(substance)
      // Per activity, the first of the lineage whose history sets it by the day.
      var own = PerActivity()
      var owned = 0
      for id in lineage where owned < count {
        guard let history = histories[Self.key(id, layer)] else { continue }
        for a in 0..<count where own[a] == nil {
          guard let e = last(history.setting[a], onOrBefore: day) else { continue }
          let name = entrySchedule[Int(e)]
          let s = name >= 0 ? scheduleOf[Self.key(name, layer)] ?? -1 : -1
          let status = entryStatus[Int(e)] >= 0 ? entryStatus[Int(e)] : (s >= 0 ? scheduleLabel[Int(s)] : -1)
          own[a] = Record(
            verdict: entryVerdict[Int(e) * count + a]!, origin: id == substance ? .own : .inherited,
            activity: activities[a], hasConditions: entryConditions[Int(e) * count + a], rulingKind: .entry, ruling: e,
            governingKind: .entry, governing: e, since: entryDay[Int(e)], status: status, schedule: s, amendment: -1,
            adoption: -1, inheritedFrom: id == substance ? -1 : id)
          owned += 1
        }
      }
      let listing = listing(substance, layer, day, depth: depth)
      // The activities still without an answer, as bits (no array made per call).
      var open = 0
      for a in 0..<count {
        if let listing, let scheduled = scheduleAnswer(listing, substance, layer, a, activities[a], day),
          own[a].map({ $0.since < scheduled.since }) ?? true
        {
          result[a] = scheduled
        } else if let record = own[a] {
          result[a] = record
        } else {
          open |= 1 << a
        }
      }
      guard open != 0 else { return result }
      if depth < RuleBook.adoptionDepthLimit, let adoption = adoption(layer, day) {
        let adopted = resolve(substance, adoption.layer, day, depth: depth + 1)
        for a in 0..<count where open & (1 << a) != 0 {
          guard var record = adopted[a] else { continue }
          record.origin = .adopted
          record.adoption = adoption.index
          record.since = max(record.since, adoption.from)
          result[a] = record
          open &= ~(1 << a)
        }
      }
      for a in 0..<count where open & (1 << a) != 0 {
        let activity = activities[a]
        var found = false
        for id in lineage {
          if let initial = histories[Self.key(id, layer)]?.initial, initial >= 0,
            let ruling = initials[Int(initial)].verdicts.ruling(for: activity)
          {
            result[a] = Record(
              verdict: ruling.verdict, origin: .initial, activity: activity, hasConditions: !ruling.conditions.isEmpty,
              rulingKind: .initial, ruling: initial, governingKind: .initial, governing: initial, since: .min,
              status: statusIndex[initials[Int(initial)].status]!, schedule: -1, amendment: -1, adoption: -1,
              inheritedFrom: id == substance ? -1 : id)
            found = true
            break
          }
        }
        if found { continue }
        let u = unlisted[Int(layer)]
        if listing.map({ schedule($0) < 0 }) ?? true, u >= 0,
          let ruling = initials[Int(u)].verdicts.ruling(for: activity)
        {
          result[a] = Record(
            verdict: ruling.verdict, origin: .initial, activity: activity, hasConditions: !ruling.conditions.isEmpty,
            rulingKind: .initial, ruling: u, governingKind: .initial, governing: u, since: .min,
            status: statusIndex[initials[Int(u)].status]!, schedule: -1, amendment: -1, adoption: -1,
            inheritedFrom: -1)
        }
      }
      return result
    }

    // MARK: Compiling the change points

    /// The layer and every layer it adopts, however deep (cycles cut).
    func closure(_ layer: Int32) -> [Int32] {
      var seen: Set<Int32> = [layer]
      var order = [layer]
      var i = 0
      while i < order.count {
        for adoption in layerAdoptions[Int(order[i])] where adoption.layer >= 0 && seen.insert(adoption.layer).inserted
        {
          order.append(adoption.layer)
        }
        i += 1
      }
      return order
    }

    /// One change point before interning: from `day` on, the answer is `record`.
    struct Change: Sendable {
      var day: Int32
      var record: Record
    }

    /// A layer's slots before interning: its default slot's changes and, per substance whose
    /// answers depend on data, its own (each per activity).
    struct LayerPlan: Sendable {
      var defaults: [[Change]]
      var slots: [(substance: Int32, changes: [[Change]])] = []
    }

    /// The records, interned, and the slots' change points, in the order they are added.
    struct Points: Sendable {
      var records: [Record] = []
      /// Open addressing over `records` (an index, or -1): 4 bytes a slot where a
      /// `[Record: Int32]` took about 64 a record, and a large book interns hundreds of thousands.
      var recordTable = [Int32](repeating: -1, count: 1024)
      var slots = SlotTable(capacity: 16)
      var defaultSlot: [Int32] = []
      var pointStart: [Int32] = [0]
      var pointDays: [Int32] = []
      var pointRecords: [Int32] = []
      var slotCount: Int32 = 0

      mutating func intern(_ record: Record) -> Int32 {
        if records.count * 2 >= recordTable.count { growRecordTable() }
        let mask = recordTable.count - 1
        var slot = Int(truncatingIfNeeded: record.mixedHash) & mask
        while true {
          let found = recordTable[slot]
          if found < 0 { break }
          if records[Int(found)] == record { return found }
          slot = (slot + 1) & mask
        }
        let index = Int32(records.count)
        records.append(record)
        recordTable[slot] = index
        return index
      }

      /// Doubles the table (a power of two, at most half full) and places every record again.
      mutating func growRecordTable() {
        recordTable = [Int32](repeating: -1, count: recordTable.count * 2)
        let mask = recordTable.count - 1
        for (index, record) in records.enumerated() {
          var slot = Int(truncatingIfNeeded: record.mixedHash) & mask
          while recordTable[slot] >= 0 { slot = (slot + 1) & mask }
          recordTable[slot] = Int32(index)
        }
      }

      /// Adds one slot's change points (per activity); returns the slot.
      mutating func add(_ changes: [[Change]]) -> Int32 {
        for list in changes {
          for change in list {
            pointDays.append(change.day)
            pointRecords.append(intern(change.record))
          }
          pointStart.append(Int32(pointDays.count))
        }
        defer { slotCount += 1 }
        return slotCount
      }
    }

    /// One slot's changes: per activity, the answer before the first candidate day and at each
    /// candidate day where it changes.
    func changes(substance: Int32, layer: Int32, days: [Int32]) -> [[Change]] {
      let activities = QuestionIndex.activities
      let first = resolve(substance, layer, days.first.map { $0 &- 1 } ?? 0, depth: 0)
      var previous = (0..<activities.count).map { first[$0] ?? .none(activities[$0]) }
      var lists = previous.map { [Change(day: .min, record: $0)] }
      for day in days {
        let now = resolve(substance, layer, day, depth: 0)
        for a in activities.indices {
          // Kept only when it changes: most days change nothing for most activities.
          let record = now[a] ?? .none(activities[a])
          if record != previous[a] {
            lists[a].append(Change(day: day, record: record))
            previous[a] = record
          }
        }
      }
      return lists
    }

    /// A layer's slots: its default, and every substance with data in the layer or a layer it
    /// adopts (or whose lineage has), in substance order.
    func plan(layer: Int32, descendants: [[Int32]]) -> LayerPlan {
      let closure = closure(layer)
      var shared: [Int32] = []
      for m in closure { shared += layerDays[Int(m)] }
      var plan = LayerPlan(defaults: changes(substance: -1, layer: layer, days: Array(Set(shared)).sorted()))
      var marked: Set<Int32> = []
      var relevant: [Int32] = []
      for m in closure {
        for id in historySubstances[Int(m)] {
          for s in descendants[Int(id)] where marked.insert(s).inserted { relevant.append(s) }
        }
      }
      relevant.sort()
      for s in relevant {
        var days = shared
        for id in lineages[Int(s)] {
          for m in closure {
            if let history = histories[Self.key(id, m)] { days += history.entries.map { entryDay[Int($0)] } }
          }
        }
        plan.slots.append((s, changes(substance: s, layer: layer, days: Array(Set(days)).sorted())))
      }
      return plan
    }

    /// Plans the layers on all cores, a batch at a time (so that plans never pile up), and
    /// adds their points in layer order: the tables are the ones a single thread would make.
    mutating func compile() {
      var reached: [[Int32]] = Array(repeating: [], count: substances.count)
      for (s, lineage) in lineages.enumerated() {
        for id in lineage { reached[Int(id)].append(Int32(s)) }
      }
      let descendants = reached
      // Moved out, so that the copy the workers read shares none of the arrays appended to.
      var points = self.points
      self.points = Points()
      let reader = self
      let count = jurisdictions.count
      let batch = Parallel.cores * 16
      var start = 0
      while start < count {
        let end = min(start + batch, count)
        let first = start
        let plans = Parallel.map(end - start, worthThreads: count > 8) {
          reader.plan(layer: Int32(first + $0), descendants: descendants)
        }
        for (offset, plan) in plans.enumerated() {
          points.defaultSlot.append(points.add(plan.defaults))
          for (substance, changes) in plan.slots {
            points.slots.insert(layer: Int32(first + offset), substance: substance, slot: points.add(changes))
          }
        }
        start = end
      }
      self.points = points
    }
  }
}
