/// Words longer than this get no suggestions (edit distance is quadratic in length).
let maxSuggestedLength = 128

/// The closest candidate by edit distance, if it is close enough to be a plausible typo.
func nearest(_ word: String, in candidates: [String]) -> String? {
  nearestNames(word, in: candidates, limit: 1).first
}

/// Up to `limit` candidates close to `word`, closest first.
func nearestNames(_ word: String, in candidates: [String], limit: Int) -> [String] {
  let target = Array(word.lowercased())
  // Nobody mistypes a name that long: skip the quadratic distance rather than stall on it.
  guard target.count <= maxSuggestedLength else { return [] }
  let threshold = max(2, target.count / 3)
  let scored = candidates.compactMap { candidate -> (String, Int)? in
    let other = Array(candidate.lowercased())
    // Lengths further apart than the threshold cannot be within it.
    guard abs(other.count - target.count) <= threshold else { return nil }
    return (candidate, editDistance(target, other))
  }
  return scored.filter { $0.1 <= threshold }
    .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    .prefix(limit).map(\.0)
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
