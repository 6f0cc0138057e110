/// The outcome of running one expectation case (`Rules/tests/`) against a rule book.
public struct ExpectationResult: Sendable {
  /// The case that was run.
  public var testCase: ExpectationCase
  /// Nil when the case could not be asked (see `notAsked`).
  public var answer: Answer?
  /// Why the case could not be asked; nil when it was.
  public var notAsked: NotAsked?
  /// What differs from the expectation; empty when the case passes.
  public var failures: [String]
  /// How long asking and comparing took, in seconds (JUnit's `time`).
  public var seconds: Double = 0

  /// Whether the answer met every expectation.
  public var passed: Bool { failures.isEmpty }

  /// Why a case could not be asked.
  public enum NotAsked: String, Sendable {
    /// A fact is unknown or its value is not valid (`age: x`).
    case badFacts = "bad-facts"
    /// The substance or jurisdiction names nothing in the rules.
    case unresolved
  }
}

extension RuleBook {
  /// Asks a case's question, resolving its names as `ask` does, and compares the answer with what
  /// the case expects; bad facts or unknown names fail the case.
  public func run(_ testCase: ExpectationCase) -> ExpectationResult {
    let clock = ContinuousClock()
    let start = clock.now
    var result = evaluate(testCase)
    let elapsed = (clock.now - start).components
    result.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    return result
  }

  func evaluate(_ testCase: ExpectationCase) -> ExpectationResult {
    let facts: Facts
    do {
      facts = try Facts(testCase.facts)
    } catch {
      return ExpectationResult(testCase: testCase, answer: nil, notAsked: .badFacts, failures: [error.description])
    }
    let answer: Answer
    do {
      answer = try ask(
        testCase.substance, in: testCase.jurisdiction, activity: testCase.activity, on: testCase.date, facts: facts)
    } catch {
      return ExpectationResult(testCase: testCase, answer: nil, notAsked: .unresolved, failures: [error.description])
    }
    var failures: [String] = []
    if answer.verdict != testCase.verdict {
      failures.append("verdict: expected \(testCase.verdict.rawValue), got \(answer.verdict.rawValue)")
    }
    if let conflict = testCase.conflict, conflict != answer.conflict {
      failures.append("conflict: expected \(conflict), got \(answer.conflict)")
    }
    if let since = testCase.since {
      let actual = answer.governingLayer?.since
      if actual != since {
        failures.append("since: expected \(since), got \(actual.map(\.description) ?? "none")")
      }
    }
    for expected in testCase.layers {
      guard let layer = (answer.layers + answer.beside).first(where: { $0.jurisdiction.id == expected.jurisdiction })
      else {
        failures.append("layer \(expected.jurisdiction): not a layer of \(answer.jurisdiction.id)")
        continue
      }
      if layer.verdict != expected.verdict {
        failures.append(
          "layer \(expected.jurisdiction): expected \(expected.verdict.rawValue), got \(layer.verdict.rawValue)")
      }
      if let since = expected.since, layer.since != since {
        failures.append(
          "layer \(expected.jurisdiction) since: expected \(since), got \(layer.since.map(\.description) ?? "none")")
      }
      if let origin = expected.answerOrigin, layer.origin != origin {
        failures.append(
          "layer \(expected.jurisdiction) origin: expected \(origin.rawValue), got \(layer.origin.rawValue)")
      }
    }
    return ExpectationResult(testCase: testCase, answer: answer, notAsked: nil, failures: failures)
  }

  /// Every case read with the rules, in file and line order.
  public func runAll() -> [ExpectationResult] {
    cases.sorted { $0.origin < $1.origin }.map(run)
  }
}
