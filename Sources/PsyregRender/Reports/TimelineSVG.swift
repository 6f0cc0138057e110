import PsyregCore

/// The inline SVG timeline of one substance: a band from the first entry to the report date,
/// one segment per period of one verdict (coloured by class `v-<verdict>`, hatched where the
/// layers conflict), and one marker per entry on a row per layer, each with a `<title>` tooltip.
struct TimelineSVG {
  var band: JurisdictionReport.Band
  /// The dated entries on or before the report date.
  var events: [JurisdictionReport.Event]
  /// The rows of markers: the binding layers, nearest first, then the layers beside.
  var layers: [ReportLayer]

  static let width = 1000.0
  static let left = 12.0
  static let right = 988.0
  static let bandTop = 4.0
  static let bandHeight = 30.0
  static let rowGap = 15.0

  func x(_ date: CivilDate) -> Double {
    let span = max(1, band.end.dayNumber - band.start.dayNumber)
    let fraction = Double(date.dayNumber - band.start.dayNumber) / Double(span)
    return Self.left + (Self.right - Self.left) * min(1, max(0, fraction))
  }

  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  func row(_ layer: ReportLayer) -> Int { layers.firstIndex(of: layer) ?? 0 }

  /// The SVG stretches to the width of the page (`preserveAspectRatio="none"`, fixed height):
  /// markers are zero-length round-capped lines with `vector-effect: non-scaling-stroke`, so
  /// they stay round at any width, and the year labels are HTML below it, placed in percent.
  func render(label: String) -> String {
    let rowsTop = Self.bandTop + Self.bandHeight + 12
    let axisY = rowsTop + Self.rowGap * Double(max(0, layers.count - 1)) + 10
    let height = axisY + 6
    var out = "<div class=\"tl\">\n"
    out +=
      "<svg class=\"tl\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(height))\" width=\"100%\" "
      + "height=\"\(Self.number(height))\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(XMLEscaper.attribute(label))\">\n"
    out += "<title>\(XMLEscaper.text(label))</title>\n"

    // The band.
    for segment in band.segments {
      let x0 = x(segment.from)
      let x1 = max(x(segment.to), x0 + 2)
      var tip =
        "\(segment.from) to \(segment.to): \(segment.verdict.rawValue) (\(band.activity.rawValue))"
      if segment.conflict { tip += "; the layers conflict" }
      let geometry =
        "x=\"\(Self.number(x0))\" y=\"\(Self.number(Self.bandTop))\" width=\"\(Self.number(x1 - x0))\" "
        + "height=\"\(Self.number(Self.bandHeight))\""
      out +=
        "<g class=\"seg\"><title>\(XMLEscaper.text(tip))</title><rect class=\"seg v-\(segment.verdict.rawValue)\" \(geometry)/>"
      if segment.conflict { out += "<rect class=\"hatch\" \(geometry)/>" }
      out += "</g>\n"
    }

    // Lanes, axis and year ticks.
    for layer in layers {
      let y = rowsTop + Self.rowGap * Double(row(layer))
      out += "<line class=\"lane\" x1=\"\(Self.number(Self.left))\" y1=\"\(Self.number(y))\" "
      out += "x2=\"\(Self.number(Self.right))\" y2=\"\(Self.number(y))\"/>\n"
    }
    out += "<line class=\"axis\" x1=\"\(Self.number(Self.left))\" y1=\"\(Self.number(axisY))\" "
    out += "x2=\"\(Self.number(Self.right))\" y2=\"\(Self.number(axisY))\"/>\n"
    var labels = ""
    for (index, year) in ticks().enumerated() {
      let tick = x(CivilDate(year: year, month: 1, day: 1)!)
      out += "<line class=\"tick\" x1=\"\(Self.number(tick))\" y1=\"\(Self.number(axisY))\" "
      out += "x2=\"\(Self.number(tick))\" y2=\"\(Self.number(height))\"/>\n"
      let minor = index % 2 == 1 ? " class=\"minor\"" : ""
      labels +=
        "<span\(minor) style=\"left:\(Self.number(tick / Self.width * 100))%\">\(year)</span>"
    }

    // Markers, one per entry.
    for event in events {
      guard let date = event.date else { continue }
      let y = Self.number(rowsTop + Self.rowGap * Double(row(event.layer)))
      let cx = Self.number(x(date))
      let lane = event.layer.binding ? "mk-l\(min(row(event.layer), 3))" : "mk-beside"
      let uncertain = event.confidence == .high ? "" : " mk-uncertain"
      let dot = "x1=\"\(cx)\" y1=\"\(y)\" x2=\"\(cx)\" y2=\"\(y)\""
      out +=
        "<g class=\"mk \(lane)\(uncertain)\"><title>\(XMLEscaper.text(ReportWords.event(event)))</title>"
      if event.confidence != .high { out += "<line class=\"ring\" \(dot)/>" }
      out += "<line class=\"dot\" \(dot)/>"
      if !event.layer.binding { out += "<line class=\"hole\" \(dot)/>" }
      out += "</g>\n"
    }
    out += "</svg>\n<div class=\"years\" aria-hidden=\"true\">\(labels)</div>\n</div>"
    return out
  }

  /// One band alone, for one list of segments (the combined verdict, or one layer's own): a
  /// short SVG strip that stretches to the page width, each segment with its tooltip.
  func strip(_ segments: [JurisdictionReport.BandSegment], label: String) -> String {
    let height = 22.0
    var out =
      "<svg class=\"tl strip\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(height))\" width=\"100%\" "
      + "height=\"\(Self.number(height))\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(XMLEscaper.attribute(label))\">\n"
    for segment in segments {
      let x0 = x(segment.from)
      let x1 = max(x(segment.to), x0 + 2)
      var tip = "\(label): \(segment.verdict.rawValue) from \(segment.from) to \(segment.to)"
      if segment.conflict { tip += "; the layers conflict" }
      let geometry =
        "x=\"\(Self.number(x0))\" y=\"1\" width=\"\(Self.number(x1 - x0))\" height=\"\(Self.number(height - 2))\""
      out +=
        "<g class=\"seg\"><title>\(XMLEscaper.text(tip))</title><rect class=\"seg v-\(segment.verdict.rawValue)\" \(geometry)/>"
      if segment.conflict { out += "<rect class=\"hatch\" \(geometry)/>" }
      out += "</g>\n"
    }
    return out + "</svg>\n"
  }

  /// The year labels under the bands, in HTML, placed in percent.
  func years() -> String {
    var labels = ""
    for (index, year) in ticks().enumerated() {
      let tick = x(CivilDate(year: year, month: 1, day: 1)!)
      let minor = index % 2 == 1 ? " class=\"minor\"" : ""
      labels += "<span\(minor) style=\"left:\(Self.number(tick / Self.width * 100))%\">\(year)</span>"
    }
    return "<div class=\"years\" aria-hidden=\"true\">\(labels)</div>\n"
  }

  /// Where a date falls across the width, in percent.
  func percent(_ date: CivilDate) -> String { Self.number(x(date) / Self.width * 100) }

  /// 1 January of every `step` years inside the band, at most about eight.
  func ticks() -> [Int] {
    let years = band.end.year - band.start.year
    let step = [1, 2, 5, 10, 20, 25, 50, 100].first { years / $0 <= 8 } ?? 100
    var out: [Int] = []
    var year = (band.start.year / step + 1) * step
    while year <= band.end.year {
      out.append(year)
      year += step
    }
    return out
  }
}
