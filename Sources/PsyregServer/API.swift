import PsyregCore
import PsyregRender

/// The JSON endpoints: the command line's JSON contract (`--format json`) over HTTP, each
/// answered from one snapshot.
struct API: Sendable {
  let snapshot: RuleSnapshot
  let query: Query
  let accept: String?
  /// The day answers default to (UTC), read once per request.
  let today = CivilDate.todayUTC()

  var book: RuleBook { snapshot.book }

  /// `format=html`, or no `format` and an `Accept` that names HTML before JSON.
  var prefersHTML: Bool {
    if let format = query["format"] { return format.lowercased() == "html" }
    guard let accept = accept?.lowercased() else { return false }
    return accept.contains("text/html") && !accept.hasPrefix("application/json")
  }

  // MARK: Names

  func substance(_ name: String) throws(Problem) -> Substance {
    do { return try book.resolveSubstance(name) } catch { throw Problem.question(error, parameter: "substance") }
  }

  func jurisdiction(_ name: String, parameter: String = "jurisdiction") throws(Problem) -> Jurisdiction {
    do { return try book.resolveJurisdiction(name) } catch { throw Problem.question(error, parameter: parameter) }
  }

  // MARK: Endpoints

  /// `/v1/ask`: one activity's answer as an object, or every activity's as an array.
  func ask() throws(Problem) -> Reply {
    let question = try askedQuestion()
    if let activity = question.activity {
      let answer = book.answer(
        Question(
          substance: question.substance.id, jurisdiction: question.jurisdiction.id, activity: activity,
          date: question.date, facts: question.facts))
      return .json(AnswerJSONRenderer().render(answer))
    }
    return .json(AnswerJSONRenderer().render(answers(question)))
  }

  struct Asked {
    var substance: Substance
    var jurisdiction: Jurisdiction
    var activity: Activity?
    var date: CivilDate
    var facts: Facts
  }

  /// The question of `/v1/ask` and `/answer`; malformed parts (400) before unknown names (404).
  func askedQuestion() throws(Problem) -> Asked {
    let substanceName = try query.required("substance")
    let jurisdictionName = try query.required("jurisdiction")
    let activity = try query.activity()
    let date = try query.date("on") ?? today
    let facts = try query.facts()
    return Asked(
      substance: try substance(substanceName), jurisdiction: try jurisdiction(jurisdictionName), activity: activity,
      date: date, facts: facts)
  }

  func answers(_ q: Asked) -> [Answer] {
    Activity.allCases.map {
      book.answer(
        Question(substance: q.substance.id, jurisdiction: q.jurisdiction.id, activity: $0, date: q.date, facts: q.facts)
      )
    }
  }

  /// `/v1/timeline`: the dated history, filtered like `psyreg timeline`.
  func timeline() throws(Problem) -> Reply {
    let from = try query.date("from")
    let to = try query.date("to")
    var q = TimelineQuery(from: from, to: to)
    if let name = query["substance"] { q.substance = try substance(name).id }
    if let name = query["jurisdiction"] { q.jurisdiction = try jurisdiction(name).id }
    if let from, let to, to < from { return .json(TimelineJSONRenderer().render([])) }  // an empty range
    return .json(TimelineJSONRenderer().render(book.timeline(q)))
  }

  /// `/v1/substances`, `/v1/jurisdictions`: `psyreg list … --format json`.
  func listing(_ listing: Listing) -> Reply {
    .json(ListJSONRenderer().render(listing, of: book, on: today))
  }

  /// `/v1/coverage`: `psyreg list coverage --format json`, for `on` (default today).
  func coverage() throws(Problem) -> Reply {
    .json(ListJSONRenderer().render(.coverage, of: book, on: try query.date("on") ?? today))
  }

  /// `/v1/matrix`: jurisdictions × substances for one activity, JSON or HTML.
  func matrix() throws(Problem) -> Reply {
    let format = try reportFormat()
    let activity = try query.activity() ?? .possession
    let date = try query.date("on") ?? today
    let matrix = MatrixReport(book: book, activity: activity, date: date, ruleSet: snapshot.identity)
    return reply(format.renderer.render(matrix), format)
  }

  /// `/v1/reports/{jurisdiction}`: the report of `psyreg report`, JSON or HTML.
  func report(_ name: String) throws(Problem) -> Reply {
    let format = try reportFormat()
    let activity = try query.activity() ?? .possession
    let date = try query.date("on") ?? today
    let j = try jurisdiction(name)
    let report = JurisdictionReport(
      book: book, jurisdiction: j.id, date: date, bandActivity: activity, ruleSet: snapshot.identity)
    return reply(format.renderer.render(report), format)
  }

  func reportFormat() throws(Problem) -> ReportFormat {
    guard let text = query["format"] else { return prefersHTML ? .html : .json }
    guard let format = ReportFormat(rawValue: text.lowercased()), format != .markdown else {
      throw Problem.badRequest(
        "unknown-format", "The format is not one this endpoint writes",
        "'\(Problem.clip(text))' is not a format here; use json or html.", parameter: "format",
        extra: [("allowed", ["json", "html"])])
    }
    return format
  }

  func reply(_ text: String, _ format: ReportFormat) -> Reply {
    format == .html ? .html(text) : .json(text)
  }
}
