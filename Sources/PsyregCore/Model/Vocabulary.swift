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
  /// Not written in files: the `initial` status before the first entry.
  case initial
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
