import Foundation
import Testing
@testable import RelMapCore

/// The Salesforce import end to end on a small hand-written export
/// (Fixtures/import/salesforce: Contact, OpportunityContactRole, Task, Event, User).
struct ImportSalesforceTests {
    static let folder = Repo.fixture("import/salesforce")
    static let account = "0015g00000HdPmAAAQ"
    static let asOf = Day(iso: "2026-11-01")!

    static func options(skip: Bool = false) -> ImportOptions {
        ImportOptions(accountId: "huadong-precision", accountName: "华东精密机械", asOf: asOf, skipBadRows: skip)
    }

    static func imported() throws -> (Account, ImportReport) {
        let report = try SalesforceImport.run(
            SalesforceFiles.inFolder(folder), options: options(), salesforceAccount: account)
        return (try #require(report.account), report)
    }

    @Test func anExportOfSeveralAccountsAsksWhichOne() throws {
        let report = try SalesforceImport.run(SalesforceFiles.inFolder(Self.folder), options: Self.options())
        #expect(report.account == nil)
        #expect(
            report.diagnostics.map(\.message) == [
                "the export holds the contacts of 2 accounts: 0015g00000HdPmAAAQ (10 contacts), 0015g00000Xy77AAAQ (2 contacts); choose one with salesforceAccount (an account id or name)"
            ])
    }

    @Test func anAccountIdNotInTheExportIsAnError() throws {
        let report = try SalesforceImport.run(
            SalesforceFiles.inFolder(Self.folder), options: Self.options(),
            salesforceAccount: "0015g00000NoSuchAAA")
        #expect(report.account == nil)
        #expect(
            report.diagnostics.first?.message.hasPrefix(
                "no contact is of account 0015g00000NoSuchAAA; the export holds ") == true)
    }

    @Test func theFolderIsFoundByObjectNamesAndContactCSVIsRequired() throws {
        let files = try SalesforceFiles.inFolder(Self.folder)
        #expect(files.contactRoles?.hasSuffix("/OpportunityContactRole.csv") == true)
        #expect(files.tasks != nil && files.events != nil && files.users != nil)
        let empty = TempFolder()
        #expect(throws: ImportError.self) { try SalesforceFiles.inFolder(empty.path) }
        #expect(throws: ImportError.missingInput("no/such/folder", "no such file or folder")) {
            try SalesforceFiles.inFolder("no/such/folder")
        }
    }

    @Test func contactsBecomePeopleWithUnknownStanceAndTheirNamesTitlesAndDepartments() throws {
        let (account, _) = try Self.imported()
        #expect(
            account.people.map(\.id) == [
                "sun-zg", "li-mh", "chen-j", "zhou-t", "wu-hf", "zheng-l", "thomas-becker",
                "wang-f", "ouyang-m", "feng-x",
            ])
        #expect(account.people.allSatisfy { $0.stance == .unknown && $0.influence == nil })
        #expect(account.person("sun-zg")?.name == "孙志刚")
        #expect(account.person("thomas-becker")?.name == "Thomas Becker")
        #expect(account.person("li-mh")?.title == "副总经理, 分管生产与设备")
        #expect(account.person("thomas-becker")?.title == "Technical Advisor (\"Gutachter\")")
        #expect(account.person("feng-x")?.title == "生产计划主管 （兼质量追溯）")
        #expect(account.person("sun-zg")?.notes == "Salesforce 0035g00000HdP01AAQ; email sunzg@hdpm.com.cn")
    }

    @Test func reportsToIdsBecomeReportingLines() throws {
        let (account, _) = try Self.imported()
        let managers = Dictionary(uniqueKeysWithValues: account.people.map { ($0.id, $0.reportsTo ?? "-") })
        #expect(
            managers == [
                "sun-zg": "-", "li-mh": "sun-zg", "chen-j": "sun-zg", "zhou-t": "sun-zg", "wu-hf": "li-mh",
                "zheng-l": "wu-hf", "thomas-becker": "wu-hf", "wang-f": "zhou-t", "ouyang-m": "li-mh",
                "feng-x": "li-mh",
            ])
    }

    @Test func contactRolesMapToBuyingRolesAndWhatDoesNotMapStaysInNotes() throws {
        let (account, _) = try Self.imported()
        let roles = Dictionary(uniqueKeysWithValues: account.people.map { ($0.id, $0.roles) })
        #expect(roles["sun-zg"] == [.decisionMaker])
        #expect(roles["li-mh"] == [.influencer])
        #expect(roles["wu-hf"] == [.decisionMaker, .technicalBuyer])
        #expect(roles["thomas-becker"] == [.technicalBuyer, .influencer])
        #expect(roles["ouyang-m"] == [.technicalBuyer])
        #expect(roles["wang-f"] == [])
        #expect(
            account.person("li-mh")?.notes?.hasSuffix(
                "primary contact on opportunity 0065g00000MesPjAAQ; Salesforce role: Executive Sponsor") == true)
        #expect(account.person("wang-f")?.notes?.hasSuffix("Salesforce role: 采购对接人") == true)
        #expect(account.person("chen-j")?.notes?.hasSuffix("Salesforce role: Other") == true)
    }

    @Test(arguments: RoleWords.salesforce.map(\.word))
    func everyStandardSalesforceRoleIsKnown(_ word: String) {
        #expect(RoleWords.roles(for: word) != nil)
        #expect(RoleWords.roles(for: word.uppercased()) == RoleWords.roles(for: word))
    }

    @Test func theDocumentedRoleMappingHolds() {
        #expect(RoleWords.roles(for: "Economic Decision Maker") == [.decisionMaker, .economicBuyer])
        #expect(RoleWords.roles(for: "Evaluator") == [.technicalBuyer])
        #expect(RoleWords.roles(for: "Executive Sponsor") == [.influencer])
        #expect(RoleWords.roles(for: "Business User") == [.userBuyer])
        #expect(RoleWords.roles(for: "Other") == [])
        #expect(RoleWords.roles(for: "Procurement Lead") == nil)
        #expect(RoleWords.roles(for: "拍板人") == [.decisionMaker])
        #expect(RoleWords.roles(for: "technical-buyer") == [.technicalBuyer])
    }

    @Test func activityOwnersBecomeTheTeamMostActiveFirst() throws {
        let (account, _) = try Self.imported()
        #expect(account.team.map { "\($0.id) \($0.name)" } == ["wang-l 王磊", "chen-sy 陈思远", "liu-zh 刘振华"])
    }

    @Test func contactStrengthFollowsHowOftenTheyMetInTheLastYear() throws {
        let (account, _) = try Self.imported()
        let contacts = account.contacts.map {
            "\($0.member)>\($0.person) \(AccountFileWriter.strength($0.strength)) \($0.last?.iso ?? "-")"
        }
        #expect(
            contacts == [
                "liu-zh>li-mh weak 2025-09-20",  // only before the last 12 months
                "wang-l>li-mh medium 2026-10-21",  // 8 days of calls in the year: 4 days' worth
                "wang-l>zhou-t weak 2026-10-09",  // 2 days
                "chen-sy>wu-hf medium 2026-10-22",  // 3 days of meetings
                "wang-l>wu-hf weak 2026-10-28",
                "chen-sy>zheng-l medium 2026-10-22",
                "wang-l>wang-f weak 2025-10-10",
                "wang-l>ouyang-m weak 2026-06-30",
                "chen-sy>thomas-becker weak 2026-10-22",
            ])
    }

    @Test func oneMeetingLoggedPerPersonBecomesOneInteraction() throws {
        let (account, _) = try Self.imported()
        let demo = try #require(account.interactions.first { $0.note == "MES原型演示" })
        #expect(demo.people == ["wu-hf", "zheng-l", "thomas-becker"])
        #expect(demo.kind == "demo")
        #expect(account.interactions.count == 19)
        #expect(account.interactions.map(\.date) == account.interactions.map(\.date).sorted())
        #expect(account.interactions.contains { $0.note == "预算审批流程确认\n周总要求补充投资回报测算" })
    }

    @Test func leadsOtherAccountsAndPlannedActivitiesAreLeftOutAndCounted() throws {
        let (account, report) = try Self.imported()
        #expect(report.summary.otherActivities == 2)
        #expect(report.summary.openTasks == 2)
        #expect(report.summary.undatedOrFutureActivities == 0)
        #expect(report.summary.otherRoles == 1)
        #expect(!account.interactions.contains { $0.date > Self.asOf })
        #expect(
            report.summary.files.map { ($0.path as NSString).lastPathComponent }
                == ["Contact.csv", "OpportunityContactRole.csv", "Task.csv", "Event.csv", "User.csv"])
        #expect(report.diagnostics.isEmpty)
    }

    @Test func theWrittenFileMatchesTheReviewedOneAndLoadsBackToTheSameAccount() throws {
        let (account, _) = try Self.imported()
        let text = try ImportedAccountFile.text(
            account, source: .salesforce(folder: "export/"), path: "huadong-precision.yaml"
        ).get()
        let expected = try String(
            contentsOfFile: Repo.fixture("import/expected/huadong-precision.yaml"), encoding: .utf8)
        #expect(text == expected)
        let loaded = AccountLoader.load(data: Data(text.utf8), path: "huadong-precision.yaml", options: testOptions())
        #expect(findings(loaded, .error) == [])
        #expect(loaded.account?.withoutLocations == account)
        // The first line points editors at the schema (docs/format.md, "Editor help").
        #expect(text.hasPrefix("# yaml-language-server: $schema=relmap.schema.json\n# \(OutputFile.mark) import"))
    }

    @Test func aContactWithoutAnIdIsABadRowUnlessSkipped() throws {
        let dir = TempFolder()
        dir.write("Contact.csv", "Id,LastName,FirstName\n003A,赵,建国\n,钱,伟\n003C,孙,丽\n")
        let failed = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options())
        #expect(failed.account == nil)
        #expect(
            failed.diagnostics.map(\.description) == [
                "\(dir.path)/Contact.csv:3:1: error: [bad-row] row 3, column A (Id): no Salesforce id (use skipBadRows to leave such rows out)"
            ])
        let skipped = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options(skip: true))
        #expect(skipped.account?.people.map(\.id) == ["zhao-jg", "sun-l"])
        #expect(skipped.diagnostics.map(\.severity) == [.warning])
        #expect(skipped.summary.skippedRows == 1)
    }

    /// The repeat is the error; the first row is a note with its own line (here not the
    /// row number: a title above holds a line break), so an editor can jump to both.
    @Test func aRepeatedSalesforceIdIsADuplicateIdWithANoteAtTheFirstRow() throws {
        let dir = TempFolder()
        dir.write("Contact.csv", "Id,LastName,Title\n003B,Bob,\"Head\nof Sales\"\n003A,Ann,\n003A,Cy,\n")
        let failed = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options())
        #expect(failed.account == nil)
        #expect(
            failed.diagnostics.map(\.description) == [
                "\(dir.path)/Contact.csv:5:1: error: [duplicate-id] row 4, column A (Id): Salesforce id 003A again (use skipBadRows to leave such rows out)\n"
                    + "\(dir.path)/Contact.csv:4:1: note: row 3: the first row with this id"
            ])
        let skipped = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options(skip: true))
        #expect(skipped.account?.people.map(\.name) == ["Bob", "Ann"])
        #expect(
            skipped.diagnostics.map(\.description) == [
                "\(dir.path)/Contact.csv:5:1: warning: [duplicate-id] row 4, column A (Id): Salesforce id 003A again; row skipped\n"
                    + "\(dir.path)/Contact.csv:4:1: note: row 3: the first row with this id"
            ])
    }

    @Test func aMissingColumnNamesTheNearestHeader() throws {
        let dir = TempFolder()
        dir.write("Contact.csv", "Id,LastNme\n003A,赵\n")
        let report = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options())
        #expect(
            report.diagnostics.map(\.message) == [
                "no 'LastName' column (the contact's name; or Name); did you mean 'LastNme'?"
            ])
    }

    @Test func aReportingCycleIsBrokenWithAWarningSoTheFilePassesCheck() throws {
        let dir = TempFolder()
        dir.write("Contact.csv", "Id,LastName,ReportsToId\n003A,Ann,003B\n003B,Bob,003A\n003C,Cy,003Z\n")
        let report = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options())
        let account = try #require(report.account)
        #expect(account.people.map { $0.reportsTo ?? "-" } == ["-", "ann", "-"])
        #expect(
            report.diagnostics.map(\.message) == [
                "row 2, column C (ReportsToId): reporting cycle through Ann; this person's reports_to left empty",
                "row 4, column C (ReportsToId): '003Z' is not one of the account's people; reports_to left empty",
            ])
        #expect(
            ImportedAccountFile.text(account, source: .salesforce(folder: "x"), path: "x.yaml").map { _ in true }
                == .success(true))
    }

    @Test func activityOwnersWithoutUserCSVAreNamedByTheirIdWithAWarning() throws {
        let dir = TempFolder()
        dir.write("Contact.csv", "Id,LastName\n003A,Ann\n")
        dir.write(
            "Task.csv", "WhoId,OwnerId,ActivityDate,Subject\n003A,005XYZ,2026-10-01,Call\n003A,005XYZ,2026-13-01,Bad\n")
        let report = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options(skip: true))
        let account = try #require(report.account)
        #expect(account.team.map(\.name) == ["Salesforce user 005XYZ"])
        #expect(account.team.map(\.id) == ["user-005xyz"])
        #expect(
            report.diagnostics.map(\.message) == [
                "no name for activity owner 005XYZ; export User.csv (Id, FirstName, LastName) to name them",
                "row 3, column C (ActivityDate): '2026-13-01' is not a date; expected a date such as 2026-10-30, 2026/10/30, or 10/30/2026 with dateOrder .mdy; row skipped",
            ])
    }
}

/// How activity frequency becomes contact strength (docs/import.md, "Activities").
struct ImportActivityStrengthTests {
    static let asOf = Day(iso: "2026-11-01")!

    static func strength(days: [Int]) -> ContactStrength? {
        let activities = days.map { ImportedActivity(date: asOf.adding(days: -$0), member: "m", person: "p") }
        return ActivityLog.contacts(activities, asOf: asOf, personOrder: ["p"]).first?.strength
    }

    @Test func oneOrTwoDaysAreWeakThreeToFiveMediumSixOrMoreStrong() {
        #expect(Self.strength(days: [1]) == .weak)
        #expect(Self.strength(days: [1, 40]) == .weak)
        #expect(Self.strength(days: [1, 40, 80]) == .medium)
        #expect(Self.strength(days: [1, 40, 80, 120, 160]) == .medium)
        #expect(Self.strength(days: [1, 40, 80, 120, 160, 200]) == .strong)
    }

    @Test func manyActivitiesOnOneDayCountOnce() {
        #expect(Self.strength(days: [5, 5, 5, 5, 5, 5, 5]) == .weak)
    }

    @Test func historyOlderThanAYearGivesAWeakContactWithItsDate() {
        let activities = (400...410).map {
            ImportedActivity(date: Self.asOf.adding(days: -$0), member: "m", person: "p")
        }
        let contact = ActivityLog.contacts(activities, asOf: Self.asOf, personOrder: ["p"]).first
        #expect(contact?.strength == .weak)
        #expect(contact?.last == Self.asOf.adding(days: -400))
    }
}
