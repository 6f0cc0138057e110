/// A question: is this substance allowed here, for this activity, on this day?
public struct Question: Sendable, Hashable {
  public var substance: String
  public var jurisdiction: String
  public var activity: Activity
  public var date: CivilDate
  public var facts: Facts

  public init(substance: String, jurisdiction: String, activity: Activity, date: CivilDate, facts: Facts = Facts()) {
    self.substance = substance
    self.jurisdiction = jurisdiction
    self.activity = activity
    self.date = date
    self.facts = facts
  }
}

/// What one layer's law says.
public struct LayerAnswer: Sendable, Hashable {
  public var jurisdiction: Jurisdiction
  public var verdict: Verdict
  /// The conditions still to be met (those the facts did not decide).
  public var conditions: [Condition]
  /// Why the facts fail this layer's conditions; non-empty makes the verdict `prohibited`.
  public var unmet: [String]
  /// The verdict the rule sets before the facts are applied.
  public var ruledVerdict: Verdict
  public var status: String?
  /// The entry (or initial status) that governs; nil when no rule covers the question.
  public var governing: TimelineEntry?
  /// Set when the governing rule is written for what the substance is an isomer or salt of.
  public var inheritedFrom: String?
  /// False for treaty and union layers, shown beside the answer.
  public var binding: Bool

  /// The day the governing rule took effect (nil for an initial status or no rule).
  public var since: CivilDate? { governing?.date }
  public var confidence: Confidence? { governing?.confidence }
}

public struct Answer: Sendable, Hashable {
  public var question: Question
  public var substance: Substance
  public var jurisdiction: Jurisdiction
  public var verdict: Verdict
  /// Known binding layers disagree.
  public var conflict: Bool
  /// The binding layers, nearest the person first.
  public var layers: [LayerAnswer]
  /// Treaty and union layers, for information.
  public var beside: [LayerAnswer]

  /// The binding layer that decides the verdict: the strictest; among equals, the nearest.
  public var governingLayer: LayerAnswer? {
    layers.first { $0.verdict == verdict }
  }

  /// Some layer that counts is governed by an entry whose confidence is not high.
  public var isUncertain: Bool {
    layers.contains { ($0.confidence ?? .high) != .high }
  }

  /// The conditions of a lawful (or decriminalized) answer: those of its binding layers.
  /// Empty when the answer is prohibited or unknown: no condition makes it lawful then.
  public var conditions: [Condition] {
    guard verdict == .conditional || verdict == .decriminalized else { return [] }
    var all: [Condition] = []
    for layer in layers where layer.verdict == .conditional || layer.verdict == .decriminalized {
      for condition in layer.conditions where !all.contains(condition) { all.append(condition) }
    }
    return all
  }
}
