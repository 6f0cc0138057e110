/// What a person wants to do with a substance (DESIGN.md's fixed vocabulary).
public enum Activity: String, Sendable, Hashable, CaseIterable, Codable {
  case possession
  case supply
  case medical
  case research
  case supervisedUse = "supervised-use"
  case religious
}

/// The answer to "is it allowed". Ordered from most to least strict by `strictness`.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable {
  case allowed
  case conditional
  case decriminalized
  case prohibited
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

public enum Confidence: String, Sendable, Hashable, CaseIterable, Codable {
  case high
  case medium
  case uncertain
}

public enum SubstanceKind: String, Sendable, Hashable, CaseIterable, Codable {
  case compound
  case plant
  case fungus
  case product
}

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
