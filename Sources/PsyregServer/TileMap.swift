import PsyregCore
import PsyregRender

/// The tile-grid map: one square per US state and one per country, placed roughly where the
/// place is (the layout newsrooms use for election maps), coloured by the answer. No map data:
/// the layout is a table of grid positions.
enum TileMap {
  /// US states and DC: (postal code, column, row) on a 12 × 8 grid.
  static let us: [(String, Int, Int)] = [
    ("ak", 0, 0), ("me", 11, 0),
    ("wi", 6, 1), ("vt", 10, 1), ("nh", 11, 1),
    ("wa", 1, 2), ("id", 2, 2), ("mt", 3, 2), ("nd", 4, 2), ("mn", 5, 2), ("il", 6, 2), ("mi", 7, 2), ("ny", 9, 2),
    ("ma", 10, 2),
    ("or", 1, 3), ("nv", 2, 3), ("wy", 3, 3), ("sd", 4, 3), ("ia", 5, 3), ("in", 6, 3), ("oh", 7, 3), ("pa", 8, 3),
    ("nj", 9, 3), ("ct", 10, 3), ("ri", 11, 3),
    ("ca", 1, 4), ("ut", 2, 4), ("co", 3, 4), ("ne", 4, 4), ("mo", 5, 4), ("ky", 6, 4), ("wv", 7, 4), ("va", 8, 4),
    ("md", 9, 4), ("de", 10, 4),
    ("az", 2, 5), ("nm", 3, 5), ("ks", 4, 5), ("ar", 5, 5), ("tn", 6, 5), ("nc", 7, 5), ("sc", 8, 5), ("dc", 9, 5),
    ("ok", 4, 6), ("la", 5, 6), ("ms", 6, 6), ("al", 7, 6), ("ga", 8, 6),
    ("hi", 0, 7), ("tx", 4, 7), ("fl", 9, 7),
  ]

  /// Countries: (ISO 3166 alpha-2, column, row) on an 18 × 9 grid, the Americas on the left,
  /// Europe in the middle, Asia and Oceania on the right.
  static let world: [(String, Int, Int)] = [
    ("ca", 1, 0), ("us", 1, 1), ("mx", 1, 2), ("jm", 2, 2), ("cr", 1, 3), ("co", 2, 3), ("ec", 1, 4), ("br", 2, 4),
    ("pe", 1, 5), ("bo", 2, 5), ("cl", 1, 6), ("ar", 2, 6), ("uy", 3, 6),
    ("is", 5, 0), ("no", 7, 0), ("se", 8, 0), ("fi", 9, 0),
    ("ie", 5, 1), ("gb", 6, 1), ("dk", 7, 1), ("ee", 9, 1), ("ru", 10, 1),
    ("nl", 6, 2), ("de", 7, 2), ("pl", 8, 2), ("lv", 9, 2),
    ("be", 6, 3), ("cz", 7, 3), ("sk", 8, 3), ("lt", 9, 3), ("ua", 10, 3),
    ("fr", 5, 4), ("lu", 6, 4), ("ch", 7, 4), ("at", 8, 4), ("hu", 9, 4), ("ro", 10, 4),
    ("pt", 4, 5), ("es", 5, 5), ("it", 7, 5), ("si", 8, 5), ("hr", 9, 5), ("bg", 10, 5),
    ("mt", 7, 6), ("gr", 9, 6), ("tr", 10, 6), ("cy", 11, 6), ("il", 12, 6),
    ("za", 9, 8),
    ("cn", 14, 3), ("kr", 15, 3), ("jp", 16, 3),
    ("in", 13, 5), ("th", 14, 5), ("ph", 16, 5), ("sg", 14, 6),
    ("au", 15, 7), ("nz", 17, 8),
  ]

  struct Tile {
    var jurisdiction: Jurisdiction
    var label: String
    var column: Int
    var row: Int
    var answer: Answer
  }

  static func page(_ api: API) throws(Problem) -> Reply {
    let book = api.book
    let values = Pages.FormValues(
      substance: api.query["substance"], jurisdiction: nil, activity: api.query["activity"], on: api.query["on"])
    let activity = try api.query.activity() ?? .medical
    let date = try api.query.date("on") ?? api.today
    let view = try View(api.query["view"])
    var out = Pages.head("Where is it allowed? psyreg map", snapshot: api.snapshot)
    guard let name = values.substance else {
      out += "<h1>Where is it allowed?</h1>\n<p>Choose a substance and an activity.</p>\n"
      out += Pages.form(values, book: book, action: "/map", place: false)
      return .html(out + Pages.foot(api.snapshot))
    }
    let substance: Substance
    do {
      substance = try api.substance(name)
    } catch {
      out += Pages.form(values, book: book, action: "/map", place: false)
      out += "<h1>\(Pages.e(error.title))</h1>\n<p>\(Pages.e(error.detail))</p>\n"
      if case .array(let items)? = error.extra.first(where: { $0.0 == "suggestions" || $0.0 == "candidates" })?.1 {
        out += "<ul>\n"
        for case .string(let s) in items {
          out +=
            "<li><a href=\"\(Pages.link("/map", [("substance", s), ("activity", activity.rawValue), ("on", values.on)]))\">\(Pages.e(s))</a></li>\n"
        }
        out += "</ul>\n"
      }
      return .html(out + Pages.foot(api.snapshot), status: error.status)
    }
    func ask(_ j: Jurisdiction) -> Answer {
      book.answer(Question(substance: substance.id, jurisdiction: j.id, activity: activity, date: date))
    }
    var placed = Set<String>()
    func tiles(_ layout: [(String, Int, Int)], prefix: String) -> [Tile] {
      layout.compactMap { code, column, row in
        guard let j = book.jurisdictions[prefix + code] else { return nil }
        placed.insert(j.id)
        return Tile(jurisdiction: j, label: code.uppercased(), column: column, row: row, answer: ask(j))
      }
    }
    let usTiles = tiles(us, prefix: "us-")
    let worldTiles = tiles(world, prefix: "")
    let elsewhere = book.sortedJurisdictions.filter {
      !placed.contains($0.id) && ($0.kind == .national || $0.kind == .state || $0.kind == .city)
    }.map { Tile(jurisdiction: $0, label: $0.name, column: 0, row: 0, answer: ask($0)) }

    out += "<p class=\"kicker\">\(Pages.e(Pages.activityWords(activity))) · on \(date)</p>\n"
    out += "<h1>Where is \(Pages.e(substance.name)) allowed for \(Pages.e(Pages.activityWords(activity)))?</h1>\n"
    out += views(view, substance: substance.id, activity: activity, on: values.on)
    out += legend(view)
    out += "<style>" + placement() + "</style>\n"
    if !usTiles.isEmpty {
      out += "<h2 id=\"us\">United States, state by state</h2>\n"
      out += grid(usTiles, kind: "us", date: values.on, view: view)
    }
    out += "<h2 id=\"world\">Countries</h2>\n"
    out += grid(worldTiles, kind: "world", date: values.on, view: view)
    if !elsewhere.isEmpty {
      out += "<h2 id=\"elsewhere\">Provinces and cities</h2>\n<div class=\"elsewhere\">\n"
      for tile in elsewhere { out += tileLink(tile, date: values.on, placed: false, view: view) }
      out += "</div>\n"
    }
    out += textList(usTiles + worldTiles + elsewhere, date: values.on)
    out += "<h2 class=\"noprint\">Another map</h2>\n" + Pages.form(values, book: book, action: "/map", place: false)
    return .html(out + Pages.foot(api.snapshot))
  }

  /// Grid positions as classes (no inline styles).
  static func placement() -> String {
    var css = ""
    for c in 0..<18 { css += ".c\(c){grid-column:\(c + 1)}" }
    for r in 0..<9 { css += ".r\(r){grid-row:\(r + 1)}" }
    return css
  }

  /// What a tile's colour says: the answer (every binding layer, the strictest governing), or
  /// the place's own law alone.
  enum View: String {
    case answer, own

    init(_ text: String?) throws(Problem) {
      guard let text else {
        self = .answer
        return
      }
      guard let view = View(rawValue: text.lowercased()) else {
        throw Problem.badRequest(
          "unknown-view", "The view is not one the map draws",
          "'\(Problem.clip(text))' is not a view; use answer or own.", parameter: "view",
          extra: [("allowed", ["answer", "own"])])
      }
      self = view
    }
  }

  static func views(_ view: View, substance: String, activity: Activity, on: String?) -> String {
    func item(_ v: View, _ words: String) -> String {
      let href = Pages.link(
        "/map", [("substance", substance), ("activity", activity.rawValue), ("on", on), ("view", v.rawValue)])
      return "<a href=\"\(href)\"\(v == view ? " aria-current=\"page\"" : "")>\(words)</a>"
    }
    return "<p class=\"views noprint\">Colour by: " + item(.answer, "the answer (every layer of law)") + " · "
      + item(.own, "the place's own law only") + "</p>\n"
  }

  static func legend(_ view: View) -> String {
    var out = "<p class=\"legend\">"
    for verdict in Verdict.allCases {
      out +=
        "<span class=\"lkey\"><i class=\"t-\(verdict.rawValue)\" aria-hidden=\"true\"></i>\(Pages.e(Pages.verdictWords(verdict).0))</span>"
    }
    out += "<span class=\"lkey\"><i class=\"stripe\" aria-hidden=\"true\"></i>"
    out +=
      view == .answer
      ? "stripe and ≠: the place's own law says otherwise, but a stricter layer above it decides"
      : "stripe and ≠: the answer differs, because a stricter layer above the place decides"
    return out + "</span></p>\n"
  }

  static func grid(_ tiles: [Tile], kind: String, date: String?, view: View) -> String {
    var out = "<div class=\"tiles \(kind)\" role=\"list\">\n"
    for tile in tiles { out += tileLink(tile, date: date, placed: true, view: view) }
    return out + "</div>\n"
  }

  /// One tile: a link to the answer, coloured by the combined verdict, with a stripe in the
  /// colour of the place's own layer when that differs; its accessible name says both.
  static func tileLink(_ tile: Tile, date: String?, placed: Bool, view: View) -> String {
    let answer = tile.answer
    let ownVerdict = answer.layers.first?.verdict ?? .unknown
    let differs = ownVerdict != answer.verdict && ownVerdict != .unknown
    let (fill, stripe) = view == .answer ? (answer.verdict, ownVerdict) : (ownVerdict, answer.verdict)
    var words = "\(tile.jurisdiction.name): \(Pages.verdictWords(answer.verdict).0.lowercased())"
    if let sentence = answer.conflictSentence {
      words += " (\(sentence))"
    } else if view == .own && ownVerdict != answer.verdict {
      words += " (own law: \(ownVerdict.rawValue))"
    }
    let href = Pages.link(
      "/answer",
      [
        ("substance", answer.substance.id), ("jurisdiction", tile.jurisdiction.id),
        ("activity", answer.question.activity.rawValue), ("on", date),
      ])
    var out = "<a role=\"listitem\" class=\"tile t-\(fill.rawValue)"
    if placed { out += " c\(tile.column) r\(tile.row)" }
    out += "\" href=\"\(href)\" title=\"\(Pages.a(words))\" aria-label=\"\(Pages.a(words))\">"
    out += "<span aria-hidden=\"true\">\(Pages.e(tile.label))</span>"
    if differs {
      out += "<span class=\"ne\" aria-hidden=\"true\">≠</span><span class=\"own t-\(stripe.rawValue)\"></span>"
    }
    return out + "</a>\n"
  }

  /// The map in words: every place under its verdict, for screen readers, search and print.
  static func textList(_ tiles: [Tile], date: String?) -> String {
    var out = "<h2 id=\"list\">The map in words</h2>\n<ul class=\"byverdict\">\n"
    for verdict in Verdict.allCases {
      let here = tiles.filter { $0.answer.verdict == verdict }.sorted { $0.jurisdiction.name < $1.jurisdiction.name }
      guard !here.isEmpty else { continue }
      out += "<li><strong>\(Pages.e(Pages.verdictWords(verdict).0))</strong> (\(here.count)): "
      out += here.map { tile in
        var item =
          "<a href=\"\(Pages.link("/answer", [("substance", tile.answer.substance.id), ("jurisdiction", tile.jurisdiction.id), ("activity", tile.answer.question.activity.rawValue), ("on", date)]))\">\(Pages.e(tile.jurisdiction.name))</a>"
        if let own = tile.answer.layers.first, own.verdict != verdict, own.verdict != .unknown {
          item += " (own law: \(Pages.e(own.verdict.rawValue)))"
        }
        return item
      }.joined(separator: ", ")
      out += "</li>\n"
    }
    return out + "</ul>\n"
  }
}

extension Pages {
  static func map(_ api: API) throws(Problem) -> Reply { try TileMap.page(api) }
}
