import Foundation
import Testing
@testable import RelMapCore

/// Hypothetical changes: how each is applied, how they combine, and what the comparison
/// reports (docs/plan.md, "What-if").
struct WhatIfTests {
    static func northSteel() throws -> Account {
        try #require(AccountLoader.load(file: Repo.path("graphs/north-steel.yaml"), options: testOptions()).account)
    }

    @Test func aPersonWhoLeavesTakesTheirTiesAndContactsAndTheirReportsMoveUp() throws {
        let account = try Self.northSteel()
        let after = try Scenario.apply([.leave("qiao")], to: account)
        #expect(after.person("qiao") == nil)
        #expect(after.person("tang-xm")?.reportsTo == "lin")
        #expect(!after.relations.contains { $0.from == "qiao" || $0.to == "qiao" })
        #expect(!after.contacts.contains { $0.person == "qiao" })
        #expect(!after.interactions.contains { $0.people.contains("qiao") })
        #expect(after.people.count == account.people.count - 1)
        // The demo with three people keeps the other two.
        #expect(after.interactions.contains { $0.people == ["tang-xm", "cao-kz", "jiang-gcs"] })
    }

    @Test func aMemberWhoLeavesTakesTheirContactsAndVisitLog() throws {
        let account = try Self.northSteel()
        let after = try Scenario.apply([.leave("chen-se")], to: account)
        #expect(after.member("chen-se") == nil)
        #expect(!after.contacts.contains { $0.member == "chen-se" })
        #expect(!after.interactions.contains { $0.member == "chen-se" })
        #expect(after.people == account.people)
    }

    @Test func aNewContactIsDatedAsOfAndReplacesAnOldOne() throws {
        let account = try Self.northSteel()
        let after = try Scenario.apply(
            [
                .contact(member: "wang", person: "zheng", strength: .medium),
                .contact(member: "wang", person: "hu", strength: .strong),
            ], to: account)
        #expect(
            after.contacts.contains(Contact(member: "wang", person: "zheng", strength: .medium, last: account.asOf)))
        #expect(
            after.contacts.filter { $0.member == "wang" && $0.person == "hu" }
                == [Contact(member: "wang", person: "hu", strength: .strong, last: account.asOf)])
    }

    @Test func changesCombineAndTheAccountItselfIsUntouched() throws {
        let account = try Self.northSteel()
        let c = try WhatIfComparison.compare(
            account,
            changes: [
                .stance(person: "qian", stance: .supporter),
                .contact(member: "wang", person: "zheng", strength: .medium), .leave("qiao"),
            ])
        #expect(c.before.analysis.account == account)
        #expect(c.after.analysis.person("qian")?.person.stance == .supporter)
        #expect((c.after.analysis.person("zheng")?.reach ?? 0) == 0.6)
        #expect(c.after.analysis.person("qiao") == nil)
        #expect(c.closed.contains { $0.key == "department-not-contacted:财务部" })
        #expect(c.closed.contains { $0.key == "influential-opponent:qian" })
        let qiao = try #require(c.people.first { $0.id == "qiao" })
        #expect(qiao.positionAfter == nil && qiao.positionBefore == 17)
        #expect(c.people.last?.id == "qiao")
        #expect(c.after.analysis.shares.opposition < c.before.analysis.shares.opposition)
    }

    @Test func losingTheOnlyMemberWhoKnowsSomeoneOpensAGapAndRegradesOthers() throws {
        let account = try Self.northSteel()
        let c = try WhatIfComparison.compare(account, changes: [.leave("chen-se")])
        #expect(c.after.analysis.shares.coverage < c.before.analysis.shares.coverage)
        #expect(c.people.contains { $0.id == "jiang-gcs" && $0.reachAfter == 0 })
        #expect(c.closed.contains { $0.key == "single-thread:member:chen-se" })
        let names = AnalysisTables.names(in: c.before.analysis)
        #expect(names("chen-se") == "陈思远")
        #expect(WhatIfTables.changes(c) == "what if: 陈思远 leaves our team")
    }

    @Test func aStanceChangeShowsInTheRankingTableAsBeforeArrowAfter() throws {
        let c = try WhatIfComparison.compare(try Self.northSteel(), changes: [.stance(person: "su", stance: .neutral)])
        let table = WhatIfTables.people(c)
        #expect(table.rows.contains { $0.first == "苏建平" && $0.last == "blocker -> neutral" })
        #expect(WhatIfTables.scores(c).rows.first { $0[0] == "opposition" }?[3].hasPrefix("-") == true)
    }

    @Test func stanceAndStrengthWordsAreReadWithClearErrors() throws {
        #expect(try WhatIfChange.stance(word: "Supporter") == .supporter)
        #expect(try WhatIfChange.strength(word: "STRONG") == .strong)
        #expect(try WhatIfChange.strength(word: "0.75") == .value(0.75))
        #expect(throws: PlanningError.unknownStance("suporter", suggestion: "supporter")) {
            try WhatIfChange.stance(word: "suporter")
        }
        #expect(throws: PlanningError.badStrength("stong", suggestion: "strong")) {
            try WhatIfChange.strength(word: "stong")
        }
        #expect(throws: PlanningError.badStrength("1.5", suggestion: nil)) { try WhatIfChange.strength(word: "1.5") }
        #expect(
            PlanningError.unknownStance("suporter", suggestion: "supporter").description
                == "'suporter' is not a stance (champion, supporter, neutral, skeptic, blocker, unknown); did you mean 'supporter'?"
        )
    }

    @Test func unknownOrMisplacedIdsAreErrorsWithTheNearestId() throws {
        let account = try Self.northSteel()
        #expect(throws: PlanningError.unknownId("qaio", in: .leave, suggestion: "qiao")) {
            try Scenario.apply([.leave("qaio")], to: account)
        }
        #expect(throws: PlanningError.notAPerson("wang", in: .stance)) {
            try Scenario.apply([.stance(person: "wang", stance: .champion)], to: account)
        }
        #expect(throws: PlanningError.notATeamMember("zheng", in: .contact)) {
            try Scenario.apply([.contact(member: "zheng", person: "wang", strength: .weak)], to: account)
        }
    }

    @Test func aDepartureWinsOverOtherChangesToTheSamePerson() throws {
        let after = try Scenario.apply(
            [
                .leave("zheng"), .stance(person: "zheng", stance: .champion),
                .contact(member: "wang", person: "zheng", strength: .strong),
            ], to: try Self.northSteel())
        #expect(after.person("zheng") == nil)
        #expect(!after.contacts.contains { $0.person == "zheng" })
    }
}
