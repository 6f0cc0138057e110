#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Read-only file access on POSIX calls, so that errors carry their reason. (Writing is the
/// command line's business: see `OutputFile` in the `psyreg` target.)
package enum FileSystem {
  package enum Kind: Equatable {
    case file, directory
    case missing(String)
  }

  package struct ReadError: Error {
    package var reason: String
  }

  package static func errnoReason() -> String { String(cString: strerror(errno)).lowercased() }

  /// The largest rule file psyreg reads: rule files are kilobytes, and a bound keeps a link
  /// to `/dev/zero` or a runaway generator from eating memory.
  package static let maxFileBytes = 16 << 20

  package static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing(errnoReason()) }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  /// The whole file, opened read-only. Only regular files are read (a FIFO would block, a
  /// device never end), and only up to `maxFileBytes`.
  package static func read(_ path: String, limit: Int = maxFileBytes) -> Result<[UInt8], ReadError> {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else { return .failure(ReadError(reason: errnoReason())) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(ReadError(reason: errnoReason())) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(ReadError(reason: "is a directory"))
    case S_IFIFO: return .failure(ReadError(reason: "is a FIFO, not a regular file"))
    case S_IFCHR, S_IFBLK: return .failure(ReadError(reason: "is a device, not a regular file"))
    default: return .failure(ReadError(reason: "is not a regular file"))
    }
    if Int(info.st_size) > limit { return .failure(tooLarge(limit)) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return .failure(ReadError(reason: errnoReason()))
      }
      if count == 0 { break }
      // The file may grow while it is read.
      if bytes.count + count > limit { return .failure(tooLarge(limit)) }
      bytes += chunk[0..<count]
    }
    return .success(bytes)
  }

  static func tooLarge(_ limit: Int) -> ReadError {
    ReadError(reason: "is larger than \(limit >> 20) MiB, the most a rule file may hold")
  }

  /// A file's identity, to see the same file or folder reached by two paths (links).
  struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  static func identity(_ path: String) -> FileID? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  /// What a walk of a rules folder found: the rule files, and the links that lead out of it.
  package struct Walk {
    /// `*.yaml` and `*.yml` files, sorted.
    package var files: [String] = []
    /// Links (to a folder or a rule file) whose target lies outside the folder walked, with
    /// the target; they are not followed.
    package var outside: [(path: String, target: String, isFolder: Bool)] = []
  }

  /// `*.yaml` and `*.yml` files under a folder, recursively, in a stable order. Each folder
  /// and file is visited once however many links lead to it, so link loops end; links that
  /// leave the folder are not followed but returned, to be reported.
  package static func walk(_ directory: String) -> Walk {
    var walk = Walk()
    let root = realPath(directory) ?? directory
    var visited: Set<FileID> = []
    var pending = [directory]
    if let id = identity(directory) { visited.insert(id) }
    while let folder = pending.popLast() {
      guard let handle = opendir(folder) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name.hasPrefix(".") { continue }
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        let isYAML = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
        let kind = kind(of: path)
        var exists = true
        if case .missing = kind { exists = false }
        if exists, isLink(path) {
          let target = realPath(path) ?? path
          if target != root && !target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            if kind == .directory || isYAML { walk.outside.append((path, target, kind == .directory)) }
            continue
          }
        }
        switch kind {
        case .directory:
          if let id = identity(path), visited.insert(id).inserted { pending.append(path) }
        case .file where isYAML:
          if let id = identity(path), !visited.insert(id).inserted { continue }
          walk.files.append(path)
        // A rule file that cannot even be looked at (a dangling link) is read, to report why.
        case .missing where isYAML: walk.files.append(path)
        default: break
        }
      }
    }
    walk.files.sort()
    walk.outside.sort { $0.path < $1.path }
    return walk
  }

  static func isLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// The absolute path with every link resolved; nil if it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
