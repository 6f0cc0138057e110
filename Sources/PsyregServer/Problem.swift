import PsyregCore
import PsyregRender

/// An RFC 9457 problem document (`application/problem+json`): what was wrong with a request.
/// Every refusal of the server is one of these (or, for pages, an HTML page saying the same).
struct Problem: Error, Sendable {
  var status: Int
  /// A slug; the document's `type` is `/problems/<slug>`.
  var slug: String
  var title: String
  var detail: String
  var parameter: String?
  var extra: [(String, JSON)] = []

  static func badRequest(
    _ slug: String, _ title: String, _ detail: String, parameter: String? = nil, extra: [(String, JSON)] = []
  ) -> Problem {
    Problem(status: 400, slug: slug, title: title, detail: detail, parameter: parameter, extra: extra)
  }

  static func notFound(
    _ slug: String, _ title: String, _ detail: String, parameter: String? = nil, extra: [(String, JSON)] = []
  )
    -> Problem
  {
    Problem(status: 404, slug: slug, title: title, detail: detail, parameter: parameter, extra: extra)
  }

  /// An unknown or ambiguous name: 404 with the nearest known names, or 400 with the candidates.
  static func question(_ error: RuleBook.QuestionError, parameter: String) -> Problem {
    switch error {
    case .unknownSubstance(let name, let suggestions), .unknownJurisdiction(let name, let suggestions):
      let what = parameter == "substance" ? "substance" : "jurisdiction"
      return .notFound(
        "unknown-\(what)", "No \(what) has this name",
        "No \(what) is called '\(clip(name))'."
          + (suggestions.isEmpty ? "" : " Did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"),
        parameter: parameter, extra: [("suggestions", .array(suggestions.map { .string($0) }))])
    case .ambiguous(let name, let candidates):
      return .badRequest(
        "ambiguous-name", "The name is ambiguous",
        "'\(clip(name))' may mean \(candidates.joined(separator: " or ")); give the id.", parameter: parameter,
        extra: [("candidates", .array(candidates.map { .string($0) }))])
    }
  }

  /// The reason phrase of the status.
  var reason: String {
    switch status {
    case 400: "Bad Request"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 413: "Content Too Large"
    case 414: "URI Too Long"
    default: "Error"
    }
  }

  /// The problem document.
  func json(instance: String) -> JSON {
    var pairs: [(String, JSON)] = [
      ("type", .string("/problems/\(slug)")),
      ("title", .string(title)),
      ("status", .number(status)),
      ("detail", .string(detail)),
      ("instance", .string(Self.clip(instance, 200))),
    ]
    if let parameter { pairs.append(("parameter", .string(parameter))) }
    return .object(pairs + extra)
  }

  /// A value quoted back in a message, cut short.
  static func clip(_ s: String, _ limit: Int = 80) -> String {
    s.count <= limit ? s : String(s.prefix(limit)) + "…"
  }
}
