/// What a person wants to do with a substance (DESIGN.md's fixed vocabulary).
public enum Activity: String, Sendable, Hashable, CaseIterable, Codable {
  /// Personal possession and use.
  case possession
  /// Manufacture, cultivation, sale, distribution.
  case supply
  /// Treatment by a prescriber outside a trial (prescription, authorised prescriber, special access).
  case medical
  /// Clinical trials and laboratory research.
  case research
  /// Non-medical adult use at a licensed centre (Oregon service centres, Colorado healing centres).
  case supervisedUse = "supervised-use"
  /// Ceremonial use by a religious community.
  case religious
}

/// The answer to "is it allowed". Ordered from most to least strict by `strictness`.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable {
  /// Lawful, with no special conditions.
  case allowed
  /// Lawful only when the listed conditions are met (a prescription, a licence, age 21+).
  case conditional
  /// Unlawful, but a civil or lowest-priority matter.
  case decriminalized
  /// Unlawful.
  case prohibited
  /// Not known: no rule covers it, or the rule records that the law is not known. Never a guess.
  case unknown

  /// prohibited > decriminalized > conditional > allowed; `unknown` has none.
  public var strictness: Int? {
    switch self {
    case .allowed: 0
    case .conditional: 1
    case .decriminalized: 2
    case .prohibited: 3
    case .unknown: nil
    }
  }
}

/// What kind of change a timeline entry records; raw values are the file's spellings.
public enum EntryKind: String, Sendable, Hashable, CaseIterable, Codable {
  case scheduled
  case temporaryScheduled = "temporary-scheduled"
  case rescheduled
  case descheduled
  case vacated
  case approval
  case designation
  case rejection
  case trialApproved = "trial-approved"
  case ballotPassed = "ballot-passed"
  case lawEnacted = "law-enacted"
  case programOpened = "program-opened"
  case decriminalized
  case recriminalized
  case exemption
  case courtRuling = "court-ruling"
  case recommendation
  case other

  /// Kinds that place substances in a schedule.
  public var isListingKind: Bool { self == .scheduled || self == .temporaryScheduled || self == .rescheduled }
}

/// Where a layer's answer comes from.
public enum AnswerOrigin: String, Sendable, Hashable, CaseIterable, Codable {
  /// An entry written for the substance.
  case own
  /// The schedule the substance is listed in.
  case schedule
  /// The layer follows another layer's schedules and answers as that layer does.
  case adopted
  /// A rule for what the substance is an isomer or salt of.
  case inherited
  /// An `initial` status or the layer's `unlisted` baseline.
  case initial
  /// Nothing is recorded: the answer is unknown for want of data.
  case none
}

/// How firmly the sources establish a rule: `high` (a source says it directly), `medium` (one
/// reasonable secondary source, or the exact day or page not seen), `uncertain` (sources conflict,
/// or it is inferred). Declared strongest first.
public enum Confidence: String, Sendable, Hashable, CaseIterable, Codable {
  case high
  case medium
  case uncertain
}

/// What a substance is: a compound, a plant, a fungus, or a product (a preparation such as ayahuasca).
public enum SubstanceKind: String, Sendable, Hashable, CaseIterable, Codable {
  case compound
  case plant
  case fungus
  case product
}

/// The level of a layer of law, from treaty (`international`) down to `city`.
public enum JurisdictionKind: String, Sendable, Hashable, CaseIterable, Codable {
  case international
  case supranational
  case national
  case state
  case city

  /// Treaty and union layers bind states, not people: shown beside answers, never folded in.
  public var bindsPeople: Bool { self != .international && self != .supranational }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
  static var names: [String] { allCases.map(\.rawValue) }
}
