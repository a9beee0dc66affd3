import Foundation
import Testing
@testable import RelMapCore

/// Reading CSV files as exports really are: quoted values, commas and line breaks inside
/// them, a BOM, Chinese Excel's GB18030, and broken quoting reported with its place.
struct ImportCSVReadingTests {
    static func sheet(_ text: String, encoding: TextEncoding? = nil) throws -> CSVSheet {
        try CSVSheet.parse(data: Data(text.utf8), path: "t.csv", encoding: encoding).get()
    }

    static func problem(_ data: Data, encoding: TextEncoding? = nil) -> String? {
        guard case .failure(let p) = CSVSheet.parse(data: data, path: "t.csv", encoding: encoding) else { return nil }
        return p.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }.joined(separator: "\n")
    }

    static func fixture(_ name: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: Repo.fixture("import/csv/\(name)")))
    }

    @Test func quotedValuesKeepTheirCommasQuotesAndLineBreaks() throws {
        let sheet = try CSVSheet.parse(data: Self.fixture("quirks.csv"), path: "quirks.csv", encoding: nil).get()
        #expect(sheet.columns.map(\.name) == ["name", "title", "department", "reports_to", "notes"])
        let first = try #require(sheet.records.first)
        #expect(
            first.fields == ["Ma, Lin", "CTO", "R&D, Software", "", "Line one\nline two, with a comma\nline three"])
        #expect(sheet.records[1].fields[1] == "Engineer \"Level 2\"")
        #expect(sheet.records[3].fields[1] == "Multi\r\nline title")
        #expect(sheet.records[3].oneLine(sheet.columns[1]) == "Multi line title")
        #expect(sheet.records[3].value(sheet.columns[4]) == "ends with a quote \"")
    }

    @Test func rowsKeepTheSpreadsheetRowAndTheFileLineTheyStartOn() throws {
        let sheet = try CSVSheet.parse(data: Self.fixture("quirks.csv"), path: "quirks.csv", encoding: nil).get()
        // Row 2 spans lines 2-4, row 3 is blank, row 6 holds only commas: both left out.
        #expect(sheet.records.map(\.row) == [2, 4, 5, 7])
        #expect(sheet.records.map(\.line) == [2, 6, 7, 9])
    }

    @Test func aUTF8ByteOrderMarkIsNotPartOfTheFirstHeader() throws {
        let sheet = try CSVSheet.parse(data: Self.fixture("people-bom.csv"), path: "p.csv", encoding: nil).get()
        #expect(sheet.encoding == .utf8)
        #expect(sheet.columns.first?.name == "Contact")
        #expect(sheet.column(["contact"])?.index == 0)
    }

    @Test func chineseExcelGB18030IsDetectedAndDecodedWithoutMojibake() throws {
        let sheet = try CSVSheet.parse(data: Self.fixture("people-gb18030.csv"), path: "p.csv", encoding: nil).get()
        #expect(sheet.encoding == .gb18030)
        #expect(sheet.columns.map(\.name).prefix(4) == ["姓名", "职务", "部门", "上级"])
        #expect(sheet.records.map { $0.fields[0] } == ["赵建国", "钱伟", "孙丽", "李强", "周敏"])
        #expect(sheet.records[0].fields[9] == "只看投资回报, 要求三年回本")
    }

    @Test func gb18030CanBeForcedAndUTF8ForcedOnItFailsWithHowToConvert() throws {
        let data = try Self.fixture("people-gb18030.csv")
        #expect(try CSVSheet.parse(data: data, path: "p.csv", encoding: .gb18030).get().records.count == 5)
        let message = try #require(Self.problem(data, encoding: .utf8))
        #expect(message.hasPrefix("1:1: the file is not UTF-8 text (the first bad byte is here); name its encoding"))
        #expect(
            message.contains(
                "name its encoding, e.g. encoding shift_jis or encoding big5 (any name `iconv -l` lists)"))
    }

    @Test func westernExcelBytesAreReadAsWindows1252NotAsChinese() throws {
        let sheet = try CSVSheet.parse(data: Self.fixture("latin1.csv"), path: "l.csv", encoding: nil).get()
        #expect(sheet.encoding == .windows1252)
        #expect(sheet.records.first?.fields.first?.contains("ü") == true)
        // "Müller" would decode to "M黮ler": an ideograph inside a Latin word.
        #expect(!CSVTextDecoding.readsAsChinese("M黮ler"))
        #expect(CSVTextDecoding.readsAsChinese("赵建国,MES系统"))
    }

    @Test func bytesThatAreNeitherUTF8NorChineseNorWesternAreRefusedWithAHintThatWorks() throws {
        // "ﾏｲｸ" (half-width katakana) in Shift-JIS: not GB18030, and as Windows-1252 a run of signs ("Ï²¸").
        let data = Data("name\n".utf8) + Data([0xCF, 0xB2, 0xB8, 0x0A])
        let message = try #require(Self.problem(data))
        #expect(
            message.hasPrefix(
                "2:2: cannot tell how the file is encoded: it is not UTF-8, and it reads neither as Chinese (GB18030) nor as Western text (Windows-1252); name its encoding, e.g. encoding shift_jis"
            ))
        let sheet = try CSVSheet.parse(data: data, path: "t.csv", encoding: TextEncoding(named: "shift_jis")).get()
        #expect(sheet.records.first?.fields == ["ﾏｲｸ"])
        #expect(sheet.encoding.name == "SHIFT_JIS")
    }

    @Test func anyEncodingIconvKnowsCanBeNamedAndAWrongNameIsNot() throws {
        #expect(TextEncoding(named: "latin1") != nil)
        #expect(TextEncoding(named: "Windows-1252") == .windows1252)
        #expect(TextEncoding(named: "big5") != nil)
        #expect(TextEncoding(named: "utf8") == .utf8)
        #expect(TextEncoding(named: "klingon-8") == nil)
        let big5 = Data("name\n".utf8) + Data([0xA4, 0xFD, 0xB0, 0xEA, 0x0A])  // 王國 in Big5
        #expect(
            try CSVSheet.parse(data: big5, path: "t.csv", encoding: TextEncoding(named: "big5")).get().records.first?
                .fields == ["王國"])
        let bad = try #require(Self.problem(Data([0x61, 0x0A, 0x81, 0x0A]), encoding: .windows1252))
        #expect(bad.hasPrefix("2:1: the file is not WINDOWS-1252 text (the first bad byte is here)"))
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        var data = Data([0xFF, 0xFE])
        data.append("name\tTitle\n赵建国\t总经理\n".data(using: .utf16LittleEndian) ?? Data())
        let sheet = try CSVSheet.parse(data: data, path: "t.csv", encoding: nil).get()
        #expect(sheet.encoding == .utf16)
        #expect(sheet.delimiter == "\t")
        #expect(sheet.records.first?.fields == ["赵建国", "总经理"])
    }

    @Test func textAfterAClosingQuoteIsAnErrorAtItsLineAndColumn() throws {
        #expect(
            Self.problem(try Self.fixture("bad-quote.csv"))
                == "3:9: text after the closing quote of a value; inside quotes write a quote twice (\"\"), and put the whole value in quotes"
        )
    }

    @Test func aQuoteThatNeverClosesIsAnErrorWhereItOpens() throws {
        #expect(
            Self.problem(try Self.fixture("unclosed-quote.csv"))
                == "3:1: this quoted value is never closed; everything after it would be read as one value")
    }

    @Test func doubledQuotesAndQuotedEmptyValuesAreNotMistakenForErrors() throws {
        let sheet = try Self.sheet("a,b,c\n\"\",\"say \"\"hi\"\"\",\"x\"\r\n")
        #expect(sheet.records.first?.fields == ["", "say \"hi\"", "x"])
    }

    @Test func semicolonsOrTabsInTheHeaderChooseTheDelimiter() throws {
        #expect(try Self.sheet("name;title;notes\nA;B;\"x, y\"\n").records.first?.fields == ["A", "B", "x, y"])
        #expect(try Self.sheet("name\ttitle\nA\tB, C\n").records.first?.fields == ["A", "B, C"])
        #expect(try Self.sheet("name,notes\nA,\"x; y; z\"\n").delimiter == ",")
    }

    /// A header with as many semicolons as tabs (and fewer commas) has no majority; the
    /// choice must still be the same on every run, or one file would import two ways.
    /// 200 calls: a choice that follows a dictionary's order, which differs from one
    /// dictionary to the next, drifts within them.
    @Test func aTieBetweenSemicolonsAndTabsAlwaysChoosesTheSemicolon() {
        let chosen = Set((0..<200).map { _ in CSVSheet.delimiter(of: "name;title\tdepartment\nA;B\tC\n") })
        #expect(chosen == [";"])
        #expect(CSVSheet.delimiter(of: "a;b;c\td\te,f\n") == ";")
        #expect(CSVSheet.delimiter(of: "a,b;c\td\n") == ",")
    }

    @Test func anEmptyFileOrNoHeaderIsAnError() {
        #expect(Self.problem(Data()) == "1:1: the file is empty; expected a header row with column names")
        #expect(
            Self.problem(Data(",,\nA,B,C\n".utf8))
                == "1:1: the file has no header row; the first row must name the columns")
    }

    @Test(arguments: [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")])
    func columnLettersCountAsSpreadsheetsDo(_ index: Int, _ letter: String) {
        #expect(CSVColumn(index: index, name: "x").letter == letter)
    }

    @Test func headersMatchIgnoringCaseSpacesAndUnderscores() throws {
        let sheet = try Self.sheet("First Name,REPORTS_TO,e-mail\nA,B,C\n")
        #expect(sheet.column(["FirstName"])?.index == 0)
        #expect(sheet.column(["reports to"])?.index == 1)
        #expect(sheet.column(["email"])?.index == 2)
        #expect(sheet.column(["LastName"]) == nil)
    }

    @Test(arguments: [
        ("2026-10-30", "2026-10-30"), ("2026/9/3", "2026-09-03"), ("2026.10.30", "2026-10-30"),
        ("2026-10-30T08:00:00.000Z", "2026-10-30"), ("2026-10-30 08:00", "2026-10-30"), ("2026年10月30日", "2026-10-30"),
    ])
    func yearFirstDatesAreRead(_ raw: String, _ iso: String) {
        #expect(ImportDates(order: nil).day(raw)?.iso == iso)
    }

    @Test(arguments: ["10/30/2026", "30/10/2026", "2026-02-30", "yesterday", "2026-1", ""])
    func slashDatesWithoutAnOrderAndImpossibleDatesAreRefused(_ raw: String) {
        #expect(ImportDates(order: nil).day(raw) == nil)
    }

    @Test func usAndEuropeanSlashDatesAndTimesAreReadInTheGivenOrder() {
        let us = ImportDates(order: .mdy), eu = ImportDates(order: .dmy)
        #expect(us.day("1/23/2023")?.iso == "2023-01-23")
        #expect(us.day("1/23/2023 4:05 PM")?.iso == "2023-01-23")
        #expect(us.day("03/04/2023")?.iso == "2023-03-04")
        #expect(eu.day("03/04/2023")?.iso == "2023-04-03")
        #expect(eu.day("23.01.2023 16:05")?.iso == "2023-01-23")
        #expect(us.day("2026-10-30T08:00:00.000Z")?.iso == "2026-10-30")
        #expect(us.day("13/01/2023") == nil)
    }

    @Test func aFileSettlesTheOrderWhenOneDateCanOnlyBeReadOneWay() throws {
        #expect(try ImportDates.reader(for: ["03/04/2023", "1/23/2023 4:05 PM"], forced: nil).get().order == .mdy)
        #expect(try ImportDates.reader(for: ["03/04/2023", "23/01/2023"], forced: nil).get().order == .dmy)
        #expect(try ImportDates.reader(for: ["2026-10-30", ""], forced: nil).get().order == nil)
        #expect(try ImportDates.reader(for: ["03/04/2023"], forced: .dmy).get().order == .dmy)
    }

    @Test func aFileOfOnlyAmbiguousOrOfContradictorySlashDatesIsRefused() {
        #expect(
            ImportDates.reader(for: ["03/04/2023", "05/06/2023"], forced: nil).map(\.order)
                == .failure(.ambiguous("03/04/2023")))
        #expect(
            ImportDates.reader(for: ["1/23/2023", "23/01/2023"], forced: nil).map(\.order)
                == .failure(.contradictory(dayFirst: "23/01/2023", monthFirst: "1/23/2023")))
        #expect(
            DateProblem.ambiguous("03/04/2023").message { $0.apiName }.contains(
                "dateOrder .mdy (US: month/day/year) or dateOrder .dmy"))
    }
}
