import Foundation
import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender
@testable import psyreg

/// Reading rules from git revisions of a temporary repository, and diffing two of them.
@Suite(.serialized) struct DiffGitTests {
  /// A repository with two commits: the fixture rules, then Xanadu's 2023 entry moved a month.
  final class Repository {
    let directory: String
    let git: GitRepository

    init() throws {
      directory = NSTemporaryDirectory() + "psyreg-diff-git-" + UUID().uuidString
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      git = GitRepository(directory: directory)
      try run(["init", "-q"])
      try write(DiffFixture.files())
      try write([(path: "Rules/.hidden/skip.yaml", text: "not: a rule file\n")])
      try write([(path: "README.md", text: "not rules\n")])
      try run(["add", "-A"])
      try commit("first")
      try run(["tag", "v1"])
      let moved = DiffFixture.xa.replacingOccurrences(
        of: "- date: 2023-07-01", with: "- date: 2023-08-01")
      try write([(path: "Rules/jurisdictions/xa.yaml", text: moved)])
      try commit("move the 2023 entry")
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func write(_ files: [(path: String, text: String)]) throws {
      for file in files {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.text.write(to: url, atomically: true, encoding: .utf8)
      }
    }

    func commit(_ message: String) throws {
      try run([
        "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-a", "-m",
        message,
      ])
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
      let result = try git.run(arguments)
      #expect(result.status == 0, "git \(arguments): \(result.errorText)")
      return String(decoding: result.output, as: UTF8.self)
    }
  }

  @Test func revisionsAreResolvedToCommits() throws {
    let repo = try Repository()
    #expect(repo.git.commit("HEAD")?.count == 40)
    #expect(repo.git.commit("v1") != nil)
    #expect(repo.git.commit("HEAD~1") == repo.git.commit("v1"))
    #expect(repo.git.commit("no-such-branch") == nil)
    #expect(repo.git.commit("--help") == nil)
    // A blob is not a commit.
    #expect(repo.git.commit("HEAD:README.md") == nil)
  }

  @Test func rulesAreReadFromTheObjectStoreUnderTheirPaths() throws {
    let repo = try Repository()
    let sources = try repo.git.ruleSources(at: "v1", under: "Rules")
    #expect(sources.map(\.path) == DiffFixture.files().map(\.path))
    #expect(sources.first { $0.path == "Rules/jurisdictions/xa.yaml" }?.text == DiffFixture.xa)
    #expect(throws: GitRepository.Failure.self) {
      try repo.git.ruleSources(at: "v1", under: "Nothing")
    }
    #expect(throws: GitRepository.Failure.self) {
      try repo.git.ruleSources(at: "nope", under: "Rules")
    }
  }

  @Test func twoRevisionsDiffLikeTheirFolders() throws {
    let repo = try Repository()
    let old = try RuleBook.load(sources: repo.git.ruleSources(at: "HEAD~1", under: "Rules"))
    let new = try RuleBook.load(sources: repo.git.ruleSources(at: "HEAD", under: "Rules"))
    let diff = RuleDiff(old: old.book, new: new.book)
    #expect(diff.entries.map(\.change) == [.changed])
    #expect(diff.entries[0].location == "Rules/jurisdictions/xa.yaml:38")
    #expect(
      diff.answers.map(\.line) == [
        "mdma · xa · medical: conditional → prohibited from 2023-07-01 to 2023-07-31"
      ])
    // The work tree was not touched: nothing to commit, no stray files.
    #expect(try repo.run(["status", "--porcelain"]).isEmpty)
  }
}
