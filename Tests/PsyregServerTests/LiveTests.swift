import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PsyregCore
import Testing

@testable import PsyregServer

/// Over a real socket: a server on a free loopback port.
@Suite struct LiveTests {
  @Test func answersOverARealSocket() async throws {
    let app = ServerFixture.shipped.makeApplication(host: "127.0.0.1", port: 0)
    try await app.test(.live) { client in
      #expect(client.port != nil && client.port != 0)
      let response = try await client.get(
        "/v1/ask?substance=psilocybin&jurisdiction=Oregon&activity=supervised-use&on=2024-06-01",
        headers: [.acceptEncoding: "gzip"])
      #expect(response.status == .ok)
      #expect(response.ruleSet == ServerFixture.shipped.store.snapshot.identity.sha256)
      #expect(response.headers[.contentEncoding] == "gzip")
      let page = try await client.get("/map?substance=psilocybin&activity=supervised-use")
      #expect(page.status == .ok)
      #expect(page.text.contains("class=\"tiles us\""))
      let missing = try await client.get("/nothing/here")
      #expect(missing.status == .notFound)
      #expect(missing.contentType.hasPrefix("application/problem+json"))
    }
  }

  /// The port the server reports is the one it listens on, on loopback.
  @Test func reportsItsPort() async throws {
    let box = PortBox()
    let app = ServerFixture.shipped.makeApplication(host: "127.0.0.1", port: 0) { port in await box.set(port) }
    try await app.test(.live) { client in
      let port = await box.port
      #expect(port == client.port)
    }
  }
}

actor PortBox {
  var port: Int?
  func set(_ port: Int) { self.port = port }
}
