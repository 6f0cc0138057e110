import Foundation
import PsyregCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The outline of a rules folder that `psyreg ask` loaded, kept in the user's cache folder
/// (`$XDG_CACHE_HOME/psyreg`, else `~/.cache/psyreg`; never beside the rules) so that the next
/// cold `ask` on the same, unchanged files resolves its names from it and loads only the files
/// the answer reads (`RuleSetOutline`).
///
/// "Unchanged" is what build tools and git's index mean by it: the same files in the same
/// order, each with the same device, inode, size, modification and status-change times; and
/// the same psyreg (its version and its executable's stamp). A file modified less than two
/// seconds before a store could still change within the same clock tick, so no outline is
/// stored then (git's "racily clean" entries). Anything unreadable or foreign in the cache is a
/// miss, never an error. `PSYREG_CACHE=off` (or `0`, `false`, `no`) turns it off;
/// `PSYREG_CACHE_TRACE=1` says on standard error what it did.
struct AskCache {
  /// The cache file for this rules folder.
  let path: String
  /// The psyreg that wrote it: an outline is only read by the same build.
  let key: String
  let trace: Bool

  /// Outlines kept at most: one per rules folder, the least recently stored removed first.
  static let limit = 32
  /// Files modified this recently (seconds) are not trusted to stay as stamped.
  static let settling: Int64 = 2
  private static let magic = Array("psyreg ask cache\n".utf8)

  /// The cache of a rules folder; nil when caching is off or there is no cache folder.
  init?(rulesFolder: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard !["off", "0", "false", "no"].contains(environment["PSYREG_CACHE"]?.lowercased() ?? ""),
      let root = FileSystem.realPath(rulesFolder),
      let folder = Self.folder(environment)
    else { return nil }
    // psyreg never writes into the rules it reads: not even a cache folder set inside them.
    guard !ReportPaths.isInside(folder, root) else { return nil }
    path = folder + "/ask-" + String(SHA256.hex(root).prefix(24)) + ".bin"
    // The running executable (Linux's /proc link, else Foundation's path for it): a rebuilt
    // psyreg never reads an outline an older build wrote.
    let executable = FileSystem.stamp("/proc/self/exe") ?? Bundle.main.executablePath.flatMap(FileSystem.stamp)
    key =
      "\(PsyregVersion.current) \(executable.map { "\($0.size) \($0.modified).\($0.modifiedNanoseconds) \($0.inode)" } ?? "-")"
    trace = environment["PSYREG_CACHE_TRACE"] == "1"
  }

  private static func folder(_ environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/psyreg" }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/psyreg" }
    return nil
  }

  /// The stored outline, if it was made from exactly the files `walk` found, unchanged.
  func outline(matching walk: FileSystem.Walk) -> RuleSetOutline? {
    guard walk.outside.isEmpty else {
      note("miss (links leave the rules folder)")
      return nil
    }
    guard case .success(let bytes) = FileSystem.read(path) else {
      note("miss (no outline stored)")
      return nil
    }
    do {
      guard bytes.starts(with: Self.magic) else { throw ByteReader.Malformed() }
      var reader = ByteReader(Array(bytes.dropFirst(Self.magic.count)))
      guard try reader.string() == key else {
        note("miss (written by another psyreg)")
        return nil
      }
      var stamps: [FileSystem.Stamp?] = []
      for _ in 0..<(try reader.count()) { stamps.append(try Self.stamp(&reader)) }
      let outline = try RuleSetOutline(decoding: &reader)
      guard reader.isAtEnd else { throw ByteReader.Malformed() }
      guard outline.files == walk.files, stamps == walk.stamps else {
        note("miss (the rule files changed)")
        return nil
      }
      note("hit")
      return outline
    } catch {
      note("miss (unreadable outline)")
      return nil
    }
  }

  /// Stores the outline of `book`, loaded from the files `walk` found (stamped before they
  /// were read: a file changed since carries a newer stamp, which the next lookup will see).
  func store(_ book: RuleBook, walk: FileSystem.Walk) {
    let newest = walk.stamps.map { $0?.modified ?? .max }.max() ?? 0
    guard walk.outside.isEmpty, book.files == walk.files, newest < Int64(time(nil)) - Self.settling,
      let outline = RuleSetOutline(book)
    else {
      note("not stored (files changed in the last \(Self.settling) s, or links leave the folder)")
      return
    }
    var writer = ByteWriter()
    writer.string(key)
    writer.integer(walk.stamps.count)
    for case let stamp? in walk.stamps {
      for value in [
        Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode), stamp.size, stamp.modified,
        stamp.modifiedNanoseconds, stamp.changed, stamp.changedNanoseconds,
      ] { writer.integer(Int(value)) }
    }
    outline.encoded(into: &writer)
    let folder = String(path[..<path.lastIndex(of: "/")!])
    guard ReportPaths.makeDirectories(folder, mode: 0o700),
      case .success = OutputFile.write(bytes: Self.magic + writer.bytes, to: path)
    else {
      note("not stored (cannot write \(path))")
      return
    }
    note("stored \(path)")
    Self.prune(folder)
  }

  private static func stamp(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> FileSystem.Stamp? {
    var values: [Int64] = []
    for _ in 0..<7 { values.append(Int64(try reader.integer())) }
    return FileSystem.Stamp(
      device: UInt64(bitPattern: values[0]), inode: UInt64(bitPattern: values[1]), size: values[2],
      modified: values[3], modifiedNanoseconds: values[4], changed: values[5], changedNanoseconds: values[6])
  }

  /// Keeps the `limit` most recently stored outlines.
  private static func prune(_ folder: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    let outlines = names.filter { $0.hasPrefix("ask-") && $0.hasSuffix(".bin") }.compactMap { name in
      FileSystem.stamp(folder + "/" + name).map { (name: name, modified: $0.modified) }
    }
    guard outlines.count > limit else { return }
    for old in outlines.sorted(by: { $0.modified > $1.modified }).dropFirst(limit) {
      unlink(folder + "/" + old.name)
    }
  }

  private func note(_ text: String) {
    if trace { Console.error("psyreg: cache: \(text)\n") }
  }
}
