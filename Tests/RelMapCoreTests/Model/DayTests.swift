import Testing
@testable import RelMapCore

struct DayTests {
    @Test(arguments: ["1970-01-01", "2000-02-29", "2024-12-31", "2026-11-01", "1900-03-01", "9999-12-31"])
    func isoRoundTrips(_ text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
    }

    @Test(arguments: [
        "2026-13-45", "2026-02-29", "1900-02-29", "2026-1-5", "20261101", "2026-11-01T10:00", "", "2026-00-10",
        "２０２６-11-01",
    ])
    func impossibleOrMalformedDatesAreRejected(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func daysBetweenKnownDates() throws {
        let a = try #require(Day(iso: "2026-08-03")), b = try #require(Day(iso: "2026-11-01"))
        #expect(a.days(until: b) == 90)
        #expect(Day(iso: "1970-01-02")?.daysSinceEpoch == 1)
        #expect(Day(iso: "2000-03-01")?.daysSinceEpoch == 11017)
    }
}
