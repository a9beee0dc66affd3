import Foundation
import Testing
@testable import RelMapCore

/// The sample accounts in graphs/ are what a new user runs first: they must load clean
/// and show the practice the README describes.
struct SampleAccountTests {
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Repo.path("graphs"))) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    @Test func thereAreAtLeastFiveSamples() {
        #expect(Self.files.count >= 5)
    }

    @Test(arguments: files)
    func sampleLoadsWithoutErrorsAndHasARealShape(_ name: String) throws {
        let file = AccountLoader.load(file: Repo.path("graphs/\(name)"), options: testOptions())
        #expect(findings(file, .error) == [])
        let account = try #require(file.account)
        #expect((12...40).contains(account.people.count))
        #expect((3...6).contains(Set(account.people.compactMap(\.department)).count))
        #expect((2...5).contains(account.team.count))
        #expect(account.people.filter { $0.reportsTo == nil }.count >= 1)
        #expect(account.relations.contains { $0.type == .influences })
        #expect(!account.contacts.isEmpty)
        let analysis = Analyzer.analyze(account)
        #expect(analysis.people.allSatisfy { (0...100).contains($0.influence) && (0...1).contains($0.reach) })
        #expect(analysis.ranked.first?.influence == 100)
    }

    @Test func samplesShowThePractice() throws {
        let accounts = try Self.files.map {
            try #require(AccountLoader.load(file: Repo.path("graphs/\($0)"), options: testOptions()).account)
        }
        #expect(accounts.filter { a in a.people.contains { $0.roles.contains(.coach) } }.count >= 3)
        #expect(
            accounts.contains { a in a.people.contains { $0.roles.contains(.technicalBuyer) && $0.stance == .skeptic } }
        )
        #expect(accounts.contains { a in a.people.contains { $0.roles.contains(.gatekeeper) } })
        // An unmet top decision-maker: a decision-maker at level 1 nobody has a contact with.
        #expect(
            accounts.contains { a in
                a.people.contains { p in
                    p.roles.contains(.decisionMaker) && p.reportsTo == nil && !a.contacts.contains { $0.person == p.id }
                }
            })
        // A stale contact: more than two half-lives old.
        #expect(accounts.contains { a in a.contacts.contains { ($0.last.map { $0.days(until: a.asOf) } ?? 0) > 180 } })
        #expect(
            accounts.filter { a in
                a.people.allSatisfy { !$0.name.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
            }.count >= 1)
        #expect(
            accounts.filter { a in
                a.people.contains { $0.name.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
            }.count >= 3)
    }
}
