#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A day of the civil calendar (proleptic Gregorian), with no time and no time zone:
/// a law takes effect on a day, and no clock may move it.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// The year, 1–9999 for a date made from parts or text.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day of the month, from 1.
  public let day: Int

  /// A valid day, or nil (`2023-02-30` is nil).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Why text is not a date.
  public enum ParseError: Error, Equatable {
    /// Not of the form YYYY-MM-DD.
    case malformed
    /// Of the form, but no such day (February 30).
    case impossible
  }

  /// Parses exactly `YYYY-MM-DD`.
  public static func parse(_ text: String) -> Result<CivilDate, ParseError> {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return .failure(.malformed)
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return .failure(.malformed)
    }
    guard let date = CivilDate(year: year, month: month, day: day) else { return .failure(.impossible) }
    return .success(date)
  }

  /// Parses exactly `YYYY-MM-DD`; nil when malformed or no such day.
  public init?(_ text: String) {
    guard case .success(let date) = CivilDate.parse(text) else { return nil }
    self = date
  }

  /// Whether the year is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in a month (1–12) of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 (negative before), for arithmetic.
  public var dayNumber: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The day `dayNumber` days after 1970-01-01 (before it when negative); the inverse of `dayNumber`.
  /// Saturates at 0001-01-01 and 9999-12-31, the years a date may have, so that arithmetic near
  /// the ends neither overflows nor makes a date no text can write.
  public init(dayNumber: Int) {
    let z = min(max(dayNumber, Self.firstDayNumber), Self.lastDayNumber) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  /// The day number of 0001-01-01, the first day a date may be.
  static let firstDayNumber = -719_162
  /// The day number of 9999-12-31, the last day a date may be.
  static let lastDayNumber = 2_932_896

  /// The day a number of days later (earlier when negative), saturating at the ends.
  public func adding(days: Int) -> CivilDate {
    let (sum, overflow) = dayNumber.addingReportingOverflow(days)
    return CivilDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
  }

  /// Today in UTC, from the system clock.
  public static func todayUTC() -> CivilDate {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CivilDate(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
