import PsyregCore
import PsyregRender

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Path checks for writing reports: a report is never written inside the rules folder.
public enum ReportPaths {
  /// The absolute, symlink-free form of a path that may not exist yet: its nearest existing
  /// ancestor resolved by `realpath`, then the rest appended.
  public static func resolve(_ path: String) -> String {
    var head = path.isEmpty ? "." : path
    var tail: [String] = []
    while true {
      if let resolved = realpath(head, nil) {
        defer { free(resolved) }
        var out = String(cString: resolved)
        for part in tail.reversed() where part != "." && !part.isEmpty {
          if part == ".." {
            if let slash = out.lastIndex(of: "/"), out != "/" { out = String(out[..<slash]) }
            if out.isEmpty { out = "/" }
          } else {
            out += (out.hasSuffix("/") ? "" : "/") + part
          }
        }
        return out
      }
      guard let slash = head.lastIndex(of: "/") else {
        tail.append(head)
        head = "."
        continue
      }
      tail.append(String(head[head.index(after: slash)...]))
      head = slash == head.startIndex ? "/" : String(head[..<slash])
    }
  }

  /// Whether `path` is `folder` or lies below it (after resolving both).
  public static func isInside(_ path: String, _ folder: String) -> Bool {
    let p = resolve(path)
    let f = resolve(folder)
    return p == f || p.hasPrefix(f.hasSuffix("/") ? f : f + "/")
  }

  /// Creates a folder and its missing parents (those it creates with `mode`).
  public static func makeDirectories(_ path: String, mode: mode_t = 0o755) -> Bool {
    var current = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
      if !OutputFile.makeDirectory(current, mode: mode) { return false }
    }
    return FileSystem.kind(of: path) == .directory
  }
}
