import PsyregCore
import PsyregRender

/// The pages for people: the search form, the answer as `psyreg ask` explains it, and the
/// tile-grid map. Server-rendered HTML with inline CSS and no script; every string from the
/// rules or the request goes through `XMLEscaper`, and every link the page builds is
/// percent-encoded.
enum Pages {
  /// Styles inline only; nothing is fetched; forms post back to this server only.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

  static func e(_ s: String) -> String { XMLEscaper.text(s) }
  static func a(_ s: String) -> String { XMLEscaper.attribute(s) }

  /// A link to this server: the path and the query, each value percent-encoded.
  static func link(_ path: String, _ items: [(String, String?)]) -> String {
    let query = items.compactMap { name, value in value.map { "\(name)=\(percent($0))" } }.joined(separator: "&")
    return a(query.isEmpty ? path : path + "?" + query)
  }

  /// Every byte but the unreserved ones percent-encoded.
  static func percent(_ s: String) -> String {
    var out = ""
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }

  // MARK: Frame

  static let css = """
    header.site { background: #1b1b1b; color: #fff; }
    header.site div { max-width: 72rem; margin: 0 auto; padding: .6rem 1.25rem; display: flex; flex-wrap: wrap;
      gap: .4rem 1.2rem; align-items: baseline; }
    header.site a { color: #fff; text-decoration: none; }
    header.site a.brand { font-weight: 700; font-size: 1.1rem; }
    header.site nav { display: flex; gap: 1rem; font-size: .9rem; }
    form.ask { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .8rem 1rem;
      align-items: end; background: #f4f4f4; border: 1px solid var(--rule); border-radius: .5rem; padding: 1rem;
      margin: 0 0 1.4rem; }
    form.ask label { display: block; font-weight: 600; font-size: .9rem; margin-bottom: .2rem; }
    form.ask .hint { display: block; font-weight: normal; color: var(--muted); font-size: .8rem; }
    form.ask input, form.ask select { width: 100%; font: inherit; padding: .45rem .5rem; border: 1px solid #8a8a8a;
      border-radius: .3rem; background: #fff; min-height: 2.6rem; }
    form.ask button { font: inherit; font-weight: 600; padding: .55rem 1.2rem; border: 0; border-radius: .3rem;
      background: #0b57a4; color: #fff; min-height: 2.6rem; cursor: pointer; }
    form.ask button:focus-visible, form.ask input:focus-visible, form.ask select:focus-visible { outline: 3px solid #f2b600; }
    .verdict { font-size: 1.6rem; font-weight: 700; margin: .8rem 0 .3rem; padding: .6rem .9rem; border-radius: .4rem;
      border-left: .5rem solid; }
    .verdict.v-allowed { border-color: var(--allowed); } .verdict.v-conditional { border-color: var(--conditional); }
    .verdict.v-decriminalized { border-color: var(--decriminalized); }
    .verdict.v-prohibited { border-color: var(--prohibited); } .verdict.v-unknown { border-color: var(--unknown); }
    .verdict small { display: block; font-size: 1rem; font-weight: normal; }
    .conflict { border: 2px solid #e08a00; background: #fff6e5; padding: .6rem .9rem; border-radius: .4rem; }
    section.layer { border: 1px solid var(--rule); border-radius: .5rem; padding: .2rem 1rem .8rem; margin: 1rem 0; }
    section.layer h3 { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
    section.layer dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .4rem 0 0; }
    section.layer dt { font-weight: 600; color: var(--muted); }
    section.layer dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
    section.layer ul { margin: 0; padding-left: 1.1rem; }
    .examples li { margin: .25rem 0; }
    .tiles { display: grid; gap: 3px; margin: .6rem 0 1.2rem; max-width: 56rem; }
    .tiles.us { grid-template-columns: repeat(12, minmax(0, 1fr)); max-width: 42rem; }
    .tiles.world { grid-template-columns: repeat(18, minmax(0, 1fr)); max-width: 60rem; }
    .tile { aspect-ratio: 1; display: flex; flex-direction: column; justify-content: center; align-items: center;
      text-decoration: none; font-weight: 700; font-size: clamp(.55rem, 1.6vw, .95rem); border-radius: 2px;
      position: relative; overflow: hidden; line-height: 1; }
    .tile:focus-visible { outline: 3px solid #f2b600; outline-offset: 1px; z-index: 2; }
    .tile .own { position: absolute; left: 0; right: 0; bottom: 0; height: 26%; border-top: 1px solid #fff; }
    .tile .ne { font-size: .75em; }
    .t-allowed { background: var(--allowed); color: #fff; }
    .t-conditional { background: var(--conditional); color: #fff; }
    .t-decriminalized { background: var(--decriminalized); color: #fff; }
    .t-prohibited { background: var(--prohibited); color: #fff; }
    .t-unknown { background: #d4d4d4; color: #1b1b1b; }
    .lkey { display: inline-flex; align-items: center; gap: .3rem; margin-right: .8rem; font-size: .85rem; }
    .lkey i { display: inline-block; flex: none; width: 1rem; height: 1rem; border-radius: 2px; }
    .lkey i.stripe { background: linear-gradient(#d4d4d4 70%, var(--conditional) 70%); }
    p.views { font-size: .9rem; }
    p.views a[aria-current] { font-weight: 700; color: var(--ink); text-decoration: none; }
    ul.places { columns: 16rem; padding-left: 1.1rem; font-size: .9rem; }
    ul.byverdict { list-style: none; padding: 0; }
    ul.byverdict > li { margin: .5rem 0; }
    .elsewhere { display: flex; flex-wrap: wrap; gap: 3px; }
    .elsewhere .tile { aspect-ratio: auto; padding: .35rem .5rem; font-size: .85rem; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media (max-width: 640px) {
      .verdict { font-size: 1.3rem; }
      section.layer dl { grid-template-columns: 1fr; }
      section.layer dd { margin-bottom: .3rem; }
      .tiles { gap: 2px; }
      .tile .ne { display: none; }
    }
    @media print {
      header.site nav, form.ask, .noprint { display: none; }
      header.site { background: none; color: #000; }
      header.site a { color: #000; }
      section.layer { break-inside: avoid; }
      .tiles { max-width: none; break-inside: avoid; }
      h2 { break-after: avoid; }
    }

    """

  static func head(_ title: String, snapshot: RuleSnapshot) -> String {
    HTMLReportRenderer.document(
      title: title, css: css,
      bodyStart: """
        <header class="site"><div><a class="brand" href="/">psyreg</a><nav aria-label="Site">\
        <a href="/">Search</a><a href="/map">Map</a><a href="/v1/matrix?format=html">Matrix</a>\
        <a href="/openapi.json">API</a></nav></div></header>

        """)
  }

  static func foot(_ snapshot: RuleSnapshot) -> String {
    "<footer><p><strong>Not legal advice.</strong> \(e(JurisdictionReport.disclaimerBody)) Answers from rule set "
      + "<code class=\"hash\">sha256:\(e(snapshot.identity.short))</code> (\(ReportWords.ruleFiles(snapshot.identity.fileCount)); "
      + "<a href=\"/v1/status\">status</a>).</p></footer>\n</main>\n</body>\n</html>\n"
  }

  // MARK: Search

  struct FormValues {
    var substance: String?
    var jurisdiction: String?
    var activity: String?
    var on: String?
  }

  static func form(
    _ values: FormValues, book: RuleBook, action: String = "/answer", place: Bool = true, prefix: String = "",
    lists: Bool = true
  ) -> String {
    var out = "<form class=\"ask\" action=\"\(action)\" method=\"get\" role=\"search\">\n"
    out +=
      "<div><label for=\"\(prefix)substance\">Substance <span class=\"hint\">a name as you know it: psilocybin, ecstasy</span></label>"
      + "<input id=\"\(prefix)substance\" name=\"substance\" list=\"substances\" required autocomplete=\"off\" autocapitalize=\"none\""
      + " spellcheck=\"false\" value=\"\(a(values.substance ?? ""))\"></div>\n"
    if place {
      out +=
        "<div><label for=\"\(prefix)jurisdiction\">Place <span class=\"hint\">a country, state or city: Oregon, Australia</span></label>"
        + "<input id=\"\(prefix)jurisdiction\" name=\"jurisdiction\" list=\"places\" required autocomplete=\"off\""
        + " spellcheck=\"false\" value=\"\(a(values.jurisdiction ?? ""))\"></div>\n"
    }
    out +=
      "<div><label for=\"\(prefix)activity\">Activity <span class=\"hint\">what you want to do</span></label><select id=\"\(prefix)activity\" name=\"activity\">"
    if place {
      out += "<option value=\"\"\(values.activity == nil ? " selected" : "")>every activity</option>"
    }
    for activity in Activity.allCases {
      let selected =
        values.activity?.lowercased() == activity.rawValue || (!place && values.activity == nil && activity == .medical)
      out +=
        "<option value=\"\(activity.rawValue)\"\(selected ? " selected" : "")>\(activityWords(activity))</option>"
    }
    out += "</select></div>\n"
    out +=
      "<div><label for=\"\(prefix)on\">Date <span class=\"hint\">empty: today</span></label>"
      + "<input id=\"\(prefix)on\" name=\"on\" type=\"date\" value=\"\(a(values.on ?? ""))\"></div>\n"
    out += "<div><button type=\"submit\">\(place ? "Ask" : "Show the map")</button></div>\n</form>\n"
    if lists { out += datalists(book) }
    return out
  }

  /// The names people type, offered as they type (no script: the browser's own `<datalist>`).
  static func datalists(_ book: RuleBook) -> String {
    var out = "<datalist id=\"substances\">"
    for s in book.sortedSubstances {
      out += "<option value=\"\(a(s.name))\">\(e(s.id))</option>"
    }
    out += "</datalist>\n<datalist id=\"places\">"
    for j in book.sortedJurisdictions where j.kind != .international {
      out += "<option value=\"\(a(j.name))\">\(e(j.id)) · \(e(j.kind.rawValue))</option>"
    }
    return out + "</datalist>\n"
  }

  static func search(_ api: API) -> String {
    let book = api.book
    var out = head("psyreg — is this psychedelic medicine allowed here?", snapshot: api.snapshot)
    out += "<h1>Is this psychedelic medicine allowed here?</h1>\n"
    out +=
      "<p>Ask about a substance in a place, for what you want to do, on a day. The answer says who decides: "
      + "city, state and national law, layer by layer, with the conditions and the sources.</p>\n"
    out += form(FormValues(), book: book)
    out += "<h2>For example</h2>\n<ul class=\"examples\">\n"
    let examples: [(String, String, String?, String, String)] = [
      ("psilocybin", "Oregon", "supervised-use", "Psilocybin at an Oregon service centre", "2024-06-01"),
      ("mdma", "Australia", "medical", "MDMA prescribed for PTSD in Australia", "2024-06-01"),
      ("esketamine", "United States", "medical", "Esketamine as a medicine in the United States", "2024-06-01"),
      ("psilocybin", "Netherlands", nil, "Psilocybin in the Netherlands, every activity", "2024-06-01"),
    ]
    for (s, j, activity, words, date) in examples
    where book.substanceNames.resolve(s).count == 1 && book.jurisdictionNames.resolve(j).count == 1 {
      out +=
        "<li><a href=\"\(link("/answer", [("substance", s), ("jurisdiction", j), ("activity", activity), ("on", date)]))\">\(e(words))</a></li>\n"
    }
    out += "</ul>\n<h2>Where is it allowed?</h2>\n"
    out += "<p>The map shows one substance and one activity in every US state and every country.</p>\n"
    out += form(FormValues(), book: book, action: "/map", place: false, prefix: "m-", lists: false)
    out += "<h2>Reports</h2>\n<ul class=\"places\">\n"
    for j in book.sortedJurisdictions {
      out +=
        "<li><a href=\"/v1/reports/\(a(percent(j.id)))?format=html\">\(e(j.name))</a> <span class=\"id\">\(e(j.id))</span></li>\n"
    }
    out += "</ul>\n"
    return out + foot(api.snapshot)
  }

  // MARK: Answer

  static func verdictWords(_ v: Verdict) -> (String, String) {
    switch v {
    case .allowed: ("Allowed", "Lawful, with no special conditions.")
    case .conditional: ("Allowed on conditions", "Lawful only when every condition below is met.")
    case .decriminalized:
      ("Decriminalized", "Still unlawful, but a civil or lowest-priority matter rather than a crime.")
    case .prohibited: ("Prohibited", "Unlawful.")
    case .unknown: ("Unknown", "No rule in the data covers this: unknown for want of data, not by law.")
    }
  }

  static func activityWords(_ a: Activity) -> String {
    switch a {
    case .possession: "possession and personal use"
    case .supply: "supply: making, growing, selling"
    case .medical: "medical treatment"
    case .research: "research and clinical trials"
    case .supervisedUse: "supervised adult use"
    case .religious: "religious use"
    }
  }

  static func chip(_ v: Verdict) -> String { "<span class=\"v v-\(v.rawValue)\">\(v.rawValue)</span>" }

  static func answer(_ api: API) throws(Problem) -> Reply {
    let values = FormValues(
      substance: api.query["substance"], jurisdiction: api.query["jurisdiction"], activity: api.query["activity"],
      on: api.query["on"])
    if values.substance == nil || values.jurisdiction == nil {
      // Half a question: the form again, filled in as far as it was, saying what is missing.
      _ = try api.query.activity()
      _ = try api.query.date("on")
      _ = try api.query.facts()
      if values.substance == nil && values.jurisdiction == nil { return .html(search(api)) }
      var out = head("psyreg — ask", snapshot: api.snapshot) + form(values, book: api.book)
      out += "<p>Give a \(values.substance == nil ? "substance" : "place") as well.</p>\n"
      return .html(out + foot(api.snapshot))
    }
    let asked: API.Asked
    do {
      asked = try api.askedQuestion()
    } catch {
      return .html(problemPage(error, values: values, api: api), status: error.status)
    }
    var out = ""
    if let activity = asked.activity {
      let answer = api.book.answer(
        Question(
          substance: asked.substance.id, jurisdiction: asked.jurisdiction.id, activity: activity, date: asked.date,
          facts: asked.facts))
      out += head(
        "\(asked.substance.name) in \(asked.jurisdiction.name): \(verdictWords(answer.verdict).0)",
        snapshot: api.snapshot)
      out += one(answer)
    } else {
      out += head("\(asked.substance.name) in \(asked.jurisdiction.name), every activity", snapshot: api.snapshot)
      out += all(api.answers(asked), on: values.on)
    }
    // The answer first (on a phone the form would push it below the fold), then the form again.
    out += "<h2 class=\"noprint\">Ask another question</h2>\n" + form(values, book: api.book)
    return .html(out + foot(api.snapshot))
  }

  static func one(_ answer: Answer) -> String {
    let q = answer.question
    var out = "<p class=\"kicker\">\(e(activityWords(q.activity))) · on \(q.date)</p>\n"
    out +=
      "<h1>\(e(answer.substance.name)) in \(e(answer.jurisdiction.name)) <span class=\"id\">\(e(answer.substance.id)) · \(e(answer.jurisdiction.id))</span></h1>\n"
    let (words, explanation) = verdictWords(answer.verdict)
    out +=
      "<p class=\"verdict v-\(answer.verdict.rawValue)\">\(e(words))<small>\(e(explanation))</small></p>\n"
    if let conflict = answer.conflictSentence {
      out +=
        "<p class=\"conflict\"><strong>The layers of law disagree.</strong> It is \(e(conflict)). "
        + "The strictest binding layer decides the answer.</p>\n"
    }
    if !answer.conditions.isEmpty {
      out += "<h2>Allowed only if</h2>\n<ul>\n"
      for c in answer.conditions { out += "<li>\(e(c.text))</li>\n" }
      out += "</ul>\n"
    }
    if answer.isUncertain {
      out +=
        "<p class=\"disclaimer\">Not every source behind this answer is certain: see the confidence of each layer.</p>\n"
    }
    out += "<h2>Layer by layer</h2>\n"
    for layer in answer.layers { out += layerSection(layer) }
    if !answer.beside.isEmpty {
      out +=
        "<h2>Beside the answer</h2>\n<p class=\"muted\">Treaties and unions bind states, not people: shown for information, never folded into the verdict.</p>\n"
      for layer in answer.beside { out += layerSection(layer) }
    }
    out += "<p class=\"noprint\">"
    out +=
      "<a href=\"/v1/reports/\(a(percent(answer.jurisdiction.id)))?format=html\">\(e(answer.jurisdiction.name)): the full report</a> · "
    out +=
      "<a href=\"\(link("/map", [("substance", answer.substance.id), ("activity", q.activity.rawValue), ("on", q.date.description)]))\">Map: \(e(answer.substance.name)), \(e(q.activity.rawValue))</a> · "
    out +=
      "<a href=\"\(link("/v1/ask", [("substance", answer.substance.id), ("jurisdiction", answer.jurisdiction.id), ("activity", q.activity.rawValue), ("on", q.date.description)]))\">JSON</a></p>\n"
    return out
  }

  static func layerSection(_ layer: LayerAnswer) -> String {
    let j = layer.jurisdiction
    var out =
      "<section class=\"layer\">\n<h3>\(e(j.name)) <span class=\"id\">\(e(j.id)) · \(e(j.kind.rawValue))</span> "
    out += chip(layer.verdict) + "</h3>\n"
    guard let entry = layer.governing else {
      return out
        + "<p>No rule recorded: nothing in the data covers this, so the answer here is unknown for want of data.</p>\n</section>\n"
    }
    out += "<dl>\n"
    if let status = layer.status { out += "<dt>Status</dt><dd>\(e(status))</dd>\n" }
    if let date = entry.date {
      out +=
        "<dt>Since</dt><dd><span class=\"date\">\((layer.since ?? date).description)</span>: \(e(entry.title))</dd>\n"
    } else {
      out += "<dt>Since</dt><dd>before the first dated entry: \(e(entry.status ?? entry.title))</dd>\n"
    }
    if let origin = originWords(layer) { out += "<dt>Through</dt><dd>\(e(origin))</dd>\n" }
    if !layer.conditions.isEmpty {
      out += "<dt>Conditions</dt><dd><ul>" + layer.conditions.map { "<li>\(e($0.text))</li>" }.joined() + "</ul></dd>\n"
    }
    if !layer.unmet.isEmpty {
      out += "<dt>Not met</dt><dd><ul>" + layer.unmet.map { "<li>\(e($0))</li>" }.joined() + "</ul></dd>\n"
    }
    out += "<dt>Instrument</dt><dd>\(e(entry.instrument))</dd>\n"
    if !entry.sources.isEmpty {
      out += "<dt>Sources</dt><dd><ul>"
      for source in entry.sources {
        if let target = ExternalLink.target(source) {
          out += "<li><a href=\"\(a(target))\" rel=\"noopener noreferrer\">\(e(source))</a></li>"
        } else {
          out += "<li>\(e(source))</li>"
        }
      }
      out += "</ul></dd>\n"
    }
    if let confidence = layer.confidence {
      out +=
        "<dt>Confidence</dt><dd>\(confidence == .high ? "high" : "<strong>\(e(confidence.rawValue))</strong>: the sources do not settle this firmly")</dd>\n"
    }
    if let note = entry.note { out += "<dt>Note</dt><dd>\(e(note))</dd>\n" }
    if let line = entry.origin.line { out += "<dt>Rule</dt><dd><code>\(e(entry.origin.file)):\(line)</code></dd>\n" }
    return out + "</dl>\n</section>\n"
  }

  static func originWords(_ layer: LayerAnswer) -> String? { AnswerTextRenderer.originParts(layer) }

  static func all(_ answers: [Answer], on: String?) -> String {
    guard let first = answers.first else { return "" }
    var out = "<p class=\"kicker\">every activity · on \(first.question.date)</p>\n"
    out +=
      "<h1>\(e(first.substance.name)) in \(e(first.jurisdiction.name)) <span class=\"id\">\(e(first.substance.id)) · \(e(first.jurisdiction.id))</span></h1>\n"
    out +=
      "<div class=\"scroll\"><table class=\"summary\">\n<thead><tr><th scope=\"col\">Activity</th><th scope=\"col\">Answer</th>"
    for layer in first.layers { out += "<th scope=\"col\">\(e(layer.jurisdiction.name))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for answer in answers {
      let activity = answer.question.activity
      out +=
        "<tr><th scope=\"row\"><a href=\"\(link("/answer", [("substance", answer.substance.id), ("jurisdiction", answer.jurisdiction.id), ("activity", activity.rawValue), ("on", on)]))\">\(e(activityWords(activity)))</a></th>"
      out +=
        "<td>\(chip(answer.verdict))\(answer.conflict ? " <abbr class=\"mark\" title=\"the layers conflict\">≠</abbr>" : "")</td>"
      for layer in answer.layers { out += "<td>\(chip(layer.verdict))</td>" }
      out += "</tr>\n"
    }
    out += "</tbody></table></div>\n"
    out +=
      "<p class=\"muted\">≠ the layers disagree; the strictest binding layer decides. Choose an activity for the conditions, the sources and the rules behind each verdict.</p>\n"
    for answer in answers where answer.conflict {
      if let sentence = answer.conflictSentence {
        out += "<p class=\"conflict\"><strong>\(e(answer.question.activity.rawValue)):</strong> \(e(sentence)).</p>\n"
      }
    }
    return out
  }

  // MARK: Errors

  /// A refusal as a page: what was wrong, the names meant perhaps (as links), and the form again.
  static func problemPage(_ problem: Problem, values: FormValues, api: API) -> String {
    var out = head(problem.title, snapshot: api.snapshot)
    out += form(values, book: api.book)
    out += "<h1>\(e(problem.title))</h1>\n<p>\(e(problem.detail))</p>\n"
    var suggestions: [String] = []
    for (key, value) in problem.extra where key == "suggestions" || key == "candidates" {
      if case .array(let items) = value {
        for case .string(let s) in items { suggestions.append(s) }
      }
    }
    if !suggestions.isEmpty, let parameter = problem.parameter {
      out += "<p>Did you mean:</p>\n<ul>\n"
      for s in suggestions {
        var fixed = values
        if parameter == "substance" { fixed.substance = s } else { fixed.jurisdiction = s }
        out +=
          "<li><a href=\"\(link("/answer", [("substance", fixed.substance), ("jurisdiction", fixed.jurisdiction), ("activity", fixed.activity), ("on", fixed.on)]))\">\(e(s))</a></li>\n"
      }
      out += "</ul>\n"
    }
    return out + foot(api.snapshot)
  }

  /// A refusal of a page before any form could be read (a malformed query).
  static func problem(_ problem: Problem, snapshot: RuleSnapshot) -> String {
    head(problem.title, snapshot: snapshot) + "<h1>\(e(problem.title))</h1>\n<p>\(e(problem.detail))</p>\n"
      + "<p><a href=\"/\">Ask again</a></p>\n" + foot(snapshot)
  }
}
