/// What a person says about themselves (`--fact age=19`), to decide checkable conditions.
public struct Facts: Sendable, Hashable {
  /// Age in whole years; nil when not given.
  public var age: Int?
  /// What the medicine is for, as a lower-case kebab token (`ptsd`); nil when not given.
  public var indication: String?
  /// Who prescribes, as a lower-case kebab token (`psychiatrist`); nil when not given.
  public var prescriber: String?

  /// The fact names `--fact name=value` accepts.
  public static let names = ["age", "indication", "prescriber"]

  /// Facts as given; tokens are normalised as `--fact` normalises them ("PTSD" = "ptsd").
  public init(age: Int? = nil, indication: String? = nil, prescriber: String? = nil) {
    self.age = age
    self.indication = indication.map(Self.token)
    self.prescriber = prescriber.map(Self.token)
  }

  /// An unknown fact name (with the nearest known one) or an age that is not a whole number from
  /// 0 to 150.
  public struct Invalid: Error, CustomStringConvertible {
    public var description: String
  }

  /// From `name=value` pairs; an unknown name or a bad age is an error.
  public init(_ pairs: [String: String]) throws(Invalid) {
    for (name, value) in pairs.sorted(by: { $0.key < $1.key }) {
      switch name {
      case "age":
        guard let age = Int(value), (0...150).contains(age) else {
          throw Invalid(description: "fact 'age' must be a whole number of years, not '\(value)'")
        }
        self.age = age
      case "indication": indication = Self.token(value)
      case "prescriber": prescriber = Self.token(value)
      default:
        var message = "unknown fact '\(name)'"
        if let near = nearest(name, in: Self.names) { message += "; did you mean '\(near)'?" }
        throw Invalid(description: message + " Known facts: \(Self.names.joined(separator: ", "))")
      }
    }
  }

  /// Tokens compare lower-case with spaces as hyphens ("PTSD" = "ptsd").
  static func token(_ text: String) -> String {
    text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: "-")
  }

  /// Whether no fact is given (every checkable condition then stays a condition).
  public var isEmpty: Bool { age == nil && indication == nil && prescriber == nil }
}

/// What the facts make of one condition.
enum ConditionOutcome {
  case met
  case unmet(String)
  case undecided
}

extension Condition {
  func check(_ facts: Facts) -> ConditionOutcome {
    guard isCheckable else { return .undecided }
    var undecided = false
    if let minAge {
      if let age = facts.age {
        if age < minAge { return .unmet("\(text): requires age \(minAge) or older (age \(age) given)") }
      } else {
        undecided = true
      }
    }
    if !indications.isEmpty {
      if let indication = facts.indication {
        if !indications.map(Facts.token).contains(indication) {
          return .unmet("\(text): only for \(indications.joined(separator: ", ")) (indication \(indication) given)")
        }
      } else {
        undecided = true
      }
    }
    if !prescribers.isEmpty {
      if let prescriber = facts.prescriber {
        if !prescribers.map(Facts.token).contains(prescriber) {
          return .unmet("\(text): only by \(prescribers.joined(separator: ", ")) (prescriber \(prescriber) given)")
        }
      } else {
        undecided = true
      }
    }
    return undecided ? .undecided : .met
  }
}
