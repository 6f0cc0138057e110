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

  package static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing(errnoReason()) }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  /// The whole file, opened read-only.
  package static func read(_ path: String) -> Result<[UInt8], ReadError> {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return .failure(ReadError(reason: errnoReason())) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      return .failure(ReadError(reason: "is a directory"))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(ReadError(reason: errnoReason()))
      }
      if count == 0 { break }
      bytes += chunk[0..<count]
    }
    return .success(bytes)
  }

  /// `*.yaml` and `*.yml` files under a folder, recursively, in a stable order.
  package static func yamlFiles(under directory: String) -> [String] {
    var found: [String] = []
    var pending = [directory]
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
        switch kind(of: path) {
        case .directory: pending.append(path)
        case .file where isYAML: found.append(path)
        // A rule file that cannot even be looked at (a dangling link) is read, to report why.
        case .missing where isYAML: found.append(path)
        default: break
        }
      }
    }
    return found.sorted()
  }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
