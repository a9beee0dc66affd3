import Foundation
import Testing
@testable import RelMapCore

/// Salesforce reports exported in a US locale, and the contacts exports of HubSpot and
/// Dynamics 365, read through their presets (docs/import.md).
struct ImportCRMPresetTests {
    static let asOf = Day(iso: "2023-06-30")!
    static func options(_ order: DateOrder? = nil) -> ImportOptions {
        ImportOptions(accountId: "x", asOf: asOf, dateOrder: order)
    }

    @Test func aUSReportExportWithMonthFirstDatesAndTimesImports() throws {
        let report = try SalesforceImport.run(
            SalesforceFiles.inFolder(Repo.fixture("import/report-us")), options: Self.options(),
            salesforceAccount: "Harbor & Finch")
        let account = try #require(report.account, "\(report.diagnostics)")
        #expect(account.name == "Harbor & Finch")
        #expect(account.people.map(\.name) == ["Megan O'Neill", "Derek Lam", "Priya Raman"])
        #expect(account.person("derek-lam")?.reportsTo == "megan-o-neill")
        #expect(account.team.map(\.name) == ["Amy Chen", "Raj Patel"])
        let contacts = account.contacts.map {
            "\($0.member)>\($0.person) \(AccountFileWriter.strength($0.strength)) \($0.last?.iso ?? "-")"
        }
        #expect(
            contacts == [
                "amy-chen>megan-o-neill weak 2023-03-04",  // 1/23/2023 and 3/4/2023: two calls
                "raj-patel>derek-lam weak 2023-05-12",
                "raj-patel>priya-raman weak 2023-02-16",  // "2/16/2023 1:00 PM"
            ])
        #expect(account.interactions.map(\.date.iso) == ["2023-01-23", "2023-02-16", "2023-03-04", "2023-05-12"])
        #expect(report.summary.openTasks == 1)
        #expect(report.diagnostics.isEmpty)
    }

    @Test func slashDatesThatCouldBeEitherAreRefusedUnlessTheFormatIsGiven() throws {
        let dir = TempFolder()
        dir.write("Contact.csv", "Contact ID,Last Name\n003A,Roux\n")
        dir.write(
            "Task.csv",
            "Name ID,Assigned ID,Date,Status\n003A,005X,03/04/2023,Completed\n003A,005X,05/06/2023,Completed\n")
        let refused = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options())
        #expect(refused.account == nil)
        #expect(
            refused.diagnostics.map(\.description) == [
                "\(dir.path)/Task.csv:2:1: error: [bad-date] row 2, column C (Date): every slash date in this file could be month first or day first ('03/04/2023'); say which with dateOrder .mdy (US: month/day/year) or dateOrder .dmy (day/month/year)"
            ])
        let dmy = try SalesforceImport.run(SalesforceFiles.inFolder(dir.path), options: Self.options(.dmy))
        #expect(dmy.account?.interactions.map(\.date.iso) == ["2023-04-03", "2023-06-05"])
    }

    @Test func hubSpotNeedsACompanyWhenTheExportHoldsSeveral() throws {
        let report = try GenericCSVImport.run(
            path: Repo.fixture("import/hubspot-contacts.csv"), mapping: ColumnMapping(),
            options: Self.options(), preset: .hubspot)
        #expect(
            report.diagnostics.map(\.message) == [
                "the file holds the people of 2 companies (Associated Company): Northwind Traders (4 people), Contoso Lda (1 person); choose one with company, or pass allInOne"
            ])
    }

    @Test func aHubSpotExportGivesNamesTitlesOwnersAndLastContacts() throws {
        let report = try GenericCSVImport.run(
            path: Repo.fixture("import/hubspot-contacts.csv"), mapping: ColumnMapping(),
            options: Self.options(), preset: .hubspot, company: "northwind traders")
        let account = try #require(report.account, "\(report.diagnostics)")
        #expect(account.name == "Northwind Traders")
        #expect(
            account.people.map { "\($0.id) \($0.name) \($0.title ?? "-")" } == [
                "laura-bennett Laura Bennett VP Operations", "omar-haddad Omar Haddad IT Manager",
                "mei-lin Mei Lin Procurement Lead", "ken Ken Analyst",
            ])
        #expect(account.person("omar-haddad")?.notes == "Record ID 52; email omar.haddad@northwind.io")
        #expect(account.team.map(\.name) == ["Chris Doyle", "Dana Fox"])
        let contacts = account.contacts.map {
            "\($0.member)>\($0.person) \(AccountFileWriter.strength($0.strength)) \($0.last?.iso ?? "-")"
        }
        // Last Contacted (sales activities) before Last Activity Date; weak: the export says when, not how often.
        #expect(
            contacts == [
                "chris-doyle>laura-bennett weak 2023-06-21", "chris-doyle>omar-haddad weak 2023-04-11",
                "dana-fox>mei-lin weak -",
            ])
        #expect(report.summary.files.first?.encoding == .utf8)  // HubSpot writes a BOM
    }

    @Test func aDynamicsExportGivesManagersFromTheContactLookupOrTheManagerName() throws {
        let report = try GenericCSVImport.run(
            path: Repo.fixture("import/dynamics-contacts.csv"), mapping: ColumnMapping(),
            options: Self.options(), preset: .dynamics, company: "Fabrikam AS")
        let account = try #require(report.account, "\(report.diagnostics)")
        #expect(account.name == "Fabrikam AS")
        let people = account.people.map {
            "\($0.id) \($0.name) \($0.title ?? "-") \($0.department ?? "-") \($0.reportsTo ?? "-")"
        }
        #expect(
            people == [
                "ingrid-holm Ingrid Holm Managing Director Board -",
                "per-olsen Per Olsen CFO Finance ingrid-holm",  // parentcontactid
                "kari-nilsen Kari Nilsen Head of Logistics Logistics ingrid-holm",  // managername
                "ola-dahl Ola Dahl Warehouse Lead Logistics kari-nilsen",  // no fullname: firstname + lastname
            ])
        #expect(account.team.map(\.name) == ["Lena Berg", "Tom Reed"])
        #expect(
            account.contacts.map { "\($0.member)>\($0.person)" } == [
                "lena-berg>ingrid-holm", "lena-berg>per-olsen", "tom-reed>kari-nilsen", "tom-reed>ola-dahl",
            ])
        #expect(report.diagnostics.isEmpty)
    }

    @Test func aGenericCSVWithFirstAndLastNameKeepsTheSurname() throws {
        let dir = TempFolder()
        let path = dir.write("p.csv", "First Name,Last Name,Title\nLaura,Bennett,VP\n建国,赵,总经理\n")
        let report = try GenericCSVImport.run(path: path, mapping: ColumnMapping(), options: Self.options())
        #expect(report.account?.people.map(\.name) == ["Laura Bennett", "赵建国"])
        #expect(report.account?.people.map(\.id) == ["laura-bennett", "zhao-jg"])
    }

    @Test func aHeaderOnlyCSVSaysThereIsNobodyToImport() throws {
        let dir = TempFolder()
        let path = dir.write("p.csv", "name,title\n")
        let report = try GenericCSVImport.run(path: path, mapping: ColumnMapping(), options: Self.options())
        #expect(report.account == nil)
        #expect(report.diagnostics.map(\.message) == ["the file has a header but no rows: there is nobody to import"])
    }
}
