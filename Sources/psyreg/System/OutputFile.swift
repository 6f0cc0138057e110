import PsyregCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the files psyreg makes (reports and exports); never a rule file.
enum OutputFile {
  struct WriteError: Error {
    var reason: String
  }

  /// Writes a file (reports and exports only; never a rule file).
  static func write(_ text: String, to path: String) -> Result<Void, WriteError> {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return .failure(WriteError(reason: FileSystem.errnoReason())) }
    defer { close(fd) }
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        return .failure(WriteError(reason: FileSystem.errnoReason()))
      }
      offset += written
    }
    return .success(())
  }

  static func makeDirectory(_ path: String) -> Bool {
    mkdir(path, 0o755) == 0 || errno == EEXIST
  }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
