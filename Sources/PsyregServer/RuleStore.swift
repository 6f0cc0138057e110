import Dispatch
import Foundation
import PsyregCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// One compiled rule set, never changed once made: every request reads one snapshot and
/// answers wholly from it.
public final class RuleSnapshot: Sendable {
  /// The compiled rules.
  public let book: RuleBook
  /// The exact files the book was compiled from (SHA-256 of their manifest).
  public let identity: RuleSetIdentity
  /// When the rules were compiled.
  public let loadedAt: Date
  /// 1 for the rules the server started with, then one more per rule set swapped in.
  public let generation: Int
  /// The warnings the rules carry.
  public let warnings: [Diagnostic]
  /// Rendered responses for this rule set, by request key (bounded; gone with the snapshot).
  let cache = ResponseCache(limit: 4096)

  init(book: RuleBook, identity: RuleSetIdentity, loadedAt: Date, generation: Int, warnings: [Diagnostic]) {
    self.book = book
    self.identity = identity
    self.loadedAt = loadedAt
    self.generation = generation
    self.warnings = warnings
  }
}

/// A bounded map from a request key to a finished body; emptied when full (cheap, and a new
/// rule set starts with an empty one anyway).
final class ResponseCache: Sendable {
  struct Entry: Sendable {
    var status: Int
    var contentType: String
    var body: [UInt8]
  }
  private let entries = Mutex<[String: Entry]>([:])
  let limit: Int

  init(limit: Int) { self.limit = limit }

  func get(_ key: String) -> Entry? { entries.withLock { $0[key] } }

  func put(_ key: String, _ entry: Entry) {
    entries.withLock {
      if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
      $0[key] = entry
    }
  }
}

/// A rule set that could not be swapped in: when, which files, and why.
public struct ReloadProblem: Sendable {
  /// When the reload was tried.
  public var at: Date
  /// The errors, in `path:line:column: error: message [code]` form, or a reading error.
  public var errors: [String]
}

/// What a reload did.
public enum ReloadOutcome: Sendable, Equatable {
  /// Nothing changed on disk since the last look.
  case unchanged
  /// New rules were compiled and swapped in; the generation they got.
  case swapped(generation: Int)
  /// The rules on disk have errors (or changed while being read): the last good rules stay.
  case rejected
}

/// The rules the server answers from: the folder it was given, the last good snapshot, and
/// what went wrong with newer files. The snapshot is swapped atomically (under a mutex, a
/// reference to an immutable value), so a request that took one never sees another.
public final class RuleStore: Sendable {
  /// The rules folder (or file) the server was given: the only place it reads.
  public let root: String

  struct State: Sendable {
    var snapshot: RuleSnapshot
    var fingerprint: [String: Stamp]
    var problem: ReloadProblem?
    var reloads = 0
    var rejected = 0
  }

  struct Stamp: Sendable, Equatable {
    var modified: TimeInterval
    var size: Int
  }

  private let state: Mutex<State>
  /// Serialises reloads (the watcher and an explicit reload never compile at once).
  private let reloading = Mutex<Void>(())

  /// Loads the rules at `root`; throws when they have errors (a server never starts on them).
  public init(root: String) throws(RuleLoadError) {
    self.root = root
    let before = Self.fingerprint(root)
    let loaded = try RuleBook.load(paths: [root], loader: Self.loader)
    let identity = Self.identity(loaded, root: root)
    let snapshot = RuleSnapshot(
      book: loaded.book, identity: identity, loadedAt: Date(), generation: 1, warnings: loaded.warnings)
    state = Mutex(State(snapshot: snapshot, fingerprint: before))
  }

  /// The current rules; take it once per request.
  public var snapshot: RuleSnapshot { state.withLock { $0.snapshot } }

  /// The last rule set that could not be swapped in, while the files on disk are still that one.
  public var problem: ReloadProblem? { state.withLock { $0.problem } }

  /// How many rule sets were swapped in and how many rejected since start.
  public var counts: (reloads: Int, rejected: Int) { state.withLock { ($0.reloads, $0.rejected) } }

  /// Reloads when any rule file was added, removed or changed (size or modification time).
  @discardableResult
  public func reloadIfChanged() -> ReloadOutcome {
    reloading.withLock { _ in
      let now = Self.fingerprint(root)
      if now == state.withLock({ $0.fingerprint }) { return .unchanged }
      return load(fingerprint: now)
    }
  }

  /// Reloads whatever the files' times say.
  @discardableResult
  public func reload() -> ReloadOutcome {
    reloading.withLock { _ in load(fingerprint: Self.fingerprint(root)) }
  }

  /// Reloads decode the files one by one (see `watch`): serving keeps the other cores.
  static let reloader: RuleLoader = {
    var loader = RuleStore.loader
    loader.concurrent = false
    return loader
  }()

  /// Records each file's digest as it reads it: the identity names the bytes served.
  static let loader: RuleLoader = {
    var loader = RuleLoader()
    loader.recordsDigests = true
    return loader
  }()

  private func load(fingerprint before: [String: Stamp]) -> ReloadOutcome {
    do {
      let loaded = try RuleBook.load(paths: [root], loader: Self.reloader)
      let identity = Self.identity(loaded, root: root)
      // Files that changed while they were read may not match the identity: try again later.
      guard Self.fingerprint(root) == before else { return .rejected }
      return state.withLock { s in
        let snapshot = RuleSnapshot(
          book: loaded.book, identity: identity, loadedAt: Date(), generation: s.snapshot.generation + 1,
          warnings: loaded.warnings)
        s.snapshot = snapshot
        s.fingerprint = before
        s.problem = nil
        s.reloads += 1
        return .swapped(generation: snapshot.generation)
      }
    } catch {
      let errors = error.errors.map(\.formatted)
      state.withLock { s in
        s.fingerprint = before
        s.problem = ReloadProblem(at: Date(), errors: errors.isEmpty ? ["the rules could not be read"] : errors)
        s.rejected += 1
      }
      return .rejected
    }
  }

  static func identity(_ loaded: LoadedRules, root: String) -> RuleSetIdentity {
    loaded.identity(root: root)
      ?? RuleSetIdentity(sha256: String(repeating: "0", count: 64), fileCount: loaded.files.count)
  }

  /// Every YAML file under the root with its size and modification time.
  static func fingerprint(_ root: String) -> [String: Stamp] {
    let fm = FileManager.default
    var result: [String: Stamp] = [:]
    func stamp(_ path: String) {
      guard let attributes = try? fm.attributesOfItem(atPath: path) else { return }
      let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
      result[path] = Stamp(modified: modified, size: size)
    }
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else { return [:] }
    if !isDirectory.boolValue {
      stamp(root)
      return result
    }
    stamp(root)
    guard let enumerator = fm.enumerator(atPath: root) else { return result }
    for case let relative as String in enumerator where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
      stamp(root + "/" + relative)
    }
    return result
  }

  /// Polls the files every `interval` until the task is cancelled, reloading on change: off
  /// the cooperative pool (compiling takes a while), on one thread whose priority is lowered
  /// (nice 5), so that requests go first while the new rules compile.
  public func watch(
    every interval: Duration = .seconds(1), onReload: @escaping @Sendable (ReloadOutcome) -> Void = { _ in }
  )
    async
  {
    while !Task.isCancelled {
      do { try await Task.sleep(for: interval) } catch { return }
      let outcome = await withCheckedContinuation { continuation in
        let thread = Thread {
          #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 5)  // this thread only, on Linux
          #endif
          continuation.resume(returning: self.reloadIfChanged())
        }
        thread.start()
      }
      if outcome != .unchanged { onReload(outcome) }
    }
  }
}
