import Foundation
import Testing
@testable import RelMapCore

/// A weekly Salesforce Data Export as a real 2023 org writes it (Fixtures/import/data-export,
/// made by make-fixtures.py): Windows-1252 bytes, a 72-column Contact.csv with accented
/// names, deleted rows and duplicates, a User.csv without Name, a Task.csv of open tasks,
/// list and mass e-mails and calls, events, accounts and opportunities, open and lost.
struct ImportSalesforceDataExportTests {
    static let folder = Repo.fixture("import/data-export")
    static let dupre = "0018a00001DupReAAA"
    static let asOf = Day(iso: "2023-06-30")!

    static func options(_ order: DateOrder? = nil) -> ImportOptions {
        ImportOptions(accountId: "dupre", asOf: asOf, dateOrder: order)
    }

    static func imported() throws -> (Account, ImportReport) {
        let report = try SalesforceImport.run(
            SalesforceFiles.inFolder(folder), options: options(), salesforceAccount: dupre)
        return (try #require(report.account, "\(report.diagnostics)"), report)
    }

    @Test func theFixtureIsWindows1252WithSeventyTwoContactColumns() throws {
        let data = try #require(FileManager.default.contents(atPath: "\(Self.folder)/Contact.csv"))
        #expect(String(data: data, encoding: .utf8) == nil)
        #expect(data.contains(0xE9))  // é in Windows-1252
        let sheet = try CSVSheet.parse(data: data, path: "Contact.csv", encoding: nil).get()
        #expect(sheet.encoding == .windows1252)
        #expect(sheet.columns.count == 72)
    }

    @Test func accentedNamesArriveIntactAndBecomeASCIIIds() throws {
        let (account, report) = try Self.imported()
        #expect(
            account.people.map { "\($0.id) \($0.name)" } == [
                "helene-dupre Hélène Dupré", "cecile-boeuf Cécile Bœuf", "francois-lefevre François Lefèvre",
                "jurgen-muller Jürgen Müller", "zoe-akesson Zoë Åkesson", "stephane-garcon Stéphane Garçon",
                "jose-nunez José Núñez", "soren-kjaergaard Søren Kjærgaard",
            ])
        #expect(account.person("helene-dupre")?.title == "Présidente-directrice générale")
        #expect(account.person("soren-kjaergaard")?.department == "Opérations")
        #expect(report.summary.files.filter { $0.encoding == .windows1252 }.count == 5)  // OpportunityContactRole.csv is ASCII
        #expect(report.summary.files.first { $0.path.hasSuffix("User.csv") }?.encoding == .utf8)
    }

    @Test func deletedContactsAreLeftOutAndOnePersonUnderTwoIdsIsMergedWithAWarning() throws {
        let (account, report) = try Self.imported()
        #expect(account.person("elodie-marchand") == nil)
        #expect(account.person("juergen-mueller") == nil)
        #expect(account.person("jurgen-muller")?.notes?.contains("also Salesforce 0038a00000Dp009AAA") == true)
        #expect(account.person("jose-nunez")?.notes?.contains("also Salesforce 0038a00000Dp010AAA") == true)
        #expect(report.summary.mergedPeople == 2)
        #expect(report.summary.deletedRows == 5)  // a contact, a role, a task, an event, an opportunity
        #expect(
            report.diagnostics.map(\.message) == [
                "row 10, column A (Id): Juergen Mueller has the same e-mail (J.Mueller@dupre-hotels.fr) as row 4; merged into jurgen-muller, both Salesforce ids kept in notes",
                "row 11, column A (Id): José Núñez has the same name and title as row 5; merged into jose-nunez, both Salesforce ids kept in notes",
            ])
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func rolesOnOpenDealsCountAndRolesOnlyOnALostDealGoToNotes() throws {
        let (account, report) = try Self.imported()
        let roles = Dictionary(uniqueKeysWithValues: account.people.map { ($0.id, $0.roles) })
        #expect(roles["helene-dupre"] == [.decisionMaker])
        #expect(roles["francois-lefevre"] == [.economicBuyer])
        #expect(roles["jurgen-muller"] == [.technicalBuyer])
        // Evaluator on a lost deal (1/2) and on one won in 2020 (1/2): given. Business User via the merged id.
        #expect(roles["jose-nunez"] == [.technicalBuyer, .userBuyer])
        // Decision Maker only on the lost 2022 deal: not given, kept in notes.
        #expect(roles["soren-kjaergaard"] == [])
        #expect(
            account.person("soren-kjaergaard")?.notes?.hasSuffix(
                "past role: Decision Maker on lost opportunity 'Wi-Fi invités 2022', closed 2022-10-14") == true)
        #expect(roles["cecile-boeuf"] == [])  // her role row is deleted
        #expect(report.summary.pastRoles == 1)
    }

    @Test func onlyCompletedActivitiesCountAndMeetingsWeighMoreThanCallsAndEmails() throws {
        let (account, _) = try Self.imported()
        let contacts = account.contacts.map {
            "\($0.member)>\($0.person) \(AccountFileWriter.strength($0.strength)) \($0.last?.iso ?? "-")"
        }
        #expect(
            contacts == [
                "amelie-roux>francois-lefevre medium 2023-06-15",  // 8 calls: 4 days' worth
                "joao-silva>jurgen-muller strong 2023-06-22",  // 7 days of meetings and a call
                "amelie-roux>jose-nunez medium 2023-06-09",  // 3 meetings and 2 e-mails
                "joao-silva>zoe-akesson weak 2023-06-22",
                "joao-silva>stephane-garcon weak 2023-06-22",
            ])
        // Hélène had only open calls, list e-mails and a mass e-mail: nobody reaches her.
        #expect(!account.contacts.contains { $0.person == "helene-dupre" })
        #expect(
            !account.interactions.contains {
                $0.note?.hasPrefix("List Email") == true || $0.note?.hasPrefix("Invitation") == true
            })
    }

    @Test func theReportCountsEveryKindOfActivityCountedAndLeftOut() throws {
        let (_, report) = try Self.imported()
        let s = report.summary
        #expect([s.meetings, s.calls, s.emails, s.otherTasks] as [Int] == [12, 9, 2, 0])
        // 40 list e-mails + 8 of the 12-recipient mass send (4 went to another account's contacts).
        #expect(s.massEmails == 48)
        #expect(s.openTasks == 4)
        #expect(s.undatedOrFutureActivities == 1)
        #expect(s.otherActivities == 5)
    }

    @Test func accountCSVNamesTheAccountAndOpportunitiesGiveItsOpenValue() throws {
        let (account, _) = try Self.imported()
        #expect(account.name == "Hôtellerie Dupré Groupe")
        #expect(account.notes == "Salesforce account 0018a00001DupReAAA; industry Hospitality; owner Amélie Roux")
        #expect(account.value == 278_500.5)  // 240,000 + 38,500.50 open; the deleted and closed deals left out
        #expect(
            account.team.map { "\($0.id) \($0.name) \($0.role ?? "-")" } == [
                "amelie-roux Amélie Roux account owner", "joao-silva João Silva -",
            ])
    }

    @Test func theChooserListsAccountsByNameWithContactCountsAndTakesANameToo() throws {
        let report = try SalesforceImport.run(SalesforceFiles.inFolder(Self.folder), options: Self.options())
        #expect(
            report.diagnostics.map(\.message) == [
                "the export holds the contacts of 3 accounts: MEDIABRANDS - UM (0018a00001MbUMAAA3, 16 contacts), Hôtellerie Dupré Groupe (0018a00001DupReAAA, 10 contacts), Nordwind Logistik GmbH (0018a00001NordWAAA, 3 contacts); choose one with salesforceAccount (an account id or name)"
            ])
        let byName = try SalesforceImport.run(
            SalesforceFiles.inFolder(Self.folder), options: Self.options(),
            salesforceAccount: "nordwind logistik gmbh")
        #expect(byName.account?.people.map(\.name) == ["Björn Weiß", "Anke Köhler", "Jörg Straße"])
    }

    @Test func userCSVWithoutNameComposesFirstAndLastNamesFamilyFirstForChinese() throws {
        let sheet = try CSVSheet.read(path: "\(Self.folder)/User.csv", options: Self.options()).get()
        var findings = ImportFindings(skipBadRows: false)
        let names = SalesforceUsers.names(sheet, findings: &findings)
        #expect(names.values.sorted() == ["Amélie Roux", "João Silva", "张伟"])
        #expect(findings.diagnostics.isEmpty)
    }

    @Test func theWrittenFileLoadsBackAndPassesCheck() throws {
        let (account, _) = try Self.imported()
        let text = try ImportedAccountFile.text(account, source: .salesforce(folder: "export/"), path: "dupre.yaml")
            .get()
        let loaded = AccountLoader.load(
            data: Data(text.utf8), path: "dupre.yaml", options: LoadOptions(today: Self.asOf))
        #expect(findings(loaded, .error) == [])
        #expect(text.contains("\n  value: 278500.5 "))
    }
}

/// Exports as they go wrong: problems of optional files are warnings, every file's
/// encoding problem shows in one run, nothing is silently merged or guessed.
struct ImportSalesforceProblemTests {
    static let options = ImportOptions(accountId: "a", asOf: Day(iso: "2023-06-30")!)

    static func run(_ files: [String: Data], _ options: ImportOptions = options, account: String? = nil) throws
        -> ImportReport
    {
        let dir = TempFolder()
        for (name, data) in files { _ = FileManager.default.createFile(atPath: dir.path + "/" + name, contents: data) }
        return try SalesforceImport.run(
            SalesforceFiles.inFolder(dir.path), options: options, salesforceAccount: account)
    }

    @Test func aUserCSVWithoutIdOrNameIsAWarningAndTheImportGoesOn() throws {
        let report = try Self.run([
            "Contact.csv": Data("Id,LastName,FirstName\n003A,Roux,Anne\n".utf8),
            "Task.csv": Data(
                "WhoId,OwnerId,ActivityDate,Status,TaskSubtype\n003A,005X,2023-05-01,Completed,Call\n".utf8),
            "User.csv": Data("Alias,Username\n005X,anne@example.com\n".utf8),
        ])
        #expect(report.account?.team.map(\.name) == ["Salesforce user 005X"])
        #expect(report.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(report.diagnostics.contains { $0.message.hasPrefix("no 'Id' column (each user's Salesforce id)") })
    }

    @Test func aBadRowInAnActivityFileIsLeftOutWithAWarningNotAStop() throws {
        let report = try Self.run([
            "Contact.csv": Data("Id,LastName\n003A,Roux\n".utf8),
            "Task.csv": Data(
                "WhoId,OwnerId,ActivityDate,IsClosed,Type\n003A,005X,2023-05-01,true,Call\n003A,005X,2023-13-01,true,Call\n"
                    .utf8),
        ])
        #expect(report.account?.contacts.count == 1)
        #expect(report.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(
            report.diagnostics.contains {
                $0.message.hasPrefix("row 3, column C (ActivityDate): '2023-13-01' is not a date;")
                    && $0.message.hasSuffix("; row skipped")
            })
    }

    @Test func everyFilesEncodingProblemIsReportedInOneRun() throws {
        let shiftJIS = Data([0xCF, 0xB2, 0xB8, 0x0A])  // ﾏｲｸ
        let report = try Self.run([
            "Contact.csv": Data("Id,LastName\n".utf8) + shiftJIS,
            "Task.csv": Data("WhoId,OwnerId,ActivityDate\n".utf8) + shiftJIS,
            "User.csv": Data("Id,Name\n".utf8) + shiftJIS,
        ])
        #expect(report.account == nil)
        #expect(
            report.diagnostics.map { ($0.location.file as NSString).lastPathComponent } == [
                "Contact.csv", "Task.csv", "User.csv",
            ])
        #expect(report.diagnostics.allSatisfy { $0.message.hasPrefix("cannot tell how the file is encoded") })
        let named = try Self.run(
            ["Contact.csv": Data("Id,LastName\n003A,".utf8) + shiftJIS],
            ImportOptions(accountId: "a", asOf: Self.options.asOf, encoding: TextEncoding(named: "shift_jis")))
        #expect(named.account?.people.map(\.name) == ["ﾏｲｸ"])
    }

    @Test func aHeaderOnlyContactCSVSaysThereIsNobodyToImport() throws {
        let report = try Self.run(["Contact.csv": Data("Id,AccountId,FirstName,LastName\n".utf8)])
        #expect(report.account == nil)
        #expect(
            report.diagnostics.map(\.message) == ["the file has a header but no contacts: there is nobody to import"])
    }

    @Test func aMissingLastNameDoesNotSuggestFirstName() throws {
        let report = try Self.run(["Contact.csv": Data("Id,FirstName,Title\n003A,Anne,CFO\n".utf8)])
        #expect(
            report.diagnostics.map(\.message) == [
                "no 'LastName' column (the contact's name; or Name); the file has: Id, FirstName, Title"
            ])
    }

    @Test func contactsOfManyCompaniesWithoutAccountIdAreAnErrorUnlessAllInOne() throws {
        let csv = Data(
            "Id,FirstName,LastName,Email\n003A,Anne,Roux,anne@acme.com\n003B,Bo,Li,bo@globex.com\n003C,Cy,Ng,cy@acme.com\n"
                .utf8)
        let report = try Self.run(["Contact.csv": csv])
        #expect(report.account == nil)
        #expect(
            report.diagnostics.map(\.message) == [
                "the file has no AccountId column, and its contacts' e-mails are of 2 companies (acme.com 2, globex.com 1); export AccountId with the contacts, or pass allInOne to import them all as one account"
            ])
        var all = Self.options
        all.allInOne = true
        #expect(try Self.run(["Contact.csv": csv], all).account?.people.count == 3)
        // One company's domain, or free mail beside it, is one account.
        let one = Data("Id,LastName,Email\n003A,Roux,anne@acme.com\n003B,Li,bo.li@gmail.com\n".utf8)
        #expect(try Self.run(["Contact.csv": one]).account?.people.count == 2)
    }

    @Test func openTasksWithoutIsClosedAreToldByTheirStatus() throws {
        let report = try Self.run([
            "Contact.csv": Data("Id,LastName\n003A,Roux\n".utf8),
            "Task.csv": Data(
                "WhoId,OwnerId,ActivityDate,Status,Type\n003A,005X,2023-05-01,Completed,Call\n003A,005X,2023-05-02,Not Started,Call\n003A,005X,2023-05-03,Deferred,Call\n"
                    .utf8),
        ])
        #expect(report.summary.calls == 1)
        #expect(report.summary.openTasks == 2)
    }

    @Test func oneEmailToTenPeopleOnADayIsAMassSendAndCountsForNothing() throws {
        var tasks = "WhoId,OwnerId,ActivityDate,Subject,IsClosed,TaskSubtype\n"
        for i in 0..<10 { tasks += "003\(i),005X,2023-05-01,Spring offer,true,Email\n" }
        tasks += "0030,005X,2023-05-02,Your question,true,Email\n"
        var contacts = "Id,LastName\n"
        for i in 0..<3 { contacts += "003\(i),P\(i)\n" }
        let report = try Self.run(["Contact.csv": Data(contacts.utf8), "Task.csv": Data(tasks.utf8)])
        #expect(report.summary.massEmails == 3)
        #expect(report.summary.emails == 1)
        #expect(report.account?.contacts.map(\.person) == ["p0"])
    }
}

/// How completed activities become contact strength (docs/import.md, "Activities").
struct ImportActivityWeightTests {
    static let asOf = Day(iso: "2026-11-01")!

    static func strength(_ channel: ActivityChannel, days: Int) -> ContactStrength? {
        let activities = (1...days).map {
            ImportedActivity(date: asOf.adding(days: -$0 * 7), member: "m", person: "p", channel: channel)
        }
        return ActivityLog.contacts(activities, asOf: asOf, personOrder: ["p"]).first?.strength
    }

    @Test func meetingsWeighTwiceACallAndFourTimesAnEmail() {
        #expect(Self.strength(.meeting, days: 3) == .medium)
        #expect(Self.strength(.meeting, days: 6) == .strong)
        #expect(Self.strength(.call, days: 5) == .weak)
        #expect(Self.strength(.call, days: 6) == .medium)
        #expect(Self.strength(.call, days: 12) == .strong)
        #expect(Self.strength(.email, days: 11) == .weak)
        #expect(Self.strength(.email, days: 12) == .medium)
        #expect(Self.strength(.email, days: 24) == .strong)
    }

    @Test func aDayCountsOnceAtItsWeightiestActivity() {
        let asOf = Self.asOf
        let day = asOf.adding(days: -3)
        let activities =
            [ImportedActivity(date: day, member: "m", person: "p", channel: .email)]
            + (0..<3).map {
                ImportedActivity(date: asOf.adding(days: -10 * $0 - 3), member: "m", person: "p", channel: .meeting)
            }
        #expect(ActivityLog.contacts(activities, asOf: asOf, personOrder: ["p"]).first?.strength == .medium)
    }
}
