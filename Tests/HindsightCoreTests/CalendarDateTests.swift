import Testing

@testable import HindsightCore

@Suite struct CalendarDateTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01"), (951_782_400, "2000-02-29"), (-86_401, "1969-12-30"), (4_102_444_799, "2099-12-31"),
    ])
    func datesAreUTC(seconds: Int64, date: String) {
        #expect(CalendarDate.isoDate(seconds) == date)
    }

    @Test func isoDatesReadBackAsMidnight() {
        #expect(CalendarDate.midnight(ofISODate: "2000-02-29") == 951_782_400)
        #expect(CalendarDate.midnight(ofISODate: "2023-02-30") == nil)
        #expect(CalendarDate.midnight(ofISODate: "2023-2-3") == nil)
    }
}
