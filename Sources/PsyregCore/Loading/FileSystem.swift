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
    stamp(path).map { FileID(device: $0.device, inode: $0.inode) }
  }

  /// What `stat` says of a file: enough to see that it has not changed since (the same file,
  /// size, modification and status-change times), as build tools and git's index do.
  package struct Stamp: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    package var modified: Int64
    package var modifiedNanoseconds: Int64
    package var changed: Int64
    package var changedNanoseconds: Int64

    package init(
      device: UInt64, inode: UInt64, size: Int64, modified: Int64, modifiedNanoseconds: Int64, changed: Int64,
      changedNanoseconds: Int64
    ) {
      self.device = device
      self.inode = inode
      self.size = size
      self.modified = modified
      self.modifiedNanoseconds = modifiedNanoseconds
      self.changed = changed
      self.changedNanoseconds = changedNanoseconds
    }

    init(_ info: stat) {
      #if canImport(Darwin)
        let (m, c) = (info.st_mtimespec, info.st_ctimespec)
      #else
        let (m, c) = (info.st_mtim, info.st_ctim)
      #endif
      self.init(
        device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: Int64(m.tv_sec),
        modifiedNanoseconds: Int64(m.tv_nsec), changed: Int64(c.tv_sec), changedNanoseconds: Int64(c.tv_nsec))
    }
  }

  /// The stamp of the file a path leads to (links followed); nil if it does not exist.
  package static func stamp(_ path: String) -> Stamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Stamp(info)
  }

  /// What a walk of a rules folder found: the rule files, and the links that lead out of it.
  package struct Walk {
    /// `*.yaml` and `*.yml` files, sorted.
    package var files: [String] = []
    /// Per file of `files`, its stamp when it was found (nil for a dangling link).
    package var stamps: [Stamp?] = []
    /// Links (to a folder or a rule file) whose target lies outside the folder walked, with
    /// the target; they are not followed.
    package var outside: [(path: String, target: String, isFolder: Bool)] = []
  }

  /// `*.yaml` and `*.yml` files under a folder, recursively, in a stable order. Each folder
  /// and file is visited once however many links lead to it, so link loops end; links that
  /// leave the folder are not followed but returned, to be reported.
  package static func walk(_ directory: String) -> Walk {
    var found: [(path: String, stamp: Stamp?)] = []
    var outside: [(path: String, target: String, isFolder: Bool)] = []
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
        // One lstat, and a stat only for a link: what the entry is and what it leads to. Both
        // relative to the open folder, so the kernel does not walk the whole path again.
        var info = stat()
        let folderFD = dirfd(handle)
        let looked = fstatat(folderFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0
        let isLink = looked && (info.st_mode & S_IFMT) == S_IFLNK
        if !looked || (isLink && fstatat(folderFD, name, &info, 0) != 0) {
          // A rule file that cannot even be looked at (a dangling link) is read, to report why.
          if isYAML { found.append((path, nil)) }
          continue
        }
        let stamp = Stamp(info)
        let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        if isLink {
          let target = realPath(path) ?? path
          if target != root && !target.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            if isFolder || isYAML { outside.append((path, target, isFolder)) }
            continue
          }
        }
        let id = FileID(device: stamp.device, inode: stamp.inode)
        if isFolder {
          if visited.insert(id).inserted { pending.append(path) }
        } else if isYAML, visited.insert(id).inserted {
          found.append((path, stamp))
        }
      }
    }
    found.sort { $0.path < $1.path }
    var walk = Walk()
    walk.files = found.map(\.path)
    walk.stamps = found.map(\.stamp)
    walk.outside = outside.sorted { $0.path < $1.path }
    return walk
  }

  /// The absolute path with every link resolved; nil if it does not exist.
  package static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
