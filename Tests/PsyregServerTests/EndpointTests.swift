import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PsyregCore
import PsyregRender
import Testing

@testable import PsyregServer

/// Every endpoint over the shipped rules, in-process; the JSON is the command line's.
@Suite struct EndpointTests {
  static let sha = ServerFixture.shipped.store.snapshot.identity.sha256

  @Test(arguments: [
    ("/v1/ask?substance=psilocybin&jurisdiction=Oregon&activity=supervised-use&on=2024-06-01", "application/json"),
    ("/v1/ask?substance=ecstasy&jurisdiction=us&on=1985-07-01", "application/json"),
    ("/v1/timeline?substance=mdma&jurisdiction=au", "application/json"),
    ("/v1/timeline?from=2020-01-01&to=2020-12-31", "application/json"),
    ("/v1/timeline?from=2020-01-01&to=2019-12-31", "application/json"),
    ("/v1/ask?substance=mdma&jurisdiction=au&activity=&on=&fact=", "application/json"),
    ("/answer?substance=mdma", "text/html"),
    ("/map?substance=psilocybin&activity=supervised-use&view=own", "text/html"),
    ("/v1/substances", "application/json"),
    ("/v1/jurisdictions", "application/json"),
    ("/v1/coverage?on=2024-06-01", "application/json"),
    ("/v1/reports/us-or", "application/json"),
    ("/v1/reports/Oregon?format=html&on=2024-06-01", "text/html"),
    ("/v1/matrix?activity=medical", "application/json"),
    ("/v1/matrix?format=html", "text/html"),
    ("/v1/status", "application/json"),
    ("/openapi.json", "application/json"),
    ("/metrics", "text/plain"),
    ("/", "text/html"),
    ("/answer?substance=psilocybin&jurisdiction=oregon&activity=supervised-use&on=2024-06-01", "text/html"),
    ("/answer?substance=mdma&jurisdiction=australia", "text/html"),
    ("/map?substance=psilocybin&activity=supervised-use&on=2024-06-01", "text/html"),
    ("/map", "text/html"),
  ])
  func everyEndpointAnswers(uri: String, type: String) async throws {
    try await ServerFixture.withRouter { client in
      let response = try await client.get(uri)
      #expect(response.status == .ok, "\(uri): \(response.text.prefix(300))")
      #expect(response.contentType.hasPrefix(type), "\(uri)")
      #expect(response.ruleSet == Self.sha, "\(uri)")
      #expect(response.headers[.contentLength] == String(response.body.readableBytes))
    }
  }

  @Test func askIsTheCommandLinesJSON() async throws {
    let book = ServerFixture.shipped.store.snapshot.book
    let expected = AnswerJSONRenderer().render(
      try book.ask("psilocybin", in: "Oregon", activity: .supervisedUse, on: CivilDate("2024-06-01")!))
    try await ServerFixture.withRouter { client in
      let response = try await client.get(
        "/v1/ask?substance=psilocybin&jurisdiction=Oregon&activity=supervised-use&on=2024-06-01")
      #expect(response.text == expected)
      #expect(response.object["verdict"] as? String == "prohibited")
      #expect(response.object["conflict"] as? Bool == true)
      // Names as people type them: '+' and %-escapes, any case, accents.
      let typed = try await client.get(
        "/v1/ask?substance=PSILOCYBIN&jurisdiction=%20oregon+&activity=supervised-use&on=2024-06-01")
      #expect(typed.text == expected)
    }
  }

  @Test func askWithoutActivityAnswersEveryActivity() async throws {
    try await ServerFixture.withRouter { client in
      let response = try await client.get("/v1/ask?substance=mdma&jurisdiction=au&on=2024-06-01")
      let activities = response.array.compactMap { ($0 as? [String: Any])?["activity"] as? String }
      #expect(activities == Activity.allCases.map(\.rawValue))
    }
  }

  @Test func factsDecideConditions() async throws {
    try await ServerFixture.withRouter { client in
      let response = try await client.get(
        "/v1/ask?substance=mdma&jurisdiction=au&activity=medical&on=2024-06-01&fact=prescriber%3Dpsychiatrist&fact=indication=ptsd"
      )
      #expect(response.status == .ok)
      let facts = response.object["facts"] as? [String: Any]
      #expect(facts?["prescriber"] as? String == "psychiatrist")
      #expect(facts?["indication"] as? String == "ptsd")
    }
  }

  @Test func listsAreTheCommandLines() async throws {
    let book = ServerFixture.shipped.store.snapshot.book
    try await ServerFixture.withRouter { client in
      let substances = try await client.get("/v1/substances")
      #expect(substances.text == ListJSONRenderer().render(.substances, of: book, on: CivilDate.todayUTC()))
      let coverage = try await client.get("/v1/coverage?on=2024-06-01")
      #expect(coverage.text == ListJSONRenderer().render(.coverage, of: book, on: CivilDate("2024-06-01")!))
    }
  }

  @Test func reportsAreTheCommandLines() async throws {
    let snapshot = ServerFixture.shipped.store.snapshot
    let report = JurisdictionReport(
      book: snapshot.book, jurisdiction: "us-or", date: CivilDate("2024-06-01")!, bandActivity: .possession,
      ruleSet: snapshot.identity)
    try await ServerFixture.withRouter { client in
      let json = try await client.get("/v1/reports/us-or?on=2024-06-01")
      #expect(json.text == JSONReportRenderer().render(report))
      let html = try await client.get("/v1/reports/us-or?on=2024-06-01", headers: [.accept: "text/html,*/*"])
      #expect(html.text == HTMLReportRenderer().render(report))
      // The rule set in the report is the one in the header.
      #expect(json.text.contains(snapshot.identity.sha256))
    }
  }

  @Test func statusNamesTheRuleSet() async throws {
    try await ServerFixture.withRouter { client in
      let response = try await client.get("/v1/status")
      #expect(response.object["ok"] as? Bool == true)
      let ruleSet = response.object["rule_set"] as? [String: Any]
      #expect(ruleSet?["sha256"] as? String == Self.sha)
      #expect(response.headers[.cacheControl] == "no-store")
    }
  }

  @Test func metricsCountRequests() async throws {
    try await ServerFixture.withRouter { client in
      _ = try await client.get("/v1/substances")
      let metrics = try await client.get("/metrics")
      #expect(metrics.text.contains("psyreg_http_requests_total"))
      #expect(metrics.text.contains("endpoint=\"substances\""))
      #expect(metrics.text.contains("psyreg_http_request_duration_seconds"))
    }
  }

  // MARK: Caching and compression

  @Test func etagAndConditionalRequests() async throws {
    try await ServerFixture.withRouter { client in
      let uri = "/v1/ask?substance=mdma&jurisdiction=au&activity=medical&on=2024-06-01"
      let first = try await client.get(uri)
      let etag = try #require(first.headers[.eTag])
      #expect(etag.hasPrefix("\"" + String(Self.sha.prefix(12))))
      #expect(first.headers[.cacheControl] == "public, max-age=60")
      let again = try await client.get(uri, headers: [.ifNoneMatch: etag])
      #expect(again.status == .notModified)
      #expect(again.body.readableBytes == 0)
      #expect(again.ruleSet == Self.sha)
      // Another question, another tag.
      let other = try await client.get(uri.replacing("medical", with: "research"))
      #expect(other.headers[.eTag] != etag)
    }
  }

  @Test func gzipWhenAsked() async throws {
    try await ServerFixture.withRouter { client in
      let plain = try await client.get("/v1/jurisdictions")
      #expect(plain.headers[.contentEncoding] == nil)
      let zipped = try await client.get("/v1/jurisdictions", headers: [.acceptEncoding: "br, gzip"])
      #expect(zipped.headers[.contentEncoding] == "gzip")
      #expect(zipped.body.readableBytes < plain.body.readableBytes / 3)
      let refused = try await client.get("/v1/jurisdictions", headers: [.acceptEncoding: "gzip;q=0"])
      #expect(refused.headers[.contentEncoding] == nil)
    }
  }

  @Test func headRequestsHaveNoBody() async throws {
    try await ServerFixture.withRouter { client in
      let response = try await client.execute(uri: "/v1/substances", method: .head)
      #expect(response.status == .ok)
      #expect(response.body.readableBytes == 0)
      #expect(response.ruleSet == Self.sha)
    }
  }

  // MARK: OpenAPI

  @Test func openAPIDocumentsExactlyTheEndpoints() async throws {
    try await ServerFixture.withRouter { client in
      let response = try await client.get("/openapi.json")
      let document = response.object
      #expect(document["openapi"] as? String == "3.1.0")
      let paths = try #require(document["paths"] as? [String: Any])
      #expect(Set(paths.keys) == Set(OpenAPIDocument.paths))
      // Every documented operation is served (a sample request is not a 404 for want of a route).
      for path in paths.keys {
        let uri = path.replacing("{jurisdiction}", with: "us")
        let answer = try await client.get(uri)
        #expect(answer.object["type"] as? String != "/problems/no-such-endpoint", "\(uri)")
        #expect(answer.status == (path == "/v1/ask" ? .badRequest : .ok), "\(uri)")
        let operation = (paths[path] as? [String: Any])?["get"] as? [String: Any]
        let responses = operation?["responses"] as? [String: Any]
        #expect(responses?["200"] != nil, "\(path)")
      }
      // And nothing else is: an undocumented path is a 404 problem naming the documented ones.
      let unknown = try await client.get("/v1/asks")
      #expect(unknown.status == .notFound)
      #expect((unknown.object["endpoints"] as? [String])?.count == OpenAPIDocument.paths.count)
    }
  }

  @Test func openAPIParametersAreTheOnesRead() throws {
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    let components = try #require((document["components"] as? [String: Any])?["parameters"] as? [String: Any])
    let names = Set(components.values.compactMap { ($0 as? [String: Any])?["name"] as? String })
    #expect(names == ["substance", "jurisdiction", "activity", "on", "from", "to", "fact", "format"])
  }

  @Test func everyOpenAPIReferenceResolves() throws {
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    var references: [String] = []
    func collect(_ value: Any) {
      if let object = value as? [String: Any] {
        if let target = object["$ref"] as? String { references.append(target) }
        object.values.forEach(collect)
      } else if let array = value as? [Any] {
        array.forEach(collect)
      }
    }
    collect(document)
    #expect(references.contains("#/components/headers/RuleSet"), "every response names its rule set through one header")
    for reference in Set(references) {
      var node: Any? = document
      for part in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
      #expect(node is [String: Any], "\(reference) does not resolve")
    }
  }
}
