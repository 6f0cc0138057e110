/// Names the exact rule files a report was made from, so that a published report can be
/// traced to the data behind it.
///
/// The identifier is the SHA-256 of a manifest in `sha256sum`'s format: one line
/// `<sha256 of the file's bytes>  <path relative to the rules folder>\n` per file, sorted by
/// path (bytewise). It can be recomputed with standard tools (see docs/reports.md):
///
///     cd Rules && find . -type f \( -name '*.yaml' -o -name '*.yml' \) -not -path '*/.*' \
///       | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum
public struct RuleSetIdentity: Sendable, Hashable {
  /// 64 lower-case hex digits.
  public var sha256: String
  /// How many files the manifest lists.
  public var fileCount: Int

  /// An identity from a known digest; `compute(_:)` derives one from the files.
  public init(sha256: String, fileCount: Int) {
    self.sha256 = sha256
    self.fileCount = fileCount
  }

  /// The first 12 hex digits, for headers and file names.
  public var short: String { String(sha256.prefix(12)) }

  /// The identity of files given with their bytes; `path` is relative to the rules folder.
  public static func compute(_ files: [(path: String, bytes: [UInt8])]) -> RuleSetIdentity {
    RuleSetIdentity(digests: files.map { ($0.path, SHA256.hex($0.bytes)) })
  }

  /// The identity of files given with their SHA-256 (hex); `path` is relative to the rules folder.
  public init(digests files: [(path: String, sha256: String)]) {
    let sorted = files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    var manifest = SHA256()
    for file in sorted {
      manifest.update(Array("\(file.sha256)  \(file.path)\n".utf8))
    }
    self.init(sha256: manifest.finalizeHex(), fileCount: files.count)
  }

  /// `Rules/substances/mdma.yaml` relative to `Rules` is `substances/mdma.yaml`.
  static func relative(_ path: String, to root: String) -> String {
    var root = root
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    if root == "." || root.isEmpty {
      var path = path
      while path.hasPrefix("./") { path.removeFirst(2) }
      return path
    }
    if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
    return path
  }
}
