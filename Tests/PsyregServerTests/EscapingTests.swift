import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PsyregCore
import Testing

@testable import PsyregServer

/// The hostile strings of the reports' tests, through every page; and hostile input echoed back.
@Suite struct EscapingTests {
  /// ReportHTMLTests' hostile rule files (the loader refuses a javascript: source, so it is left out).
  static let hostile: [String: String] = [
    "s/x.yaml": "id: x\nname: \"X <img src=x onerror=alert(1)>\"\nkind: compound\naliases: [\"a&b\"]\n",
    "j/zz.yaml": """
    id: zz
    name: Zed "land" <b>
    kind: national
    timeline:
      - date: 2000-01-01
        kind: scheduled
        substances: [x]
        title: <script>alert("pwned")</script>
        instrument: Act </td></tr></table> & 'quoted'
        sources: [https://example.org/a?b=1&c=<2>]
        confidence: uncertain
        status: <i>Schedule</i>
        verdicts:
          default: prohibited
          medical: {verdict: conditional, conditions: ["<u>a licence</u> & \\"more\\""]}
        note: <style>body{display:none}</style>

    """,
    "j/us-zz.yaml": """
    id: us-zz
    name: "Zz <svg onload=alert(2)>"
    kind: state
    parent: zz

    """,
  ]

  static let pages = [
    "/",
    "/answer?substance=x&jurisdiction=zz&activity=medical&on=2024-06-01",
    "/answer?substance=x&jurisdiction=us-zz&activity=possession&on=2024-06-01",
    "/answer?substance=x&jurisdiction=zz&on=2024-06-01",
    "/map?substance=x&activity=medical&on=2024-06-01",
    "/v1/reports/zz?format=html&on=2024-06-01",
    "/v1/matrix?format=html&on=2024-06-01",
  ]

  static func check(_ html: String, _ uri: String) {
    for raw in [
      "<script", "<img", "<b>", "<i>Schedule", "<style>body", "<u>", "<svg onload", "</td></tr></table> &",
      "onerror=alert(1)>", "javascript:",
    ] {
      #expect(!html.contains(raw), "\(uri) contains \(raw)")
    }
    #expect(!html.contains("href=\"https://example.org/a?b=1&c=<2>"), "\(uri)")
  }

  @Test func everyPageEscapesTheRules() async throws {
    let root = ServerFixture.folder(Self.hostile)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let server = ServerFixture.server(try RuleStore(root: root))
    try await ServerFixture.withRouter(server) { client in
      for uri in Self.pages {
        let response = try await client.get(uri)
        #expect(response.status == .ok, "\(uri)")
        Self.check(response.text, uri)
        #expect(response.headers[PsyregServerHeaders.csp]?.contains("default-src 'none'") == true, "\(uri)")
      }
      let answer = try await client.get(Self.pages[1])
      #expect(answer.text.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"))
      #expect(answer.text.contains("X &lt;img src=x onerror=alert(1)&gt;"))
      #expect(answer.text.contains("&lt;u&gt;a licence&lt;/u&gt; &amp; &quot;more&quot;"))
      let map = try await client.get(Self.pages[4])
      #expect(map.text.contains("Zed &quot;land&quot; &lt;b&gt;"))
    }
  }

  @Test func hostileInputIsEscapedWhereItIsEchoed() async throws {
    try await ServerFixture.withRouter { client in
      let evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%3E"
      for uri in [
        "/answer?substance=\(evil)&jurisdiction=\(evil)&on=\(evil)",
        "/answer?substance=\(evil)&jurisdiction=us",
        "/answer?substance=mdma&jurisdiction=\(evil)",
        "/map?substance=\(evil)",
        "/map?substance=mdma&on=\(evil)",
      ] {
        let response = try await client.get(uri)
        #expect(response.status == .notFound || response.status == .badRequest, "\(uri)")
        Self.check(response.text, uri)
        #expect(!response.text.contains("\"'>"), "\(uri)")
      }
      // And in problem documents, as JSON strings.
      let json = try await client.get("/v1/ask?substance=\(evil)&jurisdiction=us")
      #expect(json.object["detail"] as? String == "No substance is called '<script>alert(1)</script>\"'>'.")
    }
  }
}

enum PsyregServerHeaders {
  static let csp = HTTPField.Name("Content-Security-Policy")!
}
