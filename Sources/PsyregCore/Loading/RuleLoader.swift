import Dispatch
import PsyregYAML
import Synchronization

/// Finds, reads and decodes rule files, in parallel, and checks them across files.
///
/// Loading never stops at the first problem: every file is read and every diagnostic
/// collected. Files are only ever opened for reading.
public struct RuleLoader: Sendable {
  package var reader: YAMLReader
  /// False decodes the files one after another on the calling thread (the server reloads so,
  /// on a low-priority thread, leaving the other cores to requests).
  package var concurrent = true
  /// True records the SHA-256 of each file's bytes as they are read (`Output.digests`), so that
  /// a `RuleSetIdentity` names the very bytes that were decoded, without reading them again.
  public var recordsDigests = false
  /// False skips the checks across files: for a part of a rule set whose whole has been
  /// checked (`RuleBook.loadPart`), where a reference to a file left out is not an error.
  package var checksAcrossFiles = true

  /// A loader with the reader's default limits.
  public init() {
    self.reader = YAMLReader()
  }

  package init(reader: YAMLReader) {
    self.reader = reader
  }

  /// What loading found: the decoded rules (those that could be decoded) and every diagnostic.
  public struct Output: Sendable {
    /// The rules decoded from the files; incomplete when there are errors.
    public var rules: RuleSet
    /// Every problem found, in no particular order (`sortedByPosition()` orders them).
    public var diagnostics: [Diagnostic]
    /// Per file of `rules.files`, the SHA-256 (hex) of the bytes decoded; nil for a file that
    /// could not be read, and for every file unless `recordsDigests`.
    public var digests: [String?] = []
  }

  /// Loads files and folders (searched recursively for `*.yaml` and `*.yml`).
  public func load(paths: [String]) -> Output {
    var diagnostics: [Diagnostic] = []
    var files: [String] = []
    for path in paths {
      switch FileSystem.kind(of: path) {
      case .directory:
        let walk = FileSystem.walk(path)
        if walk.files.isEmpty && walk.outside.isEmpty { diagnostics.append(.noRules(in: path)) }
        files += walk.files
        diagnostics += walk.outside.map { Diagnostic.linkOutside($0.path, target: $0.target, folder: $0.isFolder) }
      case .file:
        files.append(path)
      case .missing(let reason):
        diagnostics.append(.unreadable(path, reason: reason))
      }
    }
    var seen: Set<String> = []
    files = files.filter { seen.insert($0).inserted }
    var output = load(files: files)
    output.diagnostics = diagnostics + output.diagnostics
    return output
  }

  /// Loads the given files, each decoded on its own thread.
  public func load(files: [String]) -> Output {
    loadInParallel(files) { loadFile(files[$0]) }
  }

  /// Loads rule files given as text, by path: for tests and for rule sets that are not on disk.
  public func load(sources: [(path: String, text: String)]) -> Output {
    loadInParallel(sources.map(\.path)) { decodeRecording(Array(sources[$0].text.utf8), file: sources[$0].path) }
  }

  /// Decodes file `i` of `paths` with `decodeFile(i)` on all cores, then checks them together.
  private func loadInParallel(_ paths: [String], _ decodeFile: @Sendable (Int) -> FileResult) -> Output {
    let results = ConcurrentResults<FileResult>(count: paths.count)
    if concurrent {
      DispatchQueue.concurrentPerform(iterations: paths.count) { results.set($0, decodeFile($0)) }
    } else {
      for i in paths.indices { results.set(i, decodeFile(i)) }
    }
    return combine(files: paths, results.values())
  }

  struct FileResult: Sendable {
    var substances: [Substance] = []
    var jurisdictions: [Jurisdiction] = []
    var cases: [ExpectationCase] = []
    var diagnostics: [Diagnostic] = []
    var digest: String?
  }

  func loadFile(_ path: String) -> FileResult {
    switch FileSystem.read(path) {
    case .success(let bytes): return decodeRecording(bytes, file: path)
    case .failure(let error): return FileResult(diagnostics: [.unreadable(path, reason: error.reason)])
    }
  }

  /// `decode`, with the bytes' digest when `recordsDigests`.
  func decodeRecording(_ bytes: [UInt8], file: String) -> FileResult {
    var result = decode(bytes, file: file)
    if recordsDigests { result.digest = SHA256.hex(bytes) }
    return result
  }

  func decode(_ bytes: [UInt8], file: String) -> FileResult {
    let read = reader.read(bytes)
    var issues = ProblemList()
    for issue in read.issues { issues.append(Diagnostic(issue, in: file)) }
    var result = FileResult(diagnostics: issues.items)
    if issues.suppressed > 0 {
      result.diagnostics.append(.tooManyProblems(left: issues.suppressed, limit: ProblemList.limit, in: file))
    }
    guard let root = read.root else { return result }
    var decoder = RuleFileDecoder(file: file)
    decoder.decode(root)
    result.substances = decoder.substances
    result.jurisdictions = decoder.jurisdictions
    result.cases = decoder.cases
    result.diagnostics += decoder.diagnostics
    return result
  }

  func combine(files: [String], _ results: [FileResult]) -> Output {
    var rules = RuleSet()
    rules.files = files
    var diagnostics: [Diagnostic] = []
    for result in results {
      rules.substances += result.substances
      rules.jurisdictions += result.jurisdictions
      rules.cases += result.cases
      diagnostics += result.diagnostics
    }
    if checksAcrossFiles { diagnostics += RuleSetValidator(rules).check() }
    return Output(rules: rules, diagnostics: diagnostics, digests: results.map(\.digest))
  }
}

/// Results written by index from concurrent workers, behind a `Mutex` (whose storage, unlike
/// a `pthread_mutex_t` kept inline in a Swift class, has a stable address).
final class ConcurrentResults<T: Sendable>: Sendable {
  private let storage: Mutex<[T?]>

  init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

  func set(_ index: Int, _ value: T) {
    storage.withLock { $0[index] = value }
  }

  /// Every result; each index must have been set.
  func values() -> [T] { storage.withLock { $0.map { $0! } } }
}
