/// What a question needs to know of a whole rule set without loading it: every substance's and
/// jurisdiction's names, file and links (lineage, parent, adopted layers), the files in load
/// order and the days the rules record a change (for the review note).
///
/// A cold `psyreg ask` keeps an outline of rules it has loaded (see `AskCache` in the `psyreg`
/// target): while no rule file has changed, it resolves the names from the outline and loads
/// only the files the answer reads (`files(substance:jurisdiction:)`), which gives the answer
/// the whole set would give. An outline is only ever made from rules that loaded without errors.
package struct RuleSetOutline: Sendable, Equatable {
  /// A substance or jurisdiction: its id, the keys its id, name and aliases normalise to
  /// (`NameIndex.normalize`, done once when the outline is made), the index of its file in
  /// `files` and the ids it reads (a substance: what it is an isomer or salt of; a
  /// jurisdiction: its parent and the layers it adopts).
  package struct Entry: Sendable, Equatable {
    package var id: String
    package var keys: [String]
    package var file: Int
    package var links: [String]

    package init(id: String, names: [String], file: Int, links: [String]) {
      var keys: [String] = []
      for name in [id] + names where !keys.contains(NameIndex.normalize(name)) {
        keys.append(NameIndex.normalize(name))
      }
      self.init(id: id, keys: keys, file: file, links: links)
    }

    package init(id: String, keys: [String], file: Int, links: [String]) {
      self.id = id
      self.keys = keys
      self.file = file
      self.links = links
    }
  }

  /// Every rule file, in load order.
  package var files: [String]
  /// Sorted by id.
  package var substances: [Entry]
  /// Sorted by id.
  package var jurisdictions: [Entry]
  /// `RuleBook.changeDays`.
  package var changeDays: [CivilDate]

  package init(files: [String], substances: [Entry], jurisdictions: [Entry], changeDays: [CivilDate]) {
    self.files = files
    self.substances = substances
    self.jurisdictions = jurisdictions
    self.changeDays = changeDays
  }

  /// The outline of a compiled book; nil when one of its substances or jurisdictions does not
  /// come from one of the book's files.
  package init?(_ book: RuleBook) {
    var fileIndex: [String: Int] = [:]
    for (index, file) in book.files.enumerated() where fileIndex[file] == nil { fileIndex[file] = index }
    var substances: [Entry] = []
    for s in book.sortedSubstances {
      guard let file = fileIndex[s.origin.file] else { return nil }
      substances.append(
        Entry(id: s.id, names: [s.name] + s.aliases, file: file, links: s.inheritsFrom.map { [$0] } ?? []))
    }
    var jurisdictions: [Entry] = []
    for j in book.sortedJurisdictions {
      guard let file = fileIndex[j.origin.file] else { return nil }
      let links = (j.parent.map { [$0] } ?? []) + j.adoptions.map(\.layer)
      jurisdictions.append(Entry(id: j.id, names: [j.name] + j.aliases, file: file, links: links))
    }
    self.init(files: book.files, substances: substances, jurisdictions: jurisdictions, changeDays: book.changeDays)
  }

  /// The substance ids a name may mean, as `RuleBook.substanceNames.resolve` gives them.
  package func substances(named name: String) -> [String] { Self.ids(named: name, in: substances) }

  /// The jurisdiction ids a name may mean, as `RuleBook.jurisdictionNames.resolve` gives them.
  package func jurisdictions(named name: String) -> [String] { Self.ids(named: name, in: jurisdictions) }

  private static func ids(named name: String, in entries: [Entry]) -> [String] {
    let key = NameIndex.normalize(name)
    return entries.filter { $0.keys.contains(key) }.map(\.id)
  }

  /// The files an answer about a substance in a jurisdiction reads, in load order: the
  /// substance's and its lineage's, the jurisdiction's and every layer it reaches through
  /// parents and adoption (however deep). Nil when either id is not in the outline.
  package func files(substance: String, jurisdiction: String) -> [String]? {
    guard let lineage = reach(substance, in: substances), let layers = reach(jurisdiction, in: jurisdictions)
    else { return nil }
    return Set(lineage + layers).sorted().map { files[$0] }
  }

  /// The files of `id` and of every entry reached from it through `links`.
  private func reach(_ id: String, in entries: [Entry]) -> [Int]? {
    guard let first = entry(id, in: entries) else { return nil }
    var seen: Set<String> = [id]
    var pending = [first]
    var found: [Int] = []
    while let next = pending.popLast() {
      found.append(next.file)
      for link in next.links where seen.insert(link).inserted {
        if let linked = entry(link, in: entries) { pending.append(linked) }
      }
    }
    return found
  }

  private func entry(_ id: String, in entries: [Entry]) -> Entry? {
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if entries[mid].id < id { low = mid + 1 } else { high = mid }
    }
    return low < entries.count && entries[low].id == id ? entries[low] : nil
  }
}

// MARK: - Bytes

extension RuleSetOutline {
  /// The outline as bytes for `init(decoding:)`.
  package func encoded(into writer: inout ByteWriter) {
    writer.strings(files)
    for entries in [substances, jurisdictions] {
      writer.integer(entries.count)
      for entry in entries {
        writer.string(entry.id)
        writer.strings(entry.keys)
        writer.integer(entry.file)
        writer.strings(entry.links)
      }
    }
    writer.integer(changeDays.count)
    for day in changeDays {
      writer.integer(day.year)
      writer.integer(day.month)
      writer.integer(day.day)
    }
  }

  /// Reads what `encoded(into:)` wrote; throws on anything else (a truncated or foreign file),
  /// and checks what questions rely on: entries sorted by id, file indexes in range.
  package init(decoding reader: inout ByteReader) throws(ByteReader.Malformed) {
    let files = try reader.strings()
    var lists: [[Entry]] = []
    for _ in 0..<2 {
      var entries: [Entry] = []
      for _ in 0..<(try reader.count()) {
        let entry = Entry(
          id: try reader.string(), keys: try reader.strings(), file: try reader.integer(), links: try reader.strings())
        guard files.indices.contains(entry.file), entries.last.map({ $0.id < entry.id }) ?? true else {
          throw ByteReader.Malformed()
        }
        entries.append(entry)
      }
      lists.append(entries)
    }
    var days: [CivilDate] = []
    for _ in 0..<(try reader.count()) {
      guard
        let day = CivilDate(
          year: try reader.integer(), month: try reader.integer(), day: try reader.integer())
      else { throw ByteReader.Malformed() }
      days.append(day)
    }
    self.init(files: files, substances: lists[0], jurisdictions: lists[1], changeDays: days)
  }
}

/// Appends integers (LEB128) and strings (length, then UTF-8) to a byte array.
package struct ByteWriter {
  package private(set) var bytes: [UInt8] = []

  package init() {}

  package mutating func integer(_ value: Int) {
    // Zig-zag, so that a negative value (never written today) stays short and decodes back.
    var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  package mutating func string(_ text: String) {
    integer(text.utf8.count)
    bytes += text.utf8
  }

  package mutating func strings(_ texts: [String]) {
    integer(texts.count)
    for text in texts { string(text) }
  }
}

/// Reads what a `ByteWriter` wrote, never past the end: a malformed input throws.
package struct ByteReader {
  /// The bytes end early, or hold something `ByteWriter` never writes.
  package struct Malformed: Error {
    package init() {}
  }

  private let bytes: [UInt8]
  private var offset = 0

  package init(_ bytes: [UInt8]) { self.bytes = bytes }

  package var isAtEnd: Bool { offset == bytes.count }

  package mutating func integer() throws(Malformed) -> Int {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw Malformed() }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    let decoded = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    return Int(decoded)
  }

  /// A count of things that follow, each at least a byte long: never more than what is left.
  package mutating func count() throws(Malformed) -> Int {
    let count = try integer()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    return count
  }

  package mutating func string() throws(Malformed) -> String {
    let length = try count()
    defer { offset += length }
    return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
  }

  package mutating func strings() throws(Malformed) -> [String] {
    var texts: [String] = []
    for _ in 0..<(try count()) { texts.append(try string()) }
    return texts
  }
}
