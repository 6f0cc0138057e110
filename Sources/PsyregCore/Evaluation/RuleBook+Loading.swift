/// Rules read, checked and compiled: what every command and library user starts from.
public struct LoadedRules: Sendable {
  /// The compiled rule book, ready for questions.
  public var book: RuleBook
  /// The warnings the rules carry (a book is never made from rules with errors).
  public var warnings: [Diagnostic]
  /// Every rule file that was read, in load order.
  public var files: [String]
  /// Per file, the SHA-256 of the bytes decoded, when the loader `recordsDigests`.
  public var digests: [String?] = []

  /// The identity of exactly the bytes that were loaded (files named relative to `root`, the
  /// rules folder); nil unless the loader recorded every file's digest.
  public func identity(root: String) -> RuleSetIdentity? {
    guard digests.count == files.count else { return nil }
    var named: [(path: String, sha256: String)] = []
    for (file, digest) in zip(files, digests) {
      guard let digest else { return nil }
      named.append((RuleSetIdentity.relative(file, to: root), digest))
    }
    return RuleSetIdentity(digests: named)
  }
}

/// The rules could not be compiled: they have errors (all diagnostics are kept, warnings too).
public struct RuleLoadError: Error, CustomStringConvertible {
  /// Every diagnostic the rules produced, errors and warnings.
  public var diagnostics: [Diagnostic]
  /// Every rule file that was read.
  public var files: [String]

  /// The errors only, one per line, in file order.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error }.sortedByPosition() }

  /// The errors in the `path:line:column: error: message [code]` form.
  public var description: String { errors.map(\.formatted).joined(separator: "\n") }
}

extension RuleBook {
  /// Reads the rule files and folders at `paths`, checks them and compiles them: the one way
  /// in for the command line and for library users. Throws when any file has an error.
  public static func load(paths: [String], loader: RuleLoader = RuleLoader()) throws(RuleLoadError) -> LoadedRules {
    try compile(loader.load(paths: paths))
  }

  /// The same for rule files given as text by path (tests, rules from a git revision).
  public static func load(
    sources: [(path: String, text: String)], loader: RuleLoader = RuleLoader()
  ) throws(RuleLoadError) -> LoadedRules {
    try compile(loader.load(sources: sources))
  }

  /// Compiles some files of a rule set whose whole loaded without errors, without the checks
  /// across files (the files an outline says a question reads); nil when a file no longer
  /// decodes without errors.
  package static func loadPart(files: [String]) -> RuleBook? {
    var loader = RuleLoader()
    loader.checksAcrossFiles = false
    // Small files are quicker on one thread; from about 100 KB, decoding on all cores pays
    // for starting the threads (400 KB: 11 ms on one core, 6 on two).
    let bytes = files.reduce(Int64(0)) { $0 + (FileSystem.stamp($1)?.size ?? 0) }
    loader.concurrent = files.count > 8 || bytes > 100_000
    let output = loader.load(files: files)
    return output.diagnostics.hasErrors ? nil : RuleBook(output.rules)
  }

  private static func compile(_ output: RuleLoader.Output) throws(RuleLoadError) -> LoadedRules {
    if output.diagnostics.hasErrors {
      throw RuleLoadError(diagnostics: output.diagnostics, files: output.rules.files)
    }
    return LoadedRules(
      book: RuleBook(output.rules), warnings: output.diagnostics, files: output.rules.files, digests: output.digests)
  }
}
