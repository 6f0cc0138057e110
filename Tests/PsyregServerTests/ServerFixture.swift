import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PsyregCore
import PsyregTestSupport
import Testing

@testable import PsyregServer

/// Servers over the shipped rules and over rule files written to a temporary folder.
enum ServerFixture {
  /// The repository's `Rules/`, found from this file's path.
  static let shippedRules: String = {
    let file = #filePath
    return String(file[..<file.range(of: "/Tests/PsyregServerTests/")!.lowerBound]) + "/Rules"
  }()

  /// One server over the shipped rules, shared by the suites that only read.
  static let shipped: PsyregServer = {
    do {
      return server(try RuleStore(root: shippedRules))
    } catch {
      preconditionFailure("the shipped rules do not load: \(error)")
    }
  }()

  /// A server that logs warnings and errors only (not a line per request).
  static func server(_ store: RuleStore) -> PsyregServer {
    var logger = Logger(label: "psyreg.serve.test")
    logger.logLevel = .warning
    return PsyregServer(store: store, logger: logger)
  }

  static let ruleSetHeader = HTTPField.Name("X-Psyreg-Rule-Set")!

  /// Writes `files` (paths relative to the folder) into a new temporary folder; returns it.
  static func folder(_ files: [String: String]) -> String {
    let root = NSTemporaryDirectory() + "psyreg-serve-" + UUID().uuidString
    for (path, text) in files { write(text, to: root + "/" + path) }
    return root
  }

  static func write(_ text: String, to path: String) {
    let directory = (path as NSString).deletingLastPathComponent
    try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  /// The test fixture's rules (`Fixture.files`), under `<folder>/Rules`.
  static func fixtureFolder() -> (root: String, rules: String) {
    let root = folder(Fixture.files)
    return (root, root + "/Rules")
  }

  /// Runs requests against the server in-process (no socket).
  static func withRouter<T: Sendable>(
    _ server: PsyregServer = shipped, _ body: @Sendable (any TestClientProtocol) async throws -> T
  ) async throws -> T {
    try await server.makeApplication(host: "127.0.0.1", port: 0).test(.router, body)
  }
}

extension TestResponse {
  var text: String { String(buffer: body) }
  var contentType: String { headers[.contentType] ?? "" }
  var ruleSet: String? { headers[ServerFixture.ruleSetHeader] }

  /// The body as a JSON object.
  var object: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }

  /// The body as a JSON array.
  var array: [Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any] ?? []
  }
}

extension TestClientProtocol {
  func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
    try await execute(uri: uri, method: .get, headers: headers)
  }
}
