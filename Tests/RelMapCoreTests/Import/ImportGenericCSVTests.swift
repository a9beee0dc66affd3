import Foundation
import Testing
@testable import RelMapCore

/// Importing any spreadsheet of people: columns found by their usual headers or mapped
/// with --map, Chinese words understood, bad rows reported with row and column.
struct ImportGenericCSVTests {
    static let asOf = Day(iso: "2026-11-01")!

    static func options(skip: Bool = false) -> ImportOptions {
        ImportOptions(accountId: "acme", asOf: asOf, skipBadRows: skip)
    }

    static func run(_ path: String, _ map: [String] = [], skip: Bool = false) throws -> ImportReport {
        try GenericCSVImport.run(path: path, mapping: ColumnMapping.parse(map), options: options(skip: skip))
    }

    @Test func aChineseExcelFileNeedsNoMappingAndItsWordsAreUnderstood() throws {
        let report = try Self.run(Repo.fixture("import/csv/people-gb18030.csv"))
        #expect(report.diagnostics.isEmpty)
        let account = try #require(report.account)
        #expect(account.people.map(\.id) == ["zhao-jg", "zhou-m", "qian-w", "sun-l", "li-q"])
        let zhao = try #require(account.person("zhao-jg"))
        #expect(zhao.roles == [.decisionMaker, .economicBuyer])
        #expect(zhao.stance == .neutral)
        #expect(zhao.influence == 5)
        #expect(zhao.notes == "只看投资回报, 要求三年回本")
        #expect(account.person("qian-w")?.stance == .skeptic)
        #expect(account.person("li-q")?.stance == .blocker)
        #expect(account.person("zhou-m")?.stance == .unknown)
        #expect(account.person("zhou-m")?.roles == [.gatekeeper])
        #expect(account.person("sun-l")?.roles == [.influencer, .coach])
        #expect(account.people.filter { $0.id != "zhao-jg" }.allSatisfy { $0.reportsTo == "zhao-jg" })
    }

    @Test func theMemberColumnGivesTheTeamAndItsContacts() throws {
        let account = try #require(try Self.run(Repo.fixture("import/csv/people-gb18030.csv")).account)
        #expect(account.team.map { "\($0.id) \($0.name)" } == ["wang-l 王磊", "chen-sy 陈思远"])
        #expect(
            account.contacts.map { "\($0.member)>\($0.person) \($0.last?.iso ?? "-")" } == [
                "wang-l>zhao-jg 2026-10-30", "wang-l>zhou-m 2026-08-20", "chen-sy>qian-w 2026-09-18",
                "wang-l>sun-l 2026-10-28", "chen-sy>sun-l 2026-10-28",
            ])
    }

    @Test func mappedHeadersReadAnEnglishFileWithAByteOrderMark() throws {
        let report = try Self.run(
            Repo.fixture("import/csv/people-bom.csv"),
            [
                "name=Contact,title=Position,department=Unit",
                "reports_to=Boss,roles=Buying Role,member=Owner,last=Last Touch,notes=Comments",
            ])
        let account = try #require(report.account)
        #expect(account.people.map(\.id) == ["li-wei", "zhang-min", "chen-jie", "jose-nunez"])
        #expect(account.person("zhang-min")?.roles == [.economicBuyer, .gatekeeper])
        #expect(account.person("chen-jie")?.notes == "Asked for a \"reference site\" visit")
        #expect(account.person("jose-nunez")?.name == "José Núñez")
        #expect(account.contacts.count == 3)
    }

    @Test func unknownStanceAndRoleWordsAreKeptInNotesWithAWarning() throws {
        let dir = TempFolder()
        let path = dir.write("p.csv", "name,stance,roles\nAnn,enthusiastic,Decision Maker; Sponsor\n")
        let report = try Self.run(path)
        let ann = try #require(report.account?.people.first)
        #expect(ann.stance == .unknown)
        #expect(ann.roles == [.decisionMaker])
        #expect(ann.notes == "role: Sponsor; stance: enthusiastic")
        #expect(
            report.diagnostics.map(\.message) == [
                "row 2, column B (stance): 'enthusiastic' is not a stance (champion, supporter, neutral, skeptic, blocker, unknown); kept in notes, stance unknown"
            ])
    }

    @Test func badRowsAreErrorsWithRowAndColumn() throws {
        let report = try Self.run(Repo.fixture("import/csv/bad-rows.csv"))
        #expect(report.account == nil)
        #expect(
            findingsOf(report) == [
                "3:1: error: row 3: 7 values but the header names 6 columns; a value holding a comma or a line break must be in quotes (use skipBadRows to leave such rows out)",
                "4:1: error: row 4, column A (name): no name (use skipBadRows to leave such rows out)",
                "5:1: error: row 5, column D (influence): '9' is not an influence from 1 (little) to 5 (decisive) (use skipBadRows to leave such rows out)",
                "6:1: error: row 6, column E (last): '2026-10-32' is not a date; expected a date such as 2026-10-30, 2026/10/30, or 10/30/2026 with dateOrder .mdy (use skipBadRows to leave such rows out)",
            ])
    }

    @Test func skippingBadRowsKeepsTheGoodOnesAndWarnsAboutEachSkippedRow() throws {
        let report = try Self.run(Repo.fixture("import/csv/bad-rows.csv"), skip: true)
        let account = try #require(report.account)
        #expect(account.people.map(\.name) == ["Good Person", "Another Good"])
        #expect(report.diagnostics.count == 4)
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning && $0.message.hasSuffix("; row skipped") })
        #expect(report.summary.skippedRows == 4)
    }

    @Test func quotedCommasAndLineBreaksSurviveIntoTheAccount() throws {
        let account = try #require(try Self.run(Repo.fixture("import/csv/quirks.csv")).account)
        #expect(account.people.map(\.name) == ["Ma, Lin", "Gao Yan", "Huang Bo", "Xu Qing"])
        #expect(account.person("ma-lin")?.department == "R&D, Software")
        #expect(account.person("ma-lin")?.notes == "Line one\nline two, with a comma\nline three")
        #expect(account.person("gao-yan")?.reportsTo == "ma-lin")
        #expect(account.person("xu-qing")?.title == "Multi line title")
    }

    @Test func anIdColumnIsUsedAndCheckedAndManagersMayBeNamedByIt() throws {
        let dir = TempFolder()
        let path = dir.write("p.csv", "id,name,manager\nzhao,赵建国,\nqian,钱伟,zhao\nqian,钱二,zhao\nbad id,孙,zhao\n")
        let report = try Self.run(path, skip: true)
        #expect(report.account?.people.map { "\($0.id)>\($0.reportsTo ?? "-")" } == ["zhao>-", "qian>zhao"])
        #expect(
            report.diagnostics.map(\.message) == [
                "row 4, column A (id): id 'qian' again; row skipped",
                "row 5, column A (id): 'bad id' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'; row skipped",
            ])
    }

    @Test func aMappedColumnTheFileLacksIsAnErrorNamingTheNearestHeader() throws {
        let report = try Self.run(Repo.fixture("import/csv/people-bom.csv"), ["name=Contakt"])
        #expect(
            report.diagnostics.map(\.message) == ["ColumnMapping name=Contakt: no such column; did you mean 'Contact'?"]
        )
    }

    @Test func aFileWithNoNameColumnSaysHowToMapOne() throws {
        let dir = TempFolder()
        let report = try Self.run(dir.write("p.csv", "Who,Job\nAnn,CEO\n"))
        #expect(
            report.diagnostics.map(\.message) == [
                "no column for the person's name; map one with ColumnMapping name=COLUMN (the file has: Who, Job)"
            ])
    }

    @Test(arguments: [
        ("titel=Job", "'titel' is not a field; did you mean 'title'?"),
        ("name", "'name' is not field=Column Header, e.g. 'name=Full Name,title=Job Title'"),
        ("name=A,name=B", "name is mapped twice ('A' and 'B')"),
    ])
    func aWrongMapIsAUsageError(_ spec: String, _ message: String) {
        #expect(throws: ImportError.usage(message)) { try ColumnMapping.parse([spec]) }
    }

    @Test func mappingsGivenSeparatelyAddUpAndMustAgree() throws {
        let name = try ColumnMapping.parse(["name=Full Name"]), title = try ColumnMapping.parse(["title=Job"])
        #expect(try name.merging(title) == ColumnMapping.parse(["name=Full Name,title=Job"]))
        #expect(try name.merging(name) == name)
        #expect(throws: ImportError.usage("name is mapped twice ('Full Name' and 'A')")) {
            try name.merging(ColumnMapping.parse(["name=A"]))
        }
    }

    @Test func aMissingFileIsMissingInput() {
        #expect(throws: ImportError.missingInput("no/such.csv", "no such file")) { try Self.run("no/such.csv") }
    }

    @Test func everyImportedFixtureWritesAFileThatPassesCheck() throws {
        for (name, map) in [
            ("people-gb18030.csv", [String]()), ("quirks.csv", []),
            ("people-bom.csv", ["name=Contact,reports_to=Boss,member=Owner,last=Last Touch"]),
        ] {
            let account = try #require(try Self.run(Repo.fixture("import/csv/\(name)"), map).account, "\(name)")
            let text = try ImportedAccountFile.text(account, source: .csv(file: name), path: "acme.yaml").get()
            let loaded = AccountLoader.load(data: Data(text.utf8), path: "acme.yaml", options: testOptions())
            #expect(findings(loaded, .error) == [], "\(name)")
            #expect(loaded.account?.withoutLocations == account, "\(name)")
        }
    }
}

/// Each finding as `line:column: severity: message`.
func findingsOf(_ report: ImportReport) -> [String] {
    report.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
}
