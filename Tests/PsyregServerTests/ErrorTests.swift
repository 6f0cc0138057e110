import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PsyregCore
import Testing

@testable import PsyregServer

/// Refusals: 404 with suggestions for unknown names, 400 problem documents for malformed
/// input, 405/413/414 for what is not served; never a 500.
@Suite struct ErrorTests {
  @Test func unknownNamesAre404WithSuggestions() async throws {
    try await ServerFixture.withRouter { client in
      let substance = try await client.get("/v1/ask?substance=psilocybn&jurisdiction=oregon")
      #expect(substance.status == .notFound)
      #expect(substance.contentType.hasPrefix("application/problem+json"))
      #expect(substance.object["type"] as? String == "/problems/unknown-substance")
      #expect(substance.object["status"] as? Int == 404)
      #expect(substance.object["parameter"] as? String == "substance")
      #expect((substance.object["suggestions"] as? [String])?.contains("psilocybin") == true)

      let place = try await client.get("/v1/ask?substance=psilocybin&jurisdiction=Oregn")
      #expect(place.status == .notFound)
      #expect((place.object["suggestions"] as? [String])?.contains("Oregon") == true)

      let report = try await client.get("/v1/reports/oregn")
      #expect(report.status == .notFound)
      #expect(report.object["parameter"] as? String == "jurisdiction")

      let timeline = try await client.get("/v1/timeline?substance=mdmx")
      #expect(timeline.status == .notFound)
    }
  }

  @Test(arguments: [
    ("/v1/ask?jurisdiction=us", "missing-parameter", "substance"),
    ("/v1/ask?substance=mdma", "missing-parameter", "jurisdiction"),
    ("/v1/ask?substance=mdma&jurisdiction=us&on=2024-13-01", "malformed-date", "on"),
    ("/v1/ask?substance=mdma&jurisdiction=us&on=yesterday", "malformed-date", "on"),
    ("/v1/ask?substance=mdma&jurisdiction=us&activity=dancing", "unknown-activity", "activity"),
    ("/v1/ask?substance=mdma&jurisdiction=us&fact=age", "malformed-fact", "fact"),
    ("/v1/ask?substance=mdma&jurisdiction=us&fact=age=old", "malformed-fact", "fact"),
    ("/v1/ask?substance=mdma&jurisdiction=us&fact=shoe=9", "malformed-fact", "fact"),
    ("/v1/ask?substance=%ZZ&jurisdiction=us", "malformed-query", nil),
    ("/v1/ask?substance=%FF%FE&jurisdiction=us", "malformed-query", nil),
    ("/v1/ask?substance=a%4&jurisdiction=us", "malformed-query", nil),
    ("/v1/ask?substance=mdma&jurisdiction=us&activty=medical", "unknown-parameter", "activty"),
    ("/v1/substances?q=1", "unknown-parameter", "q"),
    ("/v1/ask?substance=mdma&jurisdiction=us&fact=age=%2B5", "malformed-fact", "fact"),
    ("/v1/ask?substance=mdma&jurisdiction=us&fact=age=151", "malformed-fact", "fact"),
    ("/v1/coverage?on=2024-02-30", "malformed-date", "on"),
    ("/v1/reports/us?format=pdf", "unknown-format", "format"),
    ("/v1/matrix?activity=x", "unknown-activity", "activity"),
  ])
  func malformedInputIs400(uri: String, slug: String, parameter: String?) async throws {
    try await ServerFixture.withRouter { client in
      let response = try await client.get(uri)
      #expect(response.status == .badRequest, "\(uri)")
      #expect(response.contentType.hasPrefix("application/problem+json"))
      #expect(response.object["type"] as? String == "/problems/\(slug)", "\(uri): \(response.text)")
      #expect(response.object["title"] is String)
      #expect(response.object["detail"] is String)
      #expect(response.object["status"] as? Int == 400)
      #expect(response.object["parameter"] as? String == parameter)
      #expect(response.ruleSet != nil)
    }
  }

  @Test func limits() async throws {
    try await ServerFixture.withRouter { client in
      let long = String(repeating: "é", count: 101)
      let value = try await client.get("/v1/ask?substance=\(long)&jurisdiction=us")
      #expect(value.status == .badRequest)
      #expect(value.object["type"] as? String == "/problems/value-too-long")

      let many = (0..<30).map { "x\($0)=1" }.joined(separator: "&")
      let parameters = try await client.get("/v1/substances?\(many)")
      #expect(parameters.status == .badRequest)
      #expect(parameters.object["type"] as? String == "/problems/too-many-parameters")

      let query = try await client.get("/v1/substances?q=" + String(repeating: "%41", count: 6000))
      #expect(query.status == .badRequest)
      #expect(query.object["type"] as? String == "/problems/query-too-long")

      let facts = (0..<4).map { _ in "fact=age=30" }.joined(separator: "&")
      let tooManyFacts = try await client.get("/v1/ask?substance=mdma&jurisdiction=us&\(facts)")
      #expect(tooManyFacts.object["type"] as? String == "/problems/too-many-facts")

      let path = try await client.get("/v1/reports/" + String(repeating: "x", count: 3000))
      #expect(path.status == .badRequest)
      #expect(path.object["type"] as? String == "/problems/path-too-long")

      let post = try await client.execute(
        uri: "/v1/ask?substance=mdma&jurisdiction=us", method: .post, body: ByteBuffer(string: "{}"))
      #expect(post.status == .methodNotAllowed)
      #expect(post.headers[.allow] == "GET, HEAD")
      #expect(post.contentType.hasPrefix("application/problem+json"))

      let body = try await client.execute(
        uri: "/v1/substances", method: .get, headers: [.contentLength: "2"], body: ByteBuffer(string: "{}"))
      #expect(body.status == .contentTooLarge)
    }
  }

  /// No URL reaches the file system: a report id is a name in the rules, never a path.
  @Test func pathsNeverReachTheFileSystem() async throws {
    try await ServerFixture.withRouter { client in
      for uri in [
        "/v1/reports/..%2F..%2F..%2Fetc%2Fpasswd", "/v1/reports/%2Fetc%2Fpasswd", "/../Rules/jurisdictions/us.yaml",
        "/Rules/jurisdictions/us.yaml", "/v1/reports/us.yaml", "/v1/reports/jurisdictions%2Fus.yaml",
      ] {
        let response = try await client.get(uri)
        #expect(response.status == .notFound, "\(uri)")
        #expect(!response.text.contains("root:"), "\(uri)")
        #expect(!response.text.contains("timeline:"), "\(uri)")
      }
    }
  }

  @Test func pagesSayTheProblemOnAPage() async throws {
    try await ServerFixture.withRouter { client in
      let unknown = try await client.get("/answer?substance=psilocybn&jurisdiction=oregon&activity=medical")
      #expect(unknown.status == .notFound)
      #expect(unknown.contentType.hasPrefix("text/html"))
      #expect(unknown.text.contains("Did you mean"))
      #expect(
        unknown.text.contains(
          "<a href=\"/answer?substance=Psilocybin&amp;jurisdiction=oregon&amp;activity=medical\">Psilocybin</a>")
          || unknown.text.contains("substance=psilocybin&amp;jurisdiction=oregon"))
      let bad = try await client.get("/answer?substance=mdma&jurisdiction=us&on=someday")
      #expect(bad.status == .badRequest)
      #expect(bad.contentType.hasPrefix("text/html"))
      let map = try await client.get("/map?substance=mdmx")
      #expect(map.status == .notFound)
      #expect(map.contentType.hasPrefix("text/html"))
      let malformed = try await client.get("/map?activity=nope")
      #expect(malformed.status == .badRequest)
      #expect(malformed.contentType.hasPrefix("text/html"))
    }
  }
}
