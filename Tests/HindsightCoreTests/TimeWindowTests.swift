import Testing

@testable import HindsightCore

@Suite struct TimeWindowTests {
    @Test(arguments: [("90d", 90.0), ("2w", 14.0), ("1y", 365.2425), ("0d", 0.0)])
    func spansCountBackFromNow(text: String, days: Double) throws {
        let window = try #require(TimeWindow(parsing: text))
        #expect(window.start(now: 1_000_000_000) == 1_000_000_000 - Int64(days * 86_400))
    }

    @Test func datesAreUTCMidnight() throws {
        #expect(try #require(TimeWindow(parsing: "2024-01-31")).start(now: 0) == 1_706_659_200)
        #expect(try #require(TimeWindow(parsing: "2024-01-31T12:00:00Z")).start(now: 0) == 1_706_702_400)
    }

    @Test(arguments: ["", "soon", "12", "-3d", "2024-13-01", "3x"])
    func nonsenseIsRejected(text: String) {
        #expect(TimeWindow(parsing: text) == nil)
    }
}
