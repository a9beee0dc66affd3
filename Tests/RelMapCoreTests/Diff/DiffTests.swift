import Foundation
import Testing
@testable import RelMapCore

/// What changed between two versions of an account: the August and November maps of
/// north-steel (Fixtures/diff), written to differ in every way the review looks at.
struct DiffTests {
    static func analysis(_ name: String) throws -> AccountAnalysis {
        Analyzer.analyze(
            try #require(AccountLoader.load(file: Repo.fixture("diff/\(name)"), options: testOptions()).account))
    }

    static func quarter(options: DiffOptions = DiffOptions()) throws -> AccountDiff {
        AccountDiff.between(
            old: try analysis("north-steel-2026-08.yaml"), new: try analysis("north-steel-2026-11.yaml"),
            options: options)
    }

    @Test func peopleAddedAndRemovedAreMatchedById() throws {
        let d = try Self.quarter()
        #expect(d.added.map(\.person.id) == ["qiao"])
        #expect(d.removed.map(\.person.id) == ["zhong"])
        #expect(d.added.first?.rank == 17)
    }

    @Test func stanceChangesSayWhichWayMostInfluentialFirst() throws {
        let d = try Self.quarter()
        #expect(
            d.stances.map { "\($0.id) \($0.from.rawValue)>\($0.to.rawValue) \($0.direction.rawValue)" } == [
                "qian neutral>skeptic down", "wu-zg unknown>skeptic learned", "su neutral>blocker down",
                "li-bz neutral>supporter up",
            ])
        #expect(d.stances.map(\.influence) == d.stances.map(\.influence).sorted(by: >))
    }

    @Test func roleAndFieldChangesAreListed() throws {
        let d = try Self.quarter()
        #expect(
            d.roles.map { "\($0.id) +\($0.added.map(\.rawValue)) -\($0.removed.map(\.rawValue))" }
                == ["xu-ms +[\"influencer\"] -[]", "lin +[\"influencer\"] -[]"])
        #expect(
            d.fields.map { "\($0.id) \($0.field): \($0.from ?? "-") > \($0.to ?? "-")" } == [
                "sun-fz title: 副总经理（分管生产） > 常务副总经理（分管生产、设备、信息）", "tang-xm reports_to: zhong > qiao",
            ])
    }

    @Test func contactsGainedLostStaleRevivedAndStrengthChangesAreFound() throws {
        let d = try Self.quarter()
        #expect(
            d.contacts.map { "\($0.kind.rawValue) \($0.member)>\($0.person)" } == [
                "gained chen-se>jiang-gcs", "gained wang>lin", "gained wang>qiao", "gained chen-se>tang-xm",
                "gained wang>bai",
                "lost wang>zhong", "stale wang>hu", "stronger wang>li-bz", "weaker chen-se>qian",
            ])
        let stale = try #require(d.contacts.first { $0.kind == .stale })
        #expect(stale.from?.daysAgo == 27 && stale.to?.daysAgo == 119)
        #expect(stale.personName == "胡明" && stale.memberName == "王磊")
    }

    @Test func aContactSeenAgainAfterGoingStaleIsRevived() throws {
        let old = Account(
            id: "a", name: "A", asOf: Day(iso: "2026-08-01")!, team: [TeamMember(id: "m", name: "M")],
            people: [Person(id: "p", name: "P")],
            contacts: [Contact(member: "m", person: "p", strength: .medium, last: Day(iso: "2026-01-01")!)])
        var new = old
        new.asOf = Day(iso: "2026-11-01")!
        new.contacts[0].last = Day(iso: "2026-10-20")!
        let d = AccountDiff.between(old: Analyzer.analyze(old), new: Analyzer.analyze(new))
        #expect(d.contacts.map(\.kind) == [.revived])
    }

    @Test func theStaleLimitIsTheReachHalfLifeUnlessSet() throws {
        #expect(DiffOptions().staleAfterDays == 90)
        var options = DiffOptions()
        options.staleAfterDays = 200
        // 胡明 (119 days) is fresh again; 孙立新, 142 days in August and 234 now, goes stale.
        #expect(try Self.quarter(options: options).contacts.filter { $0.kind == .stale }.map(\.person) == ["sun-fz"])
    }

    @Test func sharesMoveAndOnlyDepartmentsThatMovedAreListed() throws {
        let d = try Self.quarter()
        #expect(Formatting.score(d.shares.from?.coverage ?? -1) == "11.5")
        #expect(Formatting.score(d.shares.to?.coverage ?? -1) == "21.2")
        #expect(Formatting.score(d.shares.to?.opposition ?? -1) == "9.6")
        #expect(d.departments.map { $0.department ?? "-" } == ["总经办", "设备部", "生产部", "采购部", "信息中心"])
    }

    @Test func onlyRankMovesAboveTheNoiseAreListedBiggestFirst() throws {
        let d = try Self.quarter()
        #expect(d.ranks.map { "\($0.id) \($0.fromRank)>\($0.toRank)" } == ["xu-ms 9>6", "tang-xm 16>15"])
        #expect(d.ranks.allSatisfy { abs($0.rise) >= 2 || abs($0.toInfluence - $0.fromInfluence) >= 3 })
    }

    @Test func aFileComparedWithItselfHasNoChanges() throws {
        let a = try Self.analysis("north-steel-2026-11.yaml")
        let d = AccountDiff.between(old: a, new: a)
        #expect(d.isEmpty)
        #expect(d.departments.isEmpty)
        #expect(d.gaps == nil)
    }

    @Test func gapsAreOnePluggableSectionMatchedByKey() throws {
        // A stand-in gap analysis: every person whose stance is unknown is a gap.
        let unknownStances: GapSource = { analysis in
            analysis.people.filter { $0.person.stance == .unknown }.map {
                DiffGap(
                    key: "unknown-stance:\($0.person.id)", severity: "medium",
                    text: "stance of \($0.person.name) unknown", weight: $0.influence)
            }
        }
        let d = try Self.quarter(options: DiffOptions(gaps: unknownStances))
        let gaps = try #require(d.gaps)
        #expect(gaps.opened.map(\.key) == [])
        #expect(gaps.closed.map(\.key) == ["unknown-stance:wu-zg"])
        #expect(
            GapChanges.between(
                old: [DiffGap(key: "a", severity: "low", text: "A")],
                new: [DiffGap(key: "b", severity: "high", text: "B", weight: 2)])
                == GapChanges(
                    opened: [DiffGap(key: "b", severity: "high", text: "B", weight: 2)],
                    closed: [DiffGap(key: "a", severity: "low", text: "A")]))
    }

    @Test func theSameTwoFilesGiveTheSameDiff() throws {
        let a = try DiffDocument(Self.quarter()).encoded()
        let b = try DiffDocument(Self.quarter()).encoded()
        #expect(a == b)
    }
}
