import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PsyregCore
import Testing

@testable import PsyregServer

/// What the pages say: the answer as `ask` explains it, the map and its words, the form.
@Suite struct PageTests {
  @Test func theAnswerPageExplains() async throws {
    try await ServerFixture.withRouter { client in
      let page = try await client.get(
        "/answer?substance=psilocybin&jurisdiction=Oregon&activity=supervised-use&on=2024-06-01")
      let html = page.text
      #expect(html.contains("<p class=\"verdict v-prohibited\">Prohibited<small>"))
      #expect(html.contains("The layers of law disagree."))
      #expect(html.contains("lawful on conditions under Oregon law; still prohibited under United States law"))
      #expect(html.contains("<h3>Oregon <span class=\"id\">us-or · state</span> <span class=\"v v-conditional\">"))
      #expect(html.contains("<h3>United States <span class=\"id\">us · national</span>"))
      #expect(html.contains("<dt>Conditions</dt>"))
      #expect(html.contains("<dt>Sources</dt><dd><ul><li><a href=\"https://"))
      #expect(html.contains("rel=\"noopener noreferrer\""))
      #expect(html.contains("<dt>Rule</dt><dd><code>") && html.contains("jurisdictions/us-or.yaml:"))
      #expect(html.contains("href=\"/v1/reports/us-or?format=html\""))
      // No script, nothing fetched.
      #expect(!html.contains("<script"))
      #expect(!html.contains(" src="))
      #expect(page.headers[PsyregServerHeaders.csp]?.hasPrefix("default-src 'none'") == true)
    }
  }

  @Test func everyActivityIsATableLinkingToEachAnswer() async throws {
    try await ServerFixture.withRouter { client in
      let html = try await client.get("/answer?substance=mdma&jurisdiction=au&on=2024-06-01").text
      for activity in Activity.allCases {
        #expect(html.contains("activity=\(activity.rawValue)&amp;on=2024-06-01\">"), "\(activity)")
      }
    }
  }

  @Test func theSearchPageSuggestsNames() async throws {
    try await ServerFixture.withRouter { client in
      let html = try await client.get("/").text
      #expect(html.contains("<input id=\"substance\" name=\"substance\" list=\"substances\""))
      #expect(html.contains("<datalist id=\"substances\"><option value=\""))
      #expect(html.contains("<option value=\"Oregon\">us-or · state</option>"))
      #expect(html.contains("<form class=\"ask\" action=\"/map\" method=\"get\""))
    }
  }

  @Test func theMapHasATilePerStateAndCountryAndSaysItInWords() async throws {
    try await ServerFixture.withRouter { client in
      let html = try await client.get("/map?substance=psilocybin&activity=supervised-use&on=2024-06-01").text
      // 50 states and DC, each a link with an accessible name.
      let usGrid = html.components(separatedBy: "class=\"tiles us\"")[1].components(separatedBy: "</div>")[0]
      #expect(usGrid.components(separatedBy: "role=\"listitem\"").count - 1 == 51)
      #expect(
        html.contains(
          "aria-label=\"Oregon: prohibited (lawful on conditions under Oregon law; still prohibited under United States law)\""
        ))
      #expect(
        html.contains("<span class=\"ne\" aria-hidden=\"true\">≠</span><span class=\"own t-conditional\"></span>"))
      #expect(html.contains("class=\"tiles world\""))
      #expect(html.contains("<h2 id=\"list\">The map in words</h2>"))
      #expect(html.contains("<p class=\"legend\">"))
      let own = try await client.get("/map?substance=psilocybin&activity=supervised-use&on=2024-06-01&view=own").text
      #expect(own.contains("class=\"tile t-conditional c1 r3\""))  // Oregon by its own law
      let bad = try await client.get("/map?substance=psilocybin&view=sideways")
      #expect(bad.status == .badRequest)
    }
  }
}
