import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// psyreg never writes the rules it reads, never hangs on a file that is not a file, and
/// never lets a value drive the terminal or a CI log. (Time and memory bounds are checked by
/// scripts/hostile.sh, outside the tests.)
@Suite(.serialized) struct HardeningCLITests {
  static let rules: [String: String] = [
    "Rules/substances/mdma.yaml": "id: mdma\nname: MDMA\nkind: compound\n",
    "Rules/substances/lsd.yaml": "id: lsd\nname: LSD\nkind: compound\n",
    "Rules/jurisdictions/un.yaml": "id: un\nname: United Nations\nkind: international\n",
  ]

  func digest(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for path in ["substances/mdma.yaml", "substances/lsd.yaml", "jurisdictions/un.yaml"] {
      out[path] = try Data(contentsOf: folder.appendingPathComponent("Rules/" + path))
    }
    return out
  }

  @Test func aReportNeverWritesThroughALinkIntoTheRules() throws {
    let root = try CLI.folder(Self.rules)
    defer { try? FileManager.default.removeItem(at: root) }
    let before = try digest(root)
    // A dangling symbolic link into the rules: the report replaces the link, creates no rule file.
    symlink("Rules/substances/new.yaml", root.appendingPathComponent("o.html").path)
    var result = try CLI.run(["report", "un", "--output", "o.html"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Rules/substances/new.yaml").path))
    // A hard link to a rule file, and a link planted in the --all folder: refused.
    link(root.appendingPathComponent("Rules/substances/lsd.yaml").path, root.appendingPathComponent("o2.html").path)
    result = try CLI.run(["report", "un", "--output", "o2.html"], in: root)
    #expect(result.status == 1)
    #expect(result.stderr.contains("psyreg never writes the rules it reads"))
    try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
    symlink("../Rules/jurisdictions/un.yaml", root.appendingPathComponent("site/un.html").path)
    result = try CLI.run(["report", "--all", "--output", "site"], in: root)
    #expect(result.status == 1)
    #expect(try digest(root) == before)
  }

  @Test func aFIFOOrDeviceAmongTheRulesIsALocatedError() throws {
    let root = try CLI.folder(Self.rules)
    defer { try? FileManager.default.removeItem(at: root) }
    mkfifo(root.appendingPathComponent("Rules/substances/fifo.yaml").path, 0o644)
    symlink("/dev/zero", root.appendingPathComponent("Rules/substances/zero.yaml").path)
    symlink(".", root.appendingPathComponent("Rules/loop").path)
    let result = try CLI.run(["validate"], in: root)
    #expect(result.status == 1)
    #expect(result.stdout.contains("Rules/substances/fifo.yaml:1:1: error: cannot read the file: is a FIFO"))
    #expect(
      result.stdout.contains("Rules/substances/zero.yaml:1:1: error: a link to '/dev/zero', outside the rules folder"))
    #expect(!result.stdout.contains("ref.duplicate-id"))
  }

  @Test func controlCharactersAndForgedCommandsAreInert() throws {
    let root = try CLI.folder(
      Self.rules.merging([
        "Rules/substances/mdma.yaml":
          "id: mdma\nname: \"MDMA\\e]8;;https://evil.example\\a\"\nkind: compound\n\"x\\n::error file=README.md,line=1::forged\": 1\n"
      ]) { _, new in new })
    defer { try? FileManager.default.removeItem(at: root) }
    let text = try CLI.run(["validate"], in: root)
    #expect(text.status == 1)
    #expect(!text.stdout.contains("\u{1B}") && !text.stdout.contains("\u{07}"))
    #expect(!text.stdout.split(separator: "\n").contains { $0.hasPrefix("::") })
    // The value's line break is shown, not printed: the message stays one line.
    #expect(text.stdout.contains("unknown key 'x\\n::error file=README.md,line=1::forged'"))
    let github = try CLI.run(["validate", "--format", "github"], in: root)
    let lines = github.stdout.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("::error file=Rules/substances/mdma.yaml,line=4,col=1,"))
  }

  @Test func aFullDiskIsAnErrorNotATrap() throws {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["list", "substances"]
    process.currentDirectoryURL = CLI.packageRoot
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    let err = Pipe()
    process.standardError = err
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    #expect(message.contains("cannot write the output: no space left on device"))
  }
}
