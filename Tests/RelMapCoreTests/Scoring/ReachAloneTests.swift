import Foundation
import RelMapSynthetic
import Testing
@testable import RelMapCore

/// `check` warns of unreached people from `Reach.strengths(account:parameters:)`, which
/// builds neither the graph nor the contact list; the analysis reads reach from the full
/// search. A person the warnings call unreached must be exactly a person the analysis
/// gives reach 0, so the two must give the same numbers on every account.
struct ReachAloneTests {
    /// The analysis' reach: the graph, `CurrentContacts` and the route search.
    static func full(_ account: Account) -> [Double] {
        let parameters = ScoringParameters()
        return Reach.strengths(
            account: account, graph: AccountGraph(account: account, parameters: parameters),
            contacts: CurrentContacts.of(account, parameters: parameters), parameters: parameters)
    }

    static func alone(_ account: Account) -> [Double] {
        Reach.strengths(account: account, parameters: ScoringParameters())
    }

    /// The ids of the people with reach 0, by the full search, after checking that the
    /// cheap one gives the same numbers.
    static func unreached(_ account: Account) -> [String] {
        let full = full(account)
        #expect(alone(account) == full)
        return zip(account.people, full).filter { $0.1 == 0 }.map(\.0.id)
    }

    static let yamlFiles: [String] = {
        let roots = ["graphs", "Tests/RelMapCoreTests/Fixtures"]
        return roots.flatMap { root in
            let base = Repo.path(root)
            let found = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
            return found.filter { $0.hasSuffix(".yaml") }.map { "\(root)/\($0)" }
        }.sorted()
    }()

    @Test func samplesAndFixturesGiveTheSameReach() {
        var compared = 0, zeros = 0
        for path in Self.yamlFiles {
            guard let account = AccountLoader.load(file: Repo.path(path), options: testOptions()).account else {
                continue
            }
            let full = Self.full(account)
            #expect(Self.alone(account) == full, "\(path)")
            compared += 1
            zeros += full.filter { $0 == 0 }.count
        }
        // Every sample of graphs/ and most fixtures load; some of them leave people unreached.
        #expect(compared >= 40)
        #expect(zeros > 0)
    }

    /// The varied book of the benchmarks, with contacts faded past zero, dates moved by
    /// the log, and contacts known only from the log added, so every rule gets exercised.
    @Test func variedAccountsGiveTheSameReach() {
        let book = SyntheticBook(seed: 7)
        var rng = SplitMix64(seed: 21)
        var zeros = 0, reached = 0
        for k in 0..<150 {
            var account = book.account(k).make()
            let n = account.people.count, team = account.team.count
            for c in account.contacts.indices where Int.random(in: 0..<6, using: &rng) == 0 {
                // Four centuries before as_of: the contact fades to exactly 0.
                account.contacts[c].last = account.asOf.adding(days: -146_097)
            }
            for _ in 0..<Int.random(in: 0...(n / 4 + 1), using: &rng) {
                let old = Int.random(in: 0..<3, using: &rng) == 0
                account.interactions.append(
                    Interaction(
                        date: account.asOf.adding(days: old ? -146_097 : -Int.random(in: 0...500, using: &rng)),
                        member: "t\(Int.random(in: 0..<team, using: &rng))",
                        people: (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                            "p\(Int.random(in: 0..<n, using: &rng))"
                        }))
            }
            let full = Self.full(account)
            #expect(Self.alone(account) == full, "account \(k)")
            zeros += full.filter { $0 == 0 }.count
            reached += full.filter { $0 > 0 }.count
        }
        #expect(zeros > 1000 && reached > 1000)
    }

    /// One champion `c` (met), one neutral `x`, and whoever the test adds.
    static func sample(
        people more: [Person] = [], relations: [Relation] = [], contacts: [Contact]? = nil,
        interactions: [Interaction] = [], team: [String] = ["wang"]
    ) -> Account {
        let asOf = Day(iso: "2026-11-01")!
        return Account(
            id: "a", name: "A", asOf: asOf, team: team.map { TeamMember(id: $0, name: $0) },
            people: [Person(id: "c", name: "C", stance: .champion), Person(id: "x", name: "X", stance: .neutral)]
                + more,
            relations: relations,
            contacts: contacts ?? [Contact(member: "wang", person: "c", strength: .strong, last: asOf)],
            interactions: interactions)
    }

    @Test func onlyCarriersAlongCarryingTiesPassReachOn() {
        func ties(_ relations: [Relation], _ people: [Person] = []) -> [String] {
            Self.unreached(Self.sample(people: people, relations: relations))
        }
        #expect(ties([]) == ["x"])
        #expect(ties([Relation(from: "c", to: "x", type: .influences)]) == [])
        // The wrong way round, a rival, and a tie from a neutral carry nothing.
        #expect(ties([Relation(from: "x", to: "c", type: .influences)]) == ["x"])
        #expect(ties([Relation(from: "c", to: "x", type: .rival)]) == ["x"])
        let y = Person(id: "y", name: "Y", stance: .neutral)
        #expect(
            ties(
                [Relation(from: "c", to: "x", type: .influences), Relation(from: "x", to: "y", type: .influences)], [y])
                == ["y"])
        // An ally carries both ways; a coach who is not against us carries, a skeptic coach does not.
        #expect(ties([Relation(from: "x", to: "c", type: .ally)]) == [])
        let coach = Person(id: "k", name: "K", roles: [.coach], stance: .neutral)
        let skeptic = Person(id: "k", name: "K", roles: [.coach], stance: .skeptic)
        let throughK = [
            Relation(from: "c", to: "k", type: .influences), Relation(from: "k", to: "x", type: .influences),
        ]
        #expect(ties(throughK, [coach]) == [])
        #expect(ties(throughK, [skeptic]) == ["x"])
        // Past the hop limit (2 ties after the contact).
        let d = Person(id: "d", name: "D", stance: .champion), e = Person(id: "e", name: "E", stance: .champion)
        #expect(
            ties(
                [
                    Relation(from: "c", to: "d", type: .influences), Relation(from: "d", to: "e", type: .ally),
                    Relation(from: "e", to: "x", type: .influences),
                ], [d, e]) == ["x"])
    }

    @Test func reachThatUnderflowsToZeroIsUnreached() {
        // 1e-300 × 0.5 × 1e-300 is below the smallest double: the product is exactly 0.
        let faint = Self.sample(
            relations: [Relation(from: "c", to: "x", type: .influences, strength: 1e-300)],
            contacts: [Contact(member: "wang", person: "c", strength: .value(1e-300), last: Day(iso: "2026-11-01")!)])
        #expect(Self.unreached(faint) == ["x"])
    }

    @Test func contactsFadeToZeroAndTheLogRevivesThem() {
        let ancient = Day(iso: "1500-01-01")!, recent = Day(iso: "2026-10-01")!
        let old = [Contact(member: "wang", person: "c", strength: .strong, last: ancient)]
        #expect(Self.unreached(Self.sample(contacts: old)) == ["c", "x"])
        // A recent visit by the same member brings the contact up to date.
        let visit = Interaction(date: recent, member: "wang", people: ["c"])
        #expect(Self.unreached(Self.sample(contacts: old, interactions: [visit])) == ["x"])
        // A visit by someone else implies their own weak contact; an ancient one fades to 0.
        let other = Interaction(date: recent, member: "li", people: ["c", "x"])
        #expect(Self.unreached(Self.sample(contacts: old, interactions: [other], team: ["wang", "li"])) == [])
        let oldVisit = Interaction(date: ancient, member: "li", people: ["c", "x"])
        #expect(
            Self.unreached(Self.sample(contacts: old, interactions: [oldVisit], team: ["wang", "li"])) == ["c", "x"])
        // A member not on the team implies nothing; without a date a contact counts one half-life old.
        #expect(Self.unreached(Self.sample(contacts: old, interactions: [other])) == ["c", "x"])
        let undated = [Contact(member: "wang", person: "x", strength: .weak)]
        #expect(Self.unreached(Self.sample(contacts: undated)) == ["c"])
    }

    /// Accounts the loader refuses (duplicate ids, unknown members, NUL in ids) can still
    /// be built in code; the numbers agree there too.
    @Test func accountsTheLoaderRefusesGiveTheSameReach() {
        let day = Day(iso: "2026-10-01")!
        // The first person with an id is the one reached.
        let twin = Person(id: "x", name: "X again", stance: .champion)
        #expect(
            Self.unreached(Self.sample(people: [twin], relations: [Relation(from: "c", to: "x", type: .ally)]))
                == ["x"])
        // A contact by a member not on the team still counts, dated by that member's visits.
        let stranger = [Contact(member: "zhou", person: "x", strength: .weak, last: Day(iso: "1500-01-01")!)]
        let visit = Interaction(date: day, member: "zhou", people: ["x"])
        #expect(Self.unreached(Self.sample(contacts: stranger, interactions: [visit])) == ["c"])
        // "a\0" + "b" and "a" + "\0b" are one key to `CurrentContacts`.
        let nul = Self.sample(
            people: [Person(id: "\u{0}b", name: "B"), Person(id: "b", name: "B2")],
            contacts: [Contact(member: "a\u{0}", person: "b", strength: .strong, last: Day(iso: "1500-01-01")!)],
            interactions: [Interaction(date: day, member: "a", people: ["\u{0}b"])], team: ["a", "a\u{0}"])
        #expect(Self.unreached(nul) == ["c", "x", "\u{0}b"])
    }

    /// The warning's text is written piece by piece into one buffer; CJK names and long
    /// paths come out whole.
    @Test func theWarningNamesEachUnreachedPerson() {
        let people = """
              - {id: zhao, name: 赵建国, department: 办公室, roles: [decision-maker], stance: neutral}
              - {id: qian, name: Qian, department: Office, reports_to: zhao, stance: supporter}
              - {id: sun-li_3, name: 孙丽 (Sunny), department: 研发中心}
            """
        let file = load(account(people: people))
        #expect(
            file.diagnostics.filter { $0.kind == .personNotReached }.map(\.message) == [
                "people[0]: nobody on our team reaches 赵建国 (zhao)",
                "people[2]: nobody on our team reaches 孙丽 (Sunny) (sun-li_3)",
            ])
        #expect(ReachWarnings.message("", "", "") == ": nobody on our team reaches  ()")
    }
}
