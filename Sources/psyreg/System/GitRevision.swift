import PsyregCore
import PsyregRender

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads rule files from a git revision, straight from the object store: `git ls-tree` lists
/// the files under the rules folder, `git cat-file` gives their bytes. Nothing is written,
/// neither in the work tree nor in a temporary folder; the rules are loaded from memory
/// under their repository paths, so diagnostics and diff locations name the real files.
public struct GitRepository: Sendable {
  /// The folder git runs in (`git -C`); paths are relative to it.
  public var directory: String

  public init(directory: String = ".") {
    self.directory = directory
  }

  public struct Failure: Error, CustomStringConvertible, Equatable {
    public var description: String
  }

  /// The commit a revision names (`git rev-parse --verify REV^{commit}`), or nil when it names none.
  public func commit(_ revision: String) -> String? {
    guard !revision.hasPrefix("-"),
      let result = try? run([
        "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}",
      ]),
      result.status == 0
    else { return nil }
    let id = String(decoding: result.output, as: UTF8.self).trimmingTrailingNewlines()
    return id.isEmpty ? nil : id
  }

  /// The `*.yaml`/`*.yml` files under a folder at a revision, with their text, in path order.
  /// Files and folders whose names start with a dot are skipped, as on disk.
  public func ruleSources(at revision: String, under folder: String) throws(Failure) -> [(
    path: String, text: String
  )] {
    guard let commit = commit(revision) else {
      throw Failure(description: "'\(revision)' is not a git revision")
    }
    let listing = try run(["ls-tree", "-r", "-z", commit, "--", folder])
    guard listing.status == 0 else {
      throw Failure(description: "git ls-tree failed: \(listing.errorText)")
    }
    var sources: [(path: String, text: String)] = []
    for record in listing.output.split(separator: 0) {
      // "<mode> <type> <object>\t<path>"
      guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
      let meta = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(
        separator: " ")
      let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
      guard meta.count == 3, meta[1] == "blob" else { continue }
      guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { continue }
      // A committed link's blob is its target path; following it would read whatever the work
      // tree has there now, not the revision. Say so rather than skip it silently.
      if meta[0] == "120000" {
        throw Failure(
          description:
            "\(path) is a symbolic link in revision '\(revision)'; psyreg does not follow links in rule folders"
        )
      }
      guard meta[0] == "100644" || meta[0] == "100755" else { continue }
      guard
        !path.split(separator: "/").contains(where: { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
        )
      else {
        continue
      }
      let blob = try run(["cat-file", "blob", String(meta[2])])
      guard blob.status == 0 else {
        throw Failure(description: "git cat-file failed for \(path): \(blob.errorText)")
      }
      sources.append((path: path, text: String(decoding: blob.output, as: UTF8.self)))
    }
    if sources.isEmpty {
      throw Failure(description: "no rule files under '\(folder)' at revision '\(revision)'")
    }
    return sources.sorted { $0.path < $1.path }
  }

  public struct Result: Sendable {
    public var status: Int32
    public var output: [UInt8]
    public var error: [UInt8]
    public var errorText: String {
      String(decoding: error, as: UTF8.self).trimmingTrailingNewlines()
    }
  }

  /// Runs git with the arguments in the repository folder, collecting its output.
  public func run(_ arguments: [String]) throws(Failure) -> Result {
    try Subprocess.run(["git", "-C", directory] + arguments)
  }
}

/// Runs a program found on PATH with posix_spawn, reading its standard output and error
/// together (with poll) so that neither pipe can fill up and stall it.
enum Subprocess {
  static func run(_ arguments: [String]) throws(GitRepository.Failure) -> GitRepository.Result {
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0 else { throw .init(description: "pipe: \(FileSystem.errnoReason())") }
    guard pipe(&errPipe) == 0 else {
      close(outPipe[0])
      close(outPipe[1])
      throw .init(description: "pipe: \(FileSystem.errnoReason())")
    }
    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
    close(outPipe[1])
    close(errPipe[1])
    guard spawned == 0 else {
      close(outPipe[0])
      close(errPipe[0])
      throw .init(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }

    var output: [UInt8] = []
    var error: [UInt8] = []
    var fds = [
      pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
      pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0),
    ]
    var open = 2
    var buffer = [UInt8](repeating: 0, count: 65536)
    while open > 0 {
      if poll(&fds, nfds_t(fds.count), -1) < 0 {
        if errno == EINTR { continue }
        break
      }
      for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
        let count = buffer.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
        if count > 0 {
          if index == 0 { output += buffer[0..<count] } else { error += buffer[0..<count] }
        } else if count == 0 || errno != EINTR {
          close(fds[index].fd)
          fds[index].fd = -1
          open -= 1
        }
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
    let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return GitRepository.Result(status: exitCode, output: output, error: error)
  }
}

extension String {
  func trimmingTrailingNewlines() -> String {
    var s = Substring(self)
    while let last = s.last, last == "\n" || last == "\r" || last == "\r\n" { s = s.dropLast() }
    return String(s)
  }
}
