import PsyregCore

/// One self-contained HTML file: inline CSS, no script, nothing fetched (no `src`, no `<link>`,
/// no `url()` but the page's own `url(#hatch)`). The only external links are the numbered
/// sources. Every string from the rules is escaped.
public struct HTMLReportRenderer: ReportRenderer, ReportOutlineRenderer {
  /// An HTML report renderer.
  public init() {}

  /// A jurisdiction's report as one HTML document.
  public func render(_ report: JurisdictionReport) -> String { document(report) }

  func section(_ section: ReportOutline.Section, of report: JurisdictionReport) -> String {
    switch section {
    case .header: header(report)
    case .summary: summary(report)
    case .substances: ""  // one section per substance, from the parts
    case .sources: sources(report)
    case .closing: Self.footer(report.ruleSet, report.date)
    }
  }

  func part(
    _ part: ReportOutline.SubstancePart, of s: JurisdictionReport.SubstanceSection, in report: JurisdictionReport
  ) -> String {
    switch part {
    case .heading: heading(s)
    case .band: band(s, report)
    case .status: status(s, report)
    case .verdicts: verdicts(s)
    case .conditions: conditions(s)
    case .designations: designations(s)
    case .timeline: timeline(s)
    case .upcoming: upcoming(s)
    case .uncertain: uncertain(s, report)
    }
  }

  func substance(_ s: JurisdictionReport.SubstanceSection, body: String) -> String {
    // "borrowed": the place has no rule of its own for it; print keeps only its sentences.
    let borrowed = s.activities.allSatisfy { $0.layers.first?.title == nil }
    return "<section class=\"substance\(borrowed ? " borrowed" : "")\" id=\"s-\(attr(s.id))\">\n" + body
      + "</section>\n"
  }

  // MARK: Sections

  func header(_ report: JurisdictionReport) -> String {
    let title =
      "\(report.jurisdiction.name) (\(report.jurisdiction.id)) — regulatory status on \(report.date)"
    var out = Self.head(title: title)
    out += "<header>\n<p class=\"kicker\">psyreg jurisdiction report</p>\n"
    out +=
      "<h1>\(e(report.jurisdiction.name)) <span class=\"id\">\(e(report.jurisdiction.id))</span></h1>\n"
    out += "<dl class=\"meta\">\n"
    out += "<dt>As of</dt><dd>\(report.date)</dd>\n"
    out +=
      "<dt>Layers</dt><dd>" + report.layers.map(Self.layer).joined(separator: " → ") + "</dd>\n"
    if !report.beside.isEmpty {
      out += "<dt>Beside</dt><dd>" + report.beside.map(Self.layer).joined(separator: ", ")
      out += " <span class=\"muted\">— \(e(ReportWords.besideNote))</span></dd>\n"
    }
    out += "<dt>Rule set</dt><dd>\(Self.ruleSet(report.ruleSet))</dd>\n</dl>\n"
    return out + Self.disclaimer + "</header>\n"
  }

  func summary(_ report: JurisdictionReport) -> String {
    var out = "<section id=\"summary\">\n<h2>Summary</h2>\n"
    if report.substances.isEmpty {
      out += "<p>No layer of this jurisdiction has data for any substance.</p>\n"
    } else {
      out += "<p class=\"muted\">Verdicts on \(report.date). \(e(ReportWords.legend))</p>\n"
      out +=
        "<div class=\"scroll\"><table class=\"summary\">\n<thead><tr><th scope=\"col\">Substance</th>"
      for activity in Activity.allCases { out += "<th scope=\"col\">\(activity.rawValue)</th>" }
      out += "</tr></thead>\n<tbody>\n"
      for s in report.substances {
        out += "<tr><th scope=\"row\"><a href=\"#s-\(attr(s.id))\">\(e(s.name))</a></th>"
        for a in s.activities { out += "<td>\(Self.chip(a.cell))</td>" }
        out += "</tr>\n"
      }
      out += "</tbody></table></div>\n" + Self.shortLegend
    }
    return out + "</section>\n"
  }

  func sources(_ report: JurisdictionReport) -> String {
    var out = "<section id=\"sources\">\n<h2>Sources</h2>\n"
    if report.sources.isEmpty { out += "<p>None.</p>\n" }
    out += "<ol class=\"sources\">\n"
    for source in report.sources {
      out += "<li id=\"src-\(source.number)\">\(Self.link(source.url))</li>\n"
    }
    return out + "</ol>\n</section>\n"
  }

  // MARK: Substance parts

  func heading(_ s: JurisdictionReport.SubstanceSection) -> String {
    var out = "<h2>\(e(s.name)) <span class=\"id\">\(e(s.id))</span></h2>\n"
    var facts = [e(s.kind.rawValue)]
    if !s.aliases.isEmpty { facts.append("also " + s.aliases.map(e).joined(separator: ", ")) }
    if let parent = s.inheritsFrom {
      facts.append(
        "rules for <span class=\"id\">\(e(parent))</span> apply where it has none of its own")
    }
    out += "<p class=\"muted\">" + facts.joined(separator: " · ") + "</p>\n"
    if !s.activities.isEmpty {
      out += "<ul class=\"story\">\n"
      for a in s.activities {
        out += "<li>\(Self.chip(a.cell)) \(e(ReportWords.sentence(a)))</li>\n"
      }
      out += "</ul>\n"
    }
    return out
  }

  /// The timeline figure: the verdict in force, then one band per binding layer (the place's
  /// own law, then the law above it), then one lane of numbered markers per layer, and the
  /// numbered legend that says what each marker is (readable on paper and on touch screens).
  func band(_ s: JurisdictionReport.SubstanceSection, _ report: JurisdictionReport) -> String {
    guard let band = s.band else {
      return "<p class=\"muted\">No dated entry on or before \(report.date).</p>\n"
    }
    let layers = report.layers + report.beside
    let events = s.timeline.filter { $0.date != nil }
    let svg = TimelineSVG(band: band, events: events, layers: layers)
    let activity = band.activity.rawValue
    var out = "<figure class=\"timeline\">\n<div class=\"tl\">\n"
    out += "<div class=\"band-label\"><strong>In force</strong> (the strictest binding layer) — \(activity)</div>\n"
    out += svg.strip(band.segments, label: "\(s.name), \(activity), in force in \(report.jurisdiction.name)")
    if band.layerBands.count > 1 {
      for l in band.layerBands {
        let own = l.layer.id == report.jurisdiction.id
        out += "<div class=\"band-label\"><strong>\(e(l.layer.name)) law</strong>"
        out += own ? " (the place\u{2019}s own)" : " (binding above it)"
        out += "</div>\n"
        out += svg.strip(l.segments, label: "\(s.name), \(activity), under \(l.layer.name) law")
      }
    }
    // Numbered markers, one lane per layer; close numbers are staggered onto further lines,
    // once for a wide page (`lvl`, `d`) and once for a phone (`p`, `pd`), chosen by the CSS.
    for layer in layers {
      let mine = events.enumerated().filter { $0.element.layer == layer }
      if mine.isEmpty { continue }
      let xs = mine.map { svg.x($0.element.date!) / TimelineSVG.width * 100 }
      let wide = Self.stagger(xs, gap: 2.6)
      let narrow = Self.stagger(xs, gap: 7.5)
      var marks = ""
      for (k, (i, ev)) in mine.enumerated() {
        var classes = "num " + (layer.binding ? "num-binding" : "num-beside")
        if ev.confidence != .high { classes += " num-uncertain" }
        marks +=
          "<a class=\"\(classes) lvl\(wide[k]) p\(narrow[k])\" href=\"#ev-\(attr(s.id))-\(i + 1)\" style=\"left:\(svg.percent(ev.date!))%\" "
          + "title=\"\(attr(ReportWords.event(ev)))\">\(i + 1)</a>"
      }
      let depth = (wide.max() ?? 0) + 1
      let phoneDepth = (narrow.max() ?? 0) + 1
      out +=
        "<div class=\"lane-label\">\(e(layer.name))\(layer.binding ? "" : " <span class=\"muted\">(beside)</span>")</div>"
      out += "<div class=\"lane d\(depth) pd\(phoneDepth)\">\(marks)</div>\n"
    }
    out += svg.years() + "</div>\n"
    out += "<figcaption>Bands: the verdict for <strong>\(activity)</strong> from the first entry (\(band.start)) "
    out += "to \(band.end); hatched where the binding layers conflict. "
    out += "Numbered markers, one per entry, explained below; an amber ring: confidence not high.</figcaption>\n"
    out += "<ol class=\"marks\">\n"
    for (i, ev) in events.enumerated() {
      out += "<li id=\"ev-\(attr(s.id))-\(i + 1)\"\(ev.confidence == .high ? "" : " class=\"uncertain\"")>"
      out += "<span class=\"date\">\(ev.dateText)</span> · \(e(ev.layer.name)) · \(e(ev.title))"
      if !ev.changes.isEmpty { out += " <span class=\"muted\">(\(ev.changes.map(e).joined(separator: "; ")))</span>" }
      if ev.confidence != .high { out += " <strong>\(ev.confidence.rawValue)</strong>" }
      out += "</li>\n"
    }
    out += "</ol>\n</figure>\n"
    return out
  }

  /// The line (0 to 3) of each marker: the first whose last marker is at least `gap` percent
  /// of the width to the left; the first line when none is.
  static func stagger(_ xs: [Double], gap: Double) -> [Int] {
    var lastX: [Double] = [-100, -100, -100, -100]
    return xs.map { x in
      let level = lastX.firstIndex { x - $0 >= gap } ?? 0
      lastX[level] = x
      return level
    }
  }

  func status(_ s: JurisdictionReport.SubstanceSection, _ report: JurisdictionReport) -> String {
    var out = ""
    out += "<h3>Status on \(report.date)</h3>\n<ul class=\"labels\">\n"
    for label in s.statusLabels {
      out +=
        "<li>\(Self.layer(label.layer))"
        + (label.layer.binding ? "" : " <span class=\"muted\">(beside)</span>")
      out +=
        ": " + (label.status.map(e) ?? "<span class=\"muted\">no status recorded</span>")
        + "</li>\n"
    }
    out += "</ul>\n"
    return out
  }

  func verdicts(_ s: JurisdictionReport.SubstanceSection) -> String {
    var out = ""
    let columns = (s.activities.first?.layers ?? []) + (s.activities.first?.beside ?? [])
    out +=
      "<div class=\"scroll\"><table class=\"layers cards\">\n<thead><tr><th scope=\"col\">Activity</th>"
    out += "<th scope=\"col\">Verdict</th>"
    for c in columns {
      out +=
        "<th scope=\"col\">\(e(c.layer.name))"
        + (c.layer.binding ? "" : " <span class=\"muted\">(beside)</span>")
      out += "</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    var previousTitles = [String?](repeating: nil, count: columns.count)
    for a in s.activities {
      out +=
        "<tr><th scope=\"row\">\(a.activity.rawValue)</th><td data-label=\"Verdict\">\(Self.chip(a.cell))</td>"
      for (column, l) in (a.layers + a.beside).enumerated() {
        let cell = VerdictCell(
          verdict: l.verdict, conflict: false, uncertain: (l.confidence ?? .high) != .high)
        out +=
          "<td data-label=\"\(attr(l.layer.name))\(l.layer.binding ? "" : " (beside)")\">\(Self.chip(cell))"
        if let since = l.since {
          out += " <span class=\"since\">since \(since)</span>"
        } else if l.title != nil {
          out += " <span class=\"since\">initial</span>"
        }
        if let from = l.inheritedFrom { out += " <span class=\"since\">via \(e(from))</span>" }
        out += Self.refs(l.sources)
        if let title = l.title, title != previousTitles[column] {
          out += "<div class=\"small\">\(e(title))</div>"
        }
        previousTitles[column] = l.title
        out += "</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody></table></div>\n"
    return out
  }

  func conditions(_ s: JurisdictionReport.SubstanceSection) -> String {
    var out = ""
    let notable = s.activities.filter { $0.conflict || !$0.conditions.isEmpty }
    if !notable.isEmpty {
      out += "<h3>Conditions and conflicts</h3>\n<ul>\n"
      for a in notable {
        out += "<li><strong>\(a.activity.rawValue)</strong> \(Self.chip(a.cell))"
        if let conflict = a.conflictText { out += "<div>Conflict: \(e(conflict)).</div>" }
        if !a.conditions.isEmpty {
          out +=
            "<div>Conditions:</div><ul>" + a.conditions.map { "<li>\(e($0))</li>" }.joined()
            + "</ul>"
        }
        out += "</li>\n"
      }
      out += "</ul>\n"
    }
    return out
  }

  func designations(_ s: JurisdictionReport.SubstanceSection) -> String {
    var out = ""
    if !s.designations.isEmpty {
      out += "<h3>Designations and approvals</h3>\n<ul class=\"designations\">\n"
      for d in s.designations {
        out +=
          "<li><span class=\"date\">\(d.dateText)</span> \(Self.layer(d.layer)) · \(d.kind.rawValue) — "
        out +=
          "\(e(d.title)) <span class=\"muted\">(\(e(d.instrument)))</span>\(Self.refs(d.sources))</li>\n"
      }
      out += "</ul>\n"
    }
    return out
  }

  func timeline(_ s: JurisdictionReport.SubstanceSection) -> String {
    var out = ""
    out += "<h3>Timeline</h3>\n<div class=\"scroll\"><table class=\"events cards\">\n<thead><tr>"
    for h in [
      "Date", "Layer", "Kind", "Entry", "What changed", "Instrument", "Sources", "Confidence",
    ] {
      out += "<th scope=\"col\">\(h)</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for ev in s.timeline {
      out += "<tr\(ev.confidence == .high ? "" : " class=\"uncertain\"")>"
      out +=
        "<td class=\"date\" data-label=\"Date\">\(ev.dateText)</td><td data-label=\"Layer\">\(e(ev.layer.id))</td>"
      out += "<td data-label=\"Kind\">\(ev.kind.rawValue)</td><td class=\"entry\">\(e(ev.title))"
      if let status = ev.status, !ev.title.contains(status) {
        out += "<div class=\"small\">Status: \(e(status))</div>"
      }
      out +=
        "</td><td data-label=\"Changed\">" + ev.changes.map(e).joined(separator: "<br>") + "</td>"
      out +=
        "<td data-label=\"Instrument\">\(e(ev.instrument))</td><td data-label=\"Sources\">\(Self.refs(ev.sources))</td>"
      out +=
        "<td data-label=\"Confidence\">\(ev.confidence == .high ? "high" : "<strong>\(ev.confidence.rawValue)</strong>")</td>"
      out += "</tr>\n"
    }
    out += "</tbody></table></div>\n"
    return out
  }

  func upcoming(_ s: JurisdictionReport.SubstanceSection) -> String {
    var out = ""
    if !s.upcoming.isEmpty {
      out += "<h3>Announced, not yet in force</h3>\n<ul>\n"
      for u in s.upcoming {
        out +=
          "<li>takes effect <span class=\"date\">\(u.dateText)</span> \(Self.layer(u.layer)) · \(u.kind.rawValue) — "
        out += e(u.title)
        if !u.changes.isEmpty { out += " · " + u.changes.map(e).joined(separator: "; ") }
        out += Self.refs(u.sources) + "</li>\n"
      }
      out += "</ul>\n"
    }
    return out
  }

  func uncertain(_ s: JurisdictionReport.SubstanceSection, _ report: JurisdictionReport) -> String {
    var out = ""
    if !s.uncertainties.isEmpty {
      out += "<h3>Where confidence is not high</h3>\n<ul class=\"uncertainties\">\n"
      for u in s.uncertainties {
        let ev = u.event
        out += "<li><span class=\"date\">\(ev.dateText)</span> \(Self.layer(ev.layer)) · "
        out += "<strong>\(ev.confidence.rawValue)</strong> — \(e(ev.title))"
        if !u.governs.isEmpty {
          out +=
            " <span class=\"muted\">(governs \(u.governs.map(\.rawValue).joined(separator: ", ")) on \(report.date))</span>"
        }
        if let note = ev.note { out += "<div class=\"small\">\(e(note))</div>" }
        out += "</li>\n"
      }
      out += "</ul>\n"
    }
    return out
  }

  // MARK: Matrix and index

  /// The matrix as one HTML document.
  public func render(_ matrix: MatrixReport) -> String {
    var out = Self.head(title: Self.matrixTitle(matrix))
    out += "<header>\n<p class=\"kicker\">psyreg comparison matrix</p>\n"
    out +=
      "<h1>\(e(Self.matrixTitle(matrix)))</h1>\n<dl class=\"meta\">\n<dt>As of</dt><dd>\(matrix.date)</dd>\n"
    out +=
      "<dt>Rule set</dt><dd>\(Self.ruleSet(matrix.ruleSet))</dd>\n</dl>\n" + Self.disclaimer
      + "</header>\n"
    out +=
      "<section id=\"matrix\">\n" + matrixTable(matrix, link: { ReportIndex.fileName($0, .html) })
      + "</section>\n"
    out += Self.footer(matrix.ruleSet, matrix.date)
    return out
  }

  func matrixTable(_ matrix: MatrixReport, link: ((String) -> String?)?) -> String {
    var out =
      "<p class=\"muted\">Verdict for <strong>\(matrix.activity.rawValue)</strong> on \(matrix.date). "
    out += "\(e(ReportWords.legend)) A cell in italics with a dashed border: the place has no rule of its own "
    out += "and the verdict comes from a layer above it. Each cell links to the place's report.</p>\n"
    out +=
      "<div class=\"scroll\"><table class=\"matrix\">\n<caption>\(e(Self.matrixTitle(matrix)))</caption>\n"
    out += "<thead><tr><th scope=\"col\" class=\"corner\">Jurisdiction</th>"
    for s in matrix.substances {
      out += "<th scope=\"col\" class=\"rot\"><span>\(e(s.name))</span></th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in matrix.rows {
      var name = "\(e(row.jurisdiction.name)) <span class=\"id\">\(e(row.jurisdiction.id))</span>"
      let file = link?(row.jurisdiction.id)
      if let file { name = "<a href=\"\(attr(file))\">\(name)</a>" }
      out += "<tr><th scope=\"row\">\(name)</th>"
      for (i, c) in row.cells.enumerated() {
        let substance = i < matrix.substances.count ? matrix.substances[i] : nil
        var meaning = "\(row.jurisdiction.name), \(substance?.name ?? c.substance): \(c.verdict.verdict.rawValue)"
        meaning += " for \(matrix.activity.rawValue) on \(matrix.date)"
        if c.verdict.conflict { meaning += "; the layers conflict" }
        if c.verdict.uncertain { meaning += "; confidence not high" }
        if !c.ownData { meaning += "; " + ReportWords.inheritedCell }
        if let status = c.status { meaning += " (\(status))" }
        var chip = Self.shortChip(c.verdict)
        if let file {
          chip =
            "<a class=\"cell\" href=\"\(attr(file))#s-\(attr(c.substance))\" title=\"\(attr(meaning))\">\(chip)</a>"
        }
        out += "<td\(c.ownData ? "" : " class=\"inherited\"") title=\"\(attr(meaning))\">\(chip)</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody></table></div>\n" + Self.shortLegend
    return out
  }

  /// The index as one HTML document, the matrix's rows linked to their reports.
  public func render(_ index: ReportIndex) -> String {
    var out = Self.head(title: "psyreg reports on \(index.date)")
    out +=
      "<header>\n<p class=\"kicker\">psyreg</p>\n<h1>Regulatory status reports</h1>\n<dl class=\"meta\">\n"
    out +=
      "<dt>As of</dt><dd>\(index.date)</dd>\n<dt>Rule set</dt><dd>\(Self.ruleSet(index.ruleSet))</dd>\n</dl>\n"
    out += Self.disclaimer + "</header>\n"
    out += "<section id=\"reports\">\n<h2>Jurisdictions</h2>\n<ul class=\"index\">\n"
    for item in index.items {
      out +=
        "<li><a href=\"\(attr(item.file))\">\(e(item.jurisdiction.name))</a> <span class=\"id\">\(e(item.jurisdiction.id))</span>"
      out +=
        " <span class=\"muted\">\(item.jurisdiction.kind.rawValue)"
      if item.layers.count > 1 { out += " · \(item.layers.map(e).joined(separator: " → "))" }
      if !item.beside.isEmpty { out += " · beside: \(item.beside.map(e).joined(separator: ", "))" }
      out += " · \(item.substances) substance\(item.substances == 1 ? "" : "s")</span></li>\n"
    }
    out += "</ul>\n</section>\n"
    if let coverage = index.coverage {
      out += "<section id=\"coverage\">\n<h2>Coverage</h2>\n"
      out += "<p>Substance × jurisdiction pairs that answer a known verdict on \(coverage.date):</p>\n<ul>\n"
      for line in ReportWords.coverageLines(coverage) { out += "<li>\(e(line))</li>\n" }
      out += "</ul>\n<p>\(e(ReportWords.sourceLine(coverage))).</p>\n</section>\n"
    }
    out += "<section id=\"matrix\">\n<h2>\(e(Self.matrixTitle(index.matrix)))</h2>\n"
    if !index.otherMatrices.isEmpty {
      out += "<p>The same matrix for the other activities: "
      out += index.otherMatrices.map {
        "<a href=\"\(attr(ReportIndex.matrixName($0.activity, .html)))\">\(e(ReportWords.activityName($0.activity)))</a>"
      }.joined(separator: " · ")
      out += ".</p>\n"
    }
    out += matrixTable(index.matrix, link: index.file(for:)) + "</section>\n"
    out += Self.footer(index.ruleSet, index.date)
    return out
  }

  // MARK: Pieces

  /// Element content and attribute values: the one XML/HTML escaper.
  func e(_ s: String) -> String { XMLEscaper.text(s) }
  static func e(_ s: String) -> String { XMLEscaper.text(s) }
  func attr(_ s: String) -> String { XMLEscaper.attribute(s) }
  static func attr(_ s: String) -> String { XMLEscaper.attribute(s) }

  static func layer(_ l: ReportLayer) -> String {
    "\(e(l.name)) <span class=\"id\">\(e(l.id))</span>"
  }

  /// "Possession: the verdict in each jurisdiction for each substance on 2024-06-01".
  static func matrixTitle(_ m: MatrixReport) -> String { ReportWords.matrixTitle(m) }

  static func ruleSet(_ r: RuleSetIdentity) -> String {
    "<code class=\"hash\">sha256:\(e(r.sha256))</code> (\(ReportWords.ruleFiles(r.fileCount)))"
  }

  static func chip(_ c: VerdictCell) -> String {
    var out = "<span class=\"v v-\(c.verdict.rawValue)\">\(c.verdict.rawValue)"
    if c.conflict {
      out += "<abbr class=\"mark\" title=\"the layers conflict\">\(ReportWords.conflictMark)</abbr>"
    }
    if c.uncertain {
      out +=
        "<abbr class=\"mark\" title=\"confidence not high\">\(ReportWords.uncertainMark)</abbr>"
    }
    return out + "</span>"
  }

  /// The matrix's compact chip: three letters (spelled out in its `title` and in the legend
  /// under the matrix) so that every column fits the page.
  static func shortChip(_ c: VerdictCell) -> String {
    var out = "<span class=\"v v-\(c.verdict.rawValue)\"><abbr title=\"\(c.verdict.rawValue)\">"
    out += "\(short(c.verdict))</abbr>"
    if c.conflict { out += ReportWords.conflictMark }
    if c.uncertain { out += ReportWords.uncertainMark }
    return out + "</span>"
  }

  static func short(_ v: Verdict) -> String {
    switch v {
    case .allowed: "ALW"
    case .conditional: "CND"
    case .decriminalized: "DEC"
    case .prohibited: "PRO"
    case .unknown: "UNK"
    }
  }

  static let shortLegend: String = {
    var out = "<p class=\"legend\">"
    for verdict in Verdict.allCases {
      out += "<span class=\"v v-\(verdict.rawValue)\">\(short(verdict))</span> \(verdict.rawValue) "
    }
    out += "<span class=\"muted\">· ≠ layers conflict · ? confidence not high</span></p>\n"
    return out
  }()

  static func refs(_ numbers: [Int]) -> String {
    if numbers.isEmpty { return "" }
    return " <span class=\"refs\">["
      + numbers.map { "<a href=\"#src-\($0)\">\($0)</a>" }.joined(separator: ", ")
      + "]</span>"
  }

  /// A source: a link when it is plain http(s), else the text alone.
  static func link(_ url: String) -> String {
    guard let target = ExternalLink.target(url) else { return e(url) }
    return "<a href=\"\(attr(target))\" rel=\"noreferrer\">\(e(url))</a>"
  }

  static let disclaimer =
    "<p class=\"disclaimer\"><strong>\(JurisdictionReport.disclaimerLead)</strong> "
    + XMLEscaper.text(JurisdictionReport.disclaimerBody)
    + "</p>\n"

  static let legend: String = {
    var out = "<p class=\"legend\">"
    for verdict in Verdict.allCases {
      out += "<span class=\"v v-\(verdict.rawValue)\">\(verdict.rawValue)</span> "
    }
    out += "<span class=\"muted\">≠ layers conflict · ? confidence not high</span></p>\n"
    return out
  }()

  static func footer(_ r: RuleSetIdentity, _ date: CivilDate) -> String {
    "<footer><p><strong>Not legal advice.</strong> Generated by psyreg from rule set "
      + "<code>sha256:\(e(r.short))</code> for \(date).</p></footer>\n</main>\n</body>\n</html>\n"
  }

  static func head(title: String) -> String {
    document(
      title: title,
      bodyStart: """
        <svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>\
        <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="3" height="8" fill="#fff" fill-opacity="0.55"/></pattern></defs></svg>

        """)
  }

  /// The opening of every HTML page psyreg writes, reports and the server's pages alike, up to
  /// `<main>`: the report stylesheet (and `css` after it), then `bodyStart`.
  package static func document(title: String, css: String = "", bodyStart: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="psyreg">
    <title>\(e(title))</title>
    <style>
    \(ReportStylesheet.css)\(css)</style>
    </head>
    <body>
    \(bodyStart)<main>

    """
  }
}
