import PsyregTestSupport
import Testing

@testable import PsyregCore
@testable import PsyregRender

@Suite struct CivilDateTests {
  @Test func parsesOnlyRealDays() {
    #expect(CivilDate("2024-02-29") != nil)
    #expect(CivilDate.parse("2023-02-29") == .failure(.impossible))
    #expect(CivilDate.parse("2023-02-30") == .failure(.impossible))
    #expect(CivilDate.parse("1900-02-29") == .failure(.impossible))
    #expect(CivilDate("2000-02-29") != nil)
    #expect(CivilDate.parse("2023-13-01") == .failure(.impossible))
    #expect(CivilDate.parse("2023-1-01") == .failure(.malformed))
    #expect(CivilDate.parse("01/07/1985") == .failure(.malformed))
    #expect(CivilDate.parse("1985-07-01T00:00") == .failure(.malformed))
    #expect(CivilDate.parse("") == .failure(.malformed))
  }

  @Test func ordersAndPrints() {
    #expect(date("1985-06-30") < date("1985-07-01"))
    #expect(date("0999-01-02").description == "0999-01-02")
  }

  @Test func dayArithmeticRoundTrips() {
    #expect(date("1970-01-01").dayNumber == 0)
    #expect(date("2024-03-01").adding(days: -1) == date("2024-02-29"))
    #expect(date("1985-06-30").adding(days: 1) == date("1985-07-01"))
    for day in stride(from: -200_000, to: 200_000, by: 997) {
      #expect(CivilDate(dayNumber: day).dayNumber == day)
    }
  }

  @Test func arithmeticSaturatesAtTheYearsADateMayHave() {
    #expect(date("0001-01-01").dayNumber == CivilDate.firstDayNumber)
    #expect(date("9999-12-31").dayNumber == CivilDate.lastDayNumber)
    #expect(date("9999-12-31").adding(days: 1) == date("9999-12-31"))
    #expect(date("0001-01-01").adding(days: -1) == date("0001-01-01"))
    #expect(date("2000-01-01").adding(days: .max) == date("9999-12-31"))
    #expect(date("2000-01-01").adding(days: .min) == date("0001-01-01"))
    #expect(CivilDate(dayNumber: .min).description == "0001-01-01")
  }
}
