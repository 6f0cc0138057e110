import PsyregCore

/// The order of a jurisdiction report (docs/reports.md, "What a report says"). The Markdown and
/// HTML renderers both walk it, so the two documents cannot drift apart: a section added here
/// must be laid out by both. (The JSON has its own, keyed shape of the same model.)
public enum ReportOutline {
  /// The report's sections, in order; `substances` is one section per substance.
  public enum Section: Sendable, CaseIterable {
    /// The jurisdiction, its layers and those beside, the date, the rule set, the disclaimer.
    case header
    /// Substances × activities, each cell the verdict on the date.
    case summary
    /// One section per substance, made of the parts below.
    case substances
    /// The numbered sources every citation refers to.
    case sources
    /// The not-legal-advice line again, with the short rule set identifier.
    case closing
  }

  /// The parts of one substance's section, in order.
  public enum SubstancePart: Sendable, CaseIterable {
    /// The name, id, kind, aliases and what its rules may be inherited from.
    case heading
    /// The timeline figure (a band and markers); documents without figures leave it out.
    case band
    /// The status label each layer gives it on the date.
    case status
    /// Per activity, the verdict and what each layer says.
    case verdicts
    /// Conditions and conflicts, in words.
    case conditions
    /// Designations and approvals on or before the date.
    case designations
    /// Initial statuses, then every entry on or before the date across the layers.
    case timeline
    /// Entries announced on or before the date that take effect after it.
    case upcoming
    /// Entries whose confidence is not high, and what they govern on the date.
    case uncertain
  }
}

/// A document renderer of jurisdiction reports: it lays out each section and part of the
/// outline, and `document(_:)` walks the outline in order.
protocol ReportOutlineRenderer {
  /// Every section but `.substances`, which is made of the parts.
  func section(_ section: ReportOutline.Section, of report: JurisdictionReport) -> String
  func part(
    _ part: ReportOutline.SubstancePart, of substance: JurisdictionReport.SubstanceSection,
    in report: JurisdictionReport
  ) -> String
  /// One substance's section around its parts (an HTML `<section>`; Markdown needs none).
  func substance(_ substance: JurisdictionReport.SubstanceSection, body: String) -> String
}

extension ReportOutlineRenderer {
  func document(_ report: JurisdictionReport) -> String {
    var out = ""
    for section in ReportOutline.Section.allCases {
      guard section == .substances else {
        out += self.section(section, of: report)
        continue
      }
      for s in report.substances {
        let body = ReportOutline.SubstancePart.allCases.map { part($0, of: s, in: report) }.joined()
        out += substance(s, body: body)
      }
    }
    return out
  }
}
