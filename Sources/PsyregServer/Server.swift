import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NIOCore
import Prometheus
import PsyregCore
import PsyregRender

/// What one request is answered with, before the shared headers, the ETag and compression.
struct Reply: Sendable {
  enum Caching: Sendable {
    /// Shared caches may keep it; it has an ETag (the rule set's hash and the request).
    case cacheable
    /// Never stored (status, metrics).
    case noStore
  }

  var status: Int
  var contentType: String
  var body: [UInt8]
  var caching: Caching = .cacheable
  var headers: [(String, String)] = []

  static func json(_ text: String, status: Int = 200) -> Reply {
    Reply(status: status, contentType: "application/json; charset=utf-8", body: Array(text.utf8))
  }

  static func html(_ text: String, status: Int = 200) -> Reply {
    Reply(status: status, contentType: "text/html; charset=utf-8", body: Array(text.utf8))
  }

  static func problem(_ problem: Problem, instance: String) -> Reply {
    var reply = Reply(
      status: problem.status, contentType: "application/problem+json; charset=utf-8",
      body: Array((problem.json(instance: instance).rendered() + "\n").utf8))
    if problem.status == 405 { reply.headers.append(("Allow", "GET, HEAD")) }
    return reply
  }
}

/// `psyreg serve`: answers over HTTP from a `RuleStore`, with the JSON of the command line,
/// pages for people, an OpenAPI document, metrics and structured request logs.
public final class PsyregServer: Sendable {
  /// The rules answered from; swapped atomically on reload.
  public let store: RuleStore
  /// Where the metrics are kept; `/metrics` writes it in Prometheus's text format.
  public let registry: PrometheusCollectorRegistry
  let factory: PrometheusMetricsFactory
  let logger: Logger

  /// A server over a rule store. Metrics go to `registry` (not the process-wide
  /// `MetricsSystem`, so that several servers, as in tests, keep theirs apart).
  public init(
    store: RuleStore, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger? = nil
  ) {
    self.store = store
    self.registry = registry
    self.factory = PrometheusMetricsFactory(registry: registry)
    var logger = logger ?? Logger(label: "psyreg.serve")
    logger[metadataKey: "rules"] = .string(store.root)
    self.logger = logger
  }

  /// The Hummingbird application: HTTP/1.1 on `host:port` (port 0: any free port);
  /// `onServerRunning` is told the port it got.
  public func makeApplication(
    host: String = "127.0.0.1", port: Int = 8080, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    Application(
      responder: PsyregResponder(server: self),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "psyreg"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }

  /// Runs until cancelled or signalled (SIGINT, SIGTERM), watching the rules folder.
  public func run(host: String, port: Int, watchEvery interval: Duration = .seconds(1)) async throws {
    let logger = self.logger
    let app = makeApplication(host: host, port: port) { port in
      logger.notice(
        "psyreg serve: listening", metadata: ["address": .string("http://\(host):\(port)/")])
    }
    let watcher = Task { await watch(every: interval) }
    defer { watcher.cancel() }
    try await app.runService()
  }

  /// Polls the rules folder and swaps in new rules; logs what happened.
  public func watch(every interval: Duration = .seconds(1)) async {
    let store = self.store
    let logger = self.logger
    let generation = Gauge(label: "psyreg_rule_set_generation", factory: factory)
    let reloads = Counter(label: "psyreg_rule_reloads_total", dimensions: [("outcome", "swapped")], factory: factory)
    let rejected = Counter(label: "psyreg_rule_reloads_total", dimensions: [("outcome", "rejected")], factory: factory)
    generation.record(store.snapshot.generation)
    await store.watch(every: interval) { outcome in
      switch outcome {
      case .swapped(let g):
        reloads.increment()
        generation.record(g)
        logger.notice(
          "rules reloaded", metadata: ["rule_set": .string(store.snapshot.identity.sha256), "generation": "\(g)"])
      case .rejected:
        rejected.increment()
        let errors = store.problem?.errors ?? []
        logger.error(
          "rules not reloaded: they have errors; still answering from the last good rules",
          metadata: [
            "rule_set": .string(store.snapshot.identity.sha256),
            "errors": .array(errors.prefix(50).map { .string($0) }),
          ])
      case .unchanged: break
      }
    }
  }

  // MARK: Answering

  /// Answers one request from one snapshot: the routing, the shared headers, conditional
  /// requests, compression, metrics and the request log.
  func respond(to request: Request, logger: Logger) -> Response {
    let start = ContinuousClock.now
    let snapshot = store.snapshot
    let path = request.uri.path
    let head = request.method == .head
    let endpoint = Self.endpointName(path)
    var reply: Reply
    do {
      reply = try route(request, path: path, snapshot: snapshot)
    } catch {
      reply =
        Self.wantsHTMLErrors(path)
        ? Reply.html(Pages.problem(error, snapshot: snapshot), status: error.status)
        : Reply.problem(error, instance: path)
      if error.status == 405 { reply.headers.append(("Allow", "GET, HEAD")) }
    }

    var fields = HTTPFields()
    fields[.contentType] = reply.contentType
    fields[Self.ruleSetHeader] = snapshot.identity.sha256
    fields[Self.noSniff] = "nosniff"
    fields[Self.referrerPolicy] = "no-referrer"
    if reply.contentType.hasPrefix("text/html") { fields[Self.csp] = Pages.contentSecurityPolicy }
    for (name, value) in reply.headers { if let n = HTTPField.Name(name) { fields[n] = value } }
    var status = reply.status
    var body = reply.body
    switch reply.caching {
    case .noStore: fields[.cacheControl] = "no-store"
    case .cacheable:
      let etag = Self.etag(snapshot: snapshot, path: path, query: request.uri.query, variant: reply.contentType)
      fields[.eTag] = etag
      fields[.cacheControl] = reply.status == 200 ? "public, max-age=60" : "public, max-age=10"
      if reply.status == 200, let match = request.headers[.ifNoneMatch], Self.matches(match, etag) {
        status = 304
        body = []
        fields[.contentType] = nil
      }
    }
    fields[.vary] = "Accept, Accept-Encoding"
    if body.count >= 1024, Self.acceptsGzip(request.headers[.acceptEncoding]) {
      var buffer = ByteBuffer(bytes: body)
      if let compressed = try? buffer.compress(with: .gzip()) {
        body = Array(buffer: compressed)
        fields[.contentEncoding] = "gzip"
      }
    }
    fields[.contentLength] = String(body.count)

    let elapsed = ContinuousClock.now - start
    let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    record(endpoint: endpoint, status: status, nanoseconds: nanoseconds)
    logger.info(
      "request",
      metadata: [
        "method": .string(request.method.rawValue), "path": .string(Problem.clip(path, 120)),
        "endpoint": .string(endpoint), "status": "\(status)", "bytes": "\(body.count)",
        "duration_us": "\(nanoseconds / 1000)", "rule_set": .string(snapshot.identity.short),
      ])
    let responseBody = head || status == 304 ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body))
    return Response(status: HTTPResponse.Status(code: status), headers: fields, body: responseBody)
  }

  func record(endpoint: String, status: Int, nanoseconds: Int64) {
    Counter(
      label: "psyreg_http_requests_total", dimensions: [("endpoint", endpoint), ("status", String(status))],
      factory: factory
    ).increment()
    Metrics.Timer(label: "psyreg_http_request_duration_seconds", dimensions: [("endpoint", endpoint)], factory: factory)
      .recordNanoseconds(nanoseconds)
  }

  /// The endpoint's name (for metrics) and its reply; a `Problem` for any refusal.
  func route(_ request: Request, path: String, snapshot: RuleSnapshot) throws(Problem) -> Reply {
    guard request.method == .get || request.method == .head else {
      throw Problem(
        status: 405, slug: "method-not-allowed", title: "Only GET and HEAD are served",
        detail: "psyreg serve answers GET and HEAD requests only.")
    }
    if path.utf8.count > Query.Limits.pathBytes {
      throw Problem.badRequest(
        "path-too-long", "The path is too long",
        "The path has \(path.utf8.count) bytes; at most \(Query.Limits.pathBytes) are accepted.")
    }
    if let length = request.headers[.contentLength], length != "0" {
      throw Problem(
        status: 413, slug: "body-not-accepted", title: "Requests carry no body",
        detail: "psyreg serve takes its questions in the query string; a request body is not accepted.")
    }
    if request.headers[.transferEncoding] != nil {
      throw Problem(
        status: 413, slug: "body-not-accepted", title: "Requests carry no body",
        detail: "psyreg serve takes its questions in the query string; a request body is not accepted.")
    }
    let query = try Query(request.uri.query)
    if let names = Self.parameters[path] ?? (path.hasPrefix("/v1/reports/") ? Self.parameters["/v1/reports/"] : nil) {
      try query.only(names)
    }
    let api = API(snapshot: snapshot, query: query, accept: request.headers[.accept])

    // Rendered answers are kept per rule set: the same question is not rendered twice.
    let cacheKey =
      Self.cacheable.contains(path)
      ? path + "?" + (request.uri.query ?? "") + "|" + api.prefersHTML.description + "|" + api.today.description
      : nil
    if let cacheKey, let hit = snapshot.cache.get(cacheKey) {
      return Reply(status: hit.status, contentType: hit.contentType, body: hit.body)
    }
    let reply = try dispatch(path: path, api: api, snapshot: snapshot)
    if let cacheKey, reply.body.count <= 64 * 1024 {
      snapshot.cache.put(cacheKey, .init(status: reply.status, contentType: reply.contentType, body: reply.body))
    }
    return reply
  }

  /// The query parameters each endpoint reads (the OpenAPI document's, checked by a test).
  static let parameters: [String: Set<String>] = [
    "/": [], "/answer": ["substance", "jurisdiction", "activity", "on", "fact"],
    "/map": ["substance", "activity", "on", "view"],
    "/v1/ask": ["substance", "jurisdiction", "activity", "on", "fact"],
    "/v1/timeline": ["substance", "jurisdiction", "from", "to"], "/v1/substances": [], "/v1/jurisdictions": [],
    "/v1/coverage": ["on"], "/v1/reports/": ["on", "activity", "format"], "/v1/matrix": ["activity", "on", "format"],
    "/v1/status": [], "/openapi.json": [], "/metrics": [],
  ]

  /// Paths whose answers depend only on the rule set and the query (and today's date, which
  /// `API` folds into the query when `on` is absent — see `cacheable`).
  static let cacheable: Set<String> = ["/v1/ask", "/v1/substances", "/v1/jurisdictions", "/v1/timeline"]

  func dispatch(path: String, api: API, snapshot: RuleSnapshot) throws(Problem) -> Reply {
    switch path {
    case "/": return .html(Pages.search(api))
    case "/answer": return try Pages.answer(api)
    case "/map": return try Pages.map(api)
    case "/v1/ask": return try api.ask()
    case "/v1/timeline": return try api.timeline()
    case "/v1/substances": return api.listing(.substances)
    case "/v1/jurisdictions": return api.listing(.jurisdictions)
    case "/v1/coverage": return try api.coverage()
    case "/v1/matrix": return try api.matrix()
    case "/v1/status": return status(snapshot)
    case "/openapi.json": return .json(OpenAPIDocument.json)
    case "/metrics":
      var reply = Reply(
        status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: registry.emitToBuffer())
      reply.caching = .noStore
      return reply
    default:
      if path.hasPrefix("/v1/reports/") {
        let raw = path.dropFirst("/v1/reports/".count)
        return try api.report(try Query.decode(raw.replacing("+", with: "%2B")[...]))
      }
      throw Problem.notFound(
        "no-such-endpoint", "No such endpoint",
        "Nothing is served at this path. The API is described at /openapi.json; people start at /.",
        extra: [("endpoints", .array(OpenAPIDocument.paths.map { .string($0) }))])
    }
  }

  /// The endpoint's name in metrics and logs (a fixed set: never the raw path).
  static func endpointName(_ path: String) -> String {
    switch path {
    case "/": "page-search"
    case "/answer": "page-answer"
    case "/map": "page-map"
    case "/v1/ask": "ask"
    case "/v1/timeline": "timeline"
    case "/v1/substances": "substances"
    case "/v1/jurisdictions": "jurisdictions"
    case "/v1/coverage": "coverage"
    case "/v1/matrix": "matrix"
    case "/v1/status": "status"
    case "/openapi.json": "openapi"
    case "/metrics": "metrics"
    default: path.hasPrefix("/v1/reports/") ? "report" : "other"
    }
  }

  /// `/v1/status`: the rule set answered from, and whether newer files were refused.
  func status(_ snapshot: RuleSnapshot) -> Reply {
    let problem = store.problem
    let counts = store.counts
    let json = JSON.object([
      ("ok", .bool(problem == nil)),
      (
        "rule_set",
        .object([
          ("sha256", .string(snapshot.identity.sha256)), ("files", .number(snapshot.identity.fileCount)),
          ("generation", .number(snapshot.generation)), ("loaded_at", .string(Self.timestamp(snapshot.loadedAt))),
          ("warnings", .number(snapshot.warnings.count)),
          ("substances", .number(snapshot.book.substances.count)),
          ("jurisdictions", .number(snapshot.book.jurisdictions.count)),
        ])
      ),
      ("reloads", .number(counts.reloads)),
      ("rejected", .number(counts.rejected)),
      (
        "problem",
        problem.map { p in
          .object([
            ("message", "the rule files on disk have errors; answers come from the last good rules"),
            ("at", .string(Self.timestamp(p.at))),
            ("errors", .array(p.errors.prefix(200).map { .string($0) })),
          ])
        } ?? .null
      ),
    ])
    var reply = Reply.json(json.rendered() + "\n")
    reply.caching = .noStore
    return reply
  }

  static func timestamp(_ date: Date) -> String {
    date.formatted(.iso8601)
  }

  // MARK: Headers

  static let ruleSetHeader = HTTPField.Name("X-Psyreg-Rule-Set")!
  static let noSniff = HTTPField.Name("X-Content-Type-Options")!
  static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
  static let csp = HTTPField.Name("Content-Security-Policy")!

  /// Pages answer errors with a page; the API with a problem document.
  static func wantsHTMLErrors(_ path: String) -> Bool {
    path == "/" || path == "/answer" || path == "/map"
  }

  /// A strong validator: the rule set, the request and the representation (today's date too,
  /// which answers default to).
  static func etag(snapshot: RuleSnapshot, path: String, query: String?, variant: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in [path, query ?? "", variant, CivilDate.todayUTC().description] {
      for byte in part.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      hash ^= 0xff
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return "\"\(snapshot.identity.short)-\(String(repeating: "0", count: 16 - hex.count) + hex)\""
  }

  static func matches(_ ifNoneMatch: String, _ etag: String) -> Bool {
    ifNoneMatch.split(separator: ",").contains {
      let tag = $0.trimmingCharacters(in: .whitespaces)
      return tag == "*" || tag == etag || tag == "W/" + etag
    }
  }

  static func acceptsGzip(_ header: String?) -> Bool {
    guard let header else { return false }
    return header.split(separator: ",").contains {
      let parts = $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      guard parts.first == "gzip" else { return false }
      return !parts.dropFirst().contains { $0 == "q=0" || $0 == "q=0.0" || $0 == "q=0.00" || $0 == "q=0.000" }
    }
  }
}

/// Hands every request to the server: one code path, no router, nothing read from disk.
struct PsyregResponder: HTTPResponder {
  typealias Context = BasicRequestContext
  let server: PsyregServer

  func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
    server.respond(to: request, logger: context.logger)
  }
}
