import PsyregCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the files psyreg makes (reports and exports), never a rule file and never through
/// a link: the text goes to a new file created exclusively beside the target, which is then
/// renamed over it. A rename replaces the directory entry, so a symbolic link planted at the
/// target is replaced, not followed, and a hard link's other names keep their old content.
enum OutputFile {
  struct WriteError: Error {
    var reason: String
  }

  /// The device and inode of each file, for `write(_:to:protecting:)`.
  static func identities(_ paths: [String]) -> Set<[UInt64]> {
    Set(paths.compactMap { identity($0, following: true) })
  }

  /// Writes `text` to `path`. Refuses a path that is, or leads to, one of `protected` (the
  /// rule files read, by device and inode, so no link or second name gets past).
  static func write(_ text: String, to path: String, protecting protected: Set<[UInt64]> = []) -> Result<
    Void, WriteError
  > {
    write(bytes: Array(text.utf8), to: path, protecting: protected)
  }

  /// `write(_:to:protecting:)` for bytes.
  static func write(bytes: [UInt8], to path: String, protecting protected: Set<[UInt64]> = []) -> Result<
    Void, WriteError
  > {
    if let target = identity(path, following: true), protected.contains(target) {
      return .failure(WriteError(reason: "it is (a link to) a rule file; psyreg never writes the rules it reads"))
    }
    var existing = stat()
    if lstat(path, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFDIR {
      return .failure(WriteError(reason: "is a directory"))
    }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array((folder + "." + name + ".psyreg-XXXXXX").utf8CString)
    // mkstemp creates the file exclusively (O_CREAT | O_EXCL): never an existing file or link.
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return .failure(WriteError(reason: errnoReason())) }
    let temporary = String(cString: template)
    var closed = false
    defer {
      if !closed { close(fd) }
    }
    func fail(_ reason: String) -> Result<Void, WriteError> {
      unlink(temporary)
      return .failure(WriteError(reason: reason))
    }
    fchmod(fd, 0o644)
    var bytes = bytes
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        return fail(errnoReason())
      }
      offset += written
    }
    closed = true
    // A full disk may only show when the data is flushed.
    if close(fd) != 0 { return fail(errnoReason()) }
    if rename(temporary, path) != 0 { return fail(errnoReason()) }
    return .success(())
  }

  static func makeDirectory(_ path: String, mode: mode_t = 0o755) -> Bool {
    mkdir(path, mode) == 0 || errno == EEXIST
  }

  /// Device and inode of a path (of the link itself unless `following`).
  static func identity(_ path: String, following: Bool) -> [UInt64]? {
    var info = stat()
    let found = following ? stat(path, &info) : lstat(path, &info)
    guard found == 0 else { return nil }
    return [UInt64(info.st_dev), UInt64(info.st_ino)]
  }

  static func errnoReason() -> String { FileSystem.errnoReason() }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
