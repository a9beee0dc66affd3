import Foundation
import Testing
@testable import RelMapCore

/// The diagram's design for readability (docs/diagrams.md, "Our team" and "Legend"): a
/// one-node legend, contacts as badges of the member's initials, and lines only for the
/// strong contacts unless asked for all.
@Suite("The diagram's badges, contact lines and legend")
struct DiagramDesignTests {
    static func northSteel() throws -> AccountAnalysis { try DiagramWriterTests.analysis("graphs/north-steel.yaml") }

    /// The contact lines of a diagram: edges between a person and a team member.
    static func contactEdges(_ dot: String) -> [DOTStatement] {
        DOTScan.statements(in: dot).filter { $0.kind == .edge && $0.ids.contains { $0.hasPrefix("t") } }
    }

    static func team(_ names: [String]) -> [TeamMember] {
        names.enumerated().map { TeamMember(id: "m\($0.offset)", name: $0.element) }
    }

    @Test func initialsAreTheSurnameForChineseNamesAndFirstAndLastLettersForLatinOnes() {
        #expect(
            DiagramBadges.initials(of: Self.team(["王磊", "陈思远", "Kate Morgan", "Raj Patel", "Madonna"]))
                == ["王", "陈", "KM", "RP", "M"])
    }

    @Test func sharedInitialsGrowUntilTheyDiffer() {
        #expect(DiagramBadges.initials(of: Self.team(["王磊", "王芳", "李娜"])) == ["王磊", "王芳", "李"])
        #expect(DiagramBadges.initials(of: Self.team(["Kate Morgan", "Kevin Miller"])) == ["KaM", "KeM"])
        #expect(DiagramBadges.initials(of: Self.team(["Kate Morgan", "Kate Moss"])) == ["KaM1", "KaM2"])
        #expect(DiagramBadges.initials(of: Self.team(["  ", "王磊"])) == ["M0", "王"])
    }

    @Test func byDefaultOnlyStrongContactsThatAreNotStaleAreLines() throws {
        let a = try Self.northSteel()
        let strong = a.contacts.filter { DiagramStyle.isStrongTie($0, parameters: a.parameters) }
        #expect(strong.count == 3)  // 王磊 -> 乔雅, 陈思远 -> 唐浩, 陈思远 -> 蒋文
        let edges = Self.contactEdges(try DiagramWriter.dot(a))
        #expect(edges.count == strong.count)
        for c in strong {
            let person = try #require(a.graph.index[c.person]),
                member = try #require(a.account.team.firstIndex { $0.id == c.member })
            // Person first with the arrow reversed, so the team's row sits below the people it reaches.
            let edge = try #require(edges.first { $0.ids == ["n\(person)", "t\(member)"] })
            #expect(edge.attributes.contains { $0.name == "dir" && $0.value == "back" })
        }
    }

    @Test func contactEdgesAllDrawsEveryContactAndNoneDrawsNoLine() throws {
        let a = try Self.northSteel()
        #expect(a.contacts.count == 12)
        #expect(Self.contactEdges(try DiagramWriter.dot(a, options: DiagramOptions(contactEdges: .all))).count == 12)
        #expect(Self.contactEdges(try DiagramWriter.dot(a, options: DiagramOptions(contactEdges: .none))).isEmpty)
    }

    @Test(arguments: [ContactEdges.strong, .all, .none])
    func everyContactIsABadgeOnItsPersonWhateverTheLines(edges: ContactEdges) throws {
        let a = try Self.northSteel()
        let dot = try DiagramWriter.dot(a, options: DiagramOptions(contactEdges: edges))
        let nodes = Dictionary(
            uniqueKeysWithValues: DOTScan.statements(in: dot).compactMap { s in
                s.kind == .node ? (s.ids[0], s.attributes.first { $0.name == "label" }?.value ?? "") : nil
            })
        let initials = Dictionary(
            uniqueKeysWithValues: zip(a.account.team.map(\.id), DiagramBadges.initials(of: a.account.team)))
        #expect(initials["wang"] == "王" && initials["chen-se"] == "陈")
        var badges = 0
        for (i, p) in a.people.enumerated() {
            let label = try #require(nodes["n\(i)"])
            let mine = a.contacts.filter { $0.person == p.person.id }
            for c in mine {
                let stale = DiagramStyle.isStale(c, parameters: a.parameters)
                let cell = DiagramBadges.cell(try #require(initials[c.member]), current: c.current, stale: stale)
                #expect(label.contains(cell), "\(p.person.id) lacks the badge of \(c.member)")
            }
            badges +=
                label.components(
                    separatedBy: "<TD BGCOLOR=\"#ffffff\" COLOR=\"\(DiagramStyle.staleContact)\" STYLE=\"dashed\">"
                ).count - 1
            badges +=
                label.components(
                    separatedBy:
                        "COLOR=\"\(DiagramStyle.teamBorder)\"><FONT POINT-SIZE=\"\(DiagramStyle.badgeTextSize)\""
                ).count - 1
        }
        #expect(badges == a.contacts.count)
        // Each member's own label carries their badge, so a reader can tell whose initials they are.
        for (k, m) in a.account.team.enumerated() {
            #expect(try #require(nodes["t\(k)"]).contains(">\(try #require(initials[m.id]))</B>"))
        }
    }

    @Test func theLegendIsOneNodeWithEveryRoleStanceAndLine() throws {
        let dot = try DiagramWriter.dot(try Self.northSteel())
        let statements = DOTScan.statements(in: dot)
        let legend = statements.filter { $0.ids.contains { $0.hasPrefix("legend") } }
        #expect(legend.count == 1)
        #expect(legend.first?.kind == .node)
        #expect(!dot.contains("cluster_legend"))
        #expect(!dot.contains("invis"))
        let label = legend.first?.attributes.first { $0.name == "label" }?.value ?? ""
        for role in BuyingRole.allCases {
            #expect(label.contains(">\(role.rawValue)<"))
            #expect(label.contains(">\(DiagramLegend.shapeName(role))<"))
        }
        for stance in Stance.allCases { #expect(label.contains(">\(stance.rawValue)<")) }
        #expect(label.contains("our strong contact"))
        #expect(!label.contains("stale contact ("))
        #expect(label.contains("member&#39;s initials") || label.contains("member's initials"))
    }

    @Test func theLegendShowsTheContactLinesThatAreDrawn() {
        #expect(DiagramLegend.lines(showsTeam: true, contactEdges: .all).contains(.staleContact))
        #expect(
            DiagramLegend.lines(showsTeam: true, contactEdges: .strong) == [
                .reportsTo, .influences, .ally, .rival, .contact,
            ])
        #expect(DiagramLegend.lines(showsTeam: true, contactEdges: .none) == [.reportsTo, .influences, .ally, .rival])
        #expect(DiagramLegend.lines(showsTeam: false, contactEdges: .all) == [.reportsTo, .influences, .ally, .rival])
    }

    @Test func hiddenTeamMeansNoBadges() throws {
        let dot = try DiagramWriter.dot(try Self.northSteel(), options: DiagramOptions(hideTeam: true))
        #expect(
            !dot.contains("COLOR=\"\(DiagramStyle.teamBorder)\"><FONT POINT-SIZE=\"\(DiagramStyle.badgeTextSize)\""))
        #expect(!dot.contains("member's initials"))
    }
}
