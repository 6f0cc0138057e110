import ArgumentParser
import Logging
import PsyregCore
import PsyregRender
import PsyregServer

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Answer over HTTP: the JSON API, the search page, answers, reports and the map.",
    discussion: """
      Serves http://HOST:PORT/ (loopback unless told otherwise): the JSON endpoints under /v1/
      (described at /openapi.json), the pages for people at /, /answer and /map, the reports at
      /v1/reports/ID?format=html, /v1/status and /metrics. Watches the rules folder and swaps in
      changed rules that have no errors; rules with errors are refused and shown on /v1/status.
      """)

  @Option(help: "The address to listen on (default: 127.0.0.1, loopback only).") var host = "127.0.0.1"
  @Option(help: "The port (0: any free port).") var port = 8080
  @Option(help: "Log level: trace, debug, info (one line per request), notice, warning, error.")
  var logLevel: String = "info"
  @OptionGroup var options: RulesOptions

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port (0 to 65535)") }
    guard Logger.Level(rawValue: logLevel) != nil else {
      throw ValidationError("--log-level \(logLevel) is not one of trace, debug, info, notice, warning, error")
    }
  }

  func run() async throws {
    let level = Logger.Level(rawValue: logLevel) ?? .info
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let store: RuleStore
    do {
      store = try RuleStore(root: options.rulesPath)
    } catch {
      Console.error(TextDiagnosticReporter().report(error.errors))
      Console.error("psyreg: the rule files have errors; run 'psyreg validate' for the full list\n")
      throw ExitCode.failure
    }
    var logger = Logger(label: "psyreg.serve")
    logger.logLevel = level
    let server = PsyregServer(store: store, logger: logger)
    try await server.run(host: host, port: port)
  }
}
