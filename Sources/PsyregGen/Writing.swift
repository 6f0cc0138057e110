#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file that could not be written, with the reason the system gave.
public struct GeneratorWriteError: Error, CustomStringConvertible {
  /// The path and the reason.
  public var description: String
}

extension GeneratedFile {
  /// Writes the files under `root` (made, with its `substances/`, `jurisdictions/` and `tests/`
  /// folders, when missing), replacing files of the same name; returns the bytes written.
  @discardableResult
  public static func write(_ files: [GeneratedFile], to root: String) throws(GeneratorWriteError) -> Int {
    var made: Set<String> = []
    var total = 0
    for file in files {
      let path = root + "/" + file.path
      let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
      if made.insert(folder).inserted { makeDirectories(folder) }
      guard let handle = fopen(path, "wb") else {
        throw GeneratorWriteError(description: "\(path): \(String(cString: strerror(errno)))")
      }
      let bytes = Array(file.text.utf8)
      let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
      fclose(handle)
      if written != bytes.count {
        throw GeneratorWriteError(description: "\(path): short write")
      }
      total += bytes.count
    }
    return total
  }

  /// `mkdir -p`: every folder of the path that is missing.
  static func makeDirectories(_ path: String) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      mkdir(prefix, 0o755)
      prefix += "/"
    }
  }
}
