/// Resolves what people type ("Oregon", "ecstasy", "Østfold") to ids: case-, accent- and
/// punctuation-insensitively.
public struct NameIndex: Sendable {
  private var ids: [String: [String]] = [:]
  /// Every name, as written, for suggestions.
  public private(set) var names: [String] = []
  private var known: Set<String> = []

  /// An empty index.
  public init() {}

  /// Makes an id and the given names resolve to the id; a name added for two ids is ambiguous.
  public mutating func add(id: String, names: [String]) {
    for name in [id] + names {
      let key = Self.normalize(name)
      if !ids[key, default: []].contains(id) { ids[key, default: []].append(id) }
      if known.insert(name).inserted { self.names.append(name) }
    }
  }

  /// The ids a name may mean: one for a clear name, several when it is ambiguous.
  public func resolve(_ name: String) -> [String] { ids[Self.normalize(name)] ?? [] }

  /// Known names close to a name that resolves to nothing.
  public func suggestions(for name: String, limit: Int = 3) -> [String] {
    let key = Self.normalize(name)
    var candidates: [String: String] = [:]
    for written in names { candidates[Self.normalize(written)] = candidates[Self.normalize(written)] ?? written }
    let near = nearestNames(key, in: Array(candidates.keys), limit: candidates.count)
    let prefixed = candidates.keys.filter { $0.hasPrefix(key) && !key.isEmpty }.sorted()
    // One suggestion per id: "psilocibin" is near both "psilocybin" and its alias "psilocybine".
    var result: [String] = []
    var seen: Set<String> = []
    for k in near + prefixed where result.count < limit {
      let meant = ids[k] ?? []
      if meant.allSatisfy(seen.contains) { continue }
      seen.formUnion(meant)
      result.append(candidates[k]!)
    }
    return result
  }

  /// Lower case, accents and ligatures folded; spaces, hyphens, dots, underscores and apostrophes dropped.
  public static func normalize(_ name: String) -> String {
    var out = ""
    for scalar in name.lowercased().decomposedScalars() {
      switch scalar.value {
      case 0x300...0x36F: continue  // combining marks
      case 0x20, 0x2D, 0x5F, 0x2E, 0x2019, 0x27: continue
      default: break
      }
      switch scalar {
      case "ø": out += "o"
      case "æ": out += "ae"
      case "œ": out += "oe"
      case "ß": out += "ss"
      case "đ", "ð": out += "d"
      case "ł": out += "l"
      case "þ": out += "th"
      case "ı": out += "i"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension String {
  /// Canonical decomposition (NFD) without Foundation: enough for Latin letters with accents.
  func decomposedScalars() -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    for scalar in unicodeScalars {
      if let base = latinBase[scalar] {
        result.append(base)
        result.append(Unicode.Scalar(0x301)!)  // stands for "some accent": it is dropped anyway
      } else {
        result.append(scalar)
      }
    }
    return result
  }
}

/// Base letters of the precomposed Latin letters in Latin-1 Supplement and Latin Extended-A.
private let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
  var map: [Unicode.Scalar: Unicode.Scalar] = [:]
  let groups: [(String, Character)] = [
    ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀ", "l"), ("ñńņňŉ", "n"), ("òóôõöōŏő", "o"),
    ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
  ]
  for (letters, base) in groups {
    for letter in letters { map[letter.unicodeScalars.first!] = base.unicodeScalars.first! }
  }
  return map
}()

extension NameIndex {
  /// Ids, names and aliases of the substances.
  static func substances(_ substances: [Substance]) -> NameIndex {
    var index = NameIndex()
    for s in substances { index.add(id: s.id, names: [s.name] + s.aliases) }
    return index
  }

  /// Ids, names and aliases of the jurisdictions.
  static func jurisdictions(_ jurisdictions: [Jurisdiction]) -> NameIndex {
    var index = NameIndex()
    for j in jurisdictions { index.add(id: j.id, names: [j.name] + j.aliases) }
    return index
  }
}
