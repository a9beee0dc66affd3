import Foundation
import Testing
@testable import RelMapCore

@Suite("The DOT writer")
struct DiagramWriterTests {
    static let golden = Repo.fixture("diagram/tiny.dot")

    static let samples: [String] = {
        let folder = Repo.path("graphs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "graphs/\($0)" }
    }()

    static func analysis(_ relative: String) throws -> AccountAnalysis {
        let file = AccountLoader.load(file: Repo.path(relative), options: testOptions())
        return Analyzer.analyze(try #require(file.account))
    }

    /// The golden file was reviewed by eye once; set RELMAP_UPDATE_GOLDEN=1 to rewrite it
    /// after a deliberate change, and review the diff.
    @Test func tinyAccountMatchesTheReviewedGolden() throws {
        let dot = try DiagramWriter.dot(Analyzer.analyze(loadTiny()))
        if ProcessInfo.processInfo.environment["RELMAP_UPDATE_GOLDEN"] != nil {
            try dot.write(toFile: Self.golden, atomically: true, encoding: .utf8)
        }
        #expect(dot == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
    }

    @Test(arguments: samples)
    func sameAccountGivesByteIdenticalText(sample: String) throws {
        let first = try DiagramWriter.dot(Self.analysis(sample))
        let second = try DiagramWriter.dot(Self.analysis(sample))
        #expect(first == second)
        #expect(first.hasPrefix("// \(OutputFile.mark)"))
        #expect(first.contains("\ndigraph relmap {\n"))
    }

    @Test(arguments: samples)
    func everyIDIsGenerated(sample: String) throws {
        let statements = DOTScan.statements(in: try DiagramWriter.dot(Self.analysis(sample)))
        let ids = statements.filter { $0.kind != .defaults }.flatMap(\.ids)
        #expect(!ids.isEmpty)
        for id in ids {
            #expect(id.wholeMatch(of: /n\d+|t\d+|legend|cluster_(\d+|team)|relmap/) != nil, "\(id)")
        }
    }

    @Test(arguments: samples)
    func attributeNamesComeFromTheWritersOwnList(sample: String) throws {
        let allowed: Set<String> = [
            "comment", "label", "labelloc", "labeljust", "fontname", "fontsize", "tooltip", "bgcolor", "pad",
            "rankdir", "newrank", "nodesep", "ranksep", "splines", "style", "margin", "arrowsize", "color",
            "fillcolor", "shape", "penwidth", "minlen", "weight", "dir", "arrowhead", "arrowtail", "constraint", "rank",
        ]
        let statements = DOTScan.statements(in: try DiagramWriter.dot(Self.analysis(sample)))
        let names = Set(statements.flatMap { $0.attributes.map(\.name) })
        #expect(names.isSubset(of: allowed), "\(names.subtracting(allowed))")
    }

    @Test func userTextReachesOnlyLabelsAndTooltips() throws {
        // Every field a user writes carries the marker; it may show up only as (part of)
        // the value of a label or tooltip, never in an ID, attribute name or comment.
        let marker = "QZXmark"
        let day = try #require(Day(iso: "2026-11-01"))
        var account = Account(
            id: "acme", name: "\(marker) Inc", asOf: day,
            team: [TeamMember(id: "wang", name: "\(marker)-wang", role: "\(marker)-role")])
        account.people = [
            Person(
                id: "a", name: "\(marker)-a", title: "\(marker)-title", department: "\(marker)-dept",
                roles: [.decisionMaker], stance: .neutral, notes: "\(marker)-notes"),
            Person(
                id: "b", name: "\(marker)-b", department: "\(marker)-dept", roles: [.coach], stance: .champion,
                reportsTo: "a"),
        ]
        account.relations = [Relation(from: "b", to: "a", type: .influences, strength: 0.5)]
        account.contacts = [Contact(member: "wang", person: "b", strength: .strong, last: day.adding(days: -31))]
        let dot = try DiagramWriter.dot(Analyzer.analyze(account))
        let statements = DOTScan.statements(in: dot)
        var seen = 0
        for statement in statements {
            #expect(!statement.ids.contains { $0.contains(marker) })
            for attribute in statement.attributes where attribute.value.contains(marker) {
                #expect(["label", "tooltip"].contains(attribute.name), "\(attribute.name)")
                seen += 1
            }
        }
        #expect(seen >= 8)
        #expect(
            !dot.split(separator: "\n").contains {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") && $0.contains(marker)
            })
    }

    @Test func personShapeFollowsMainRoleAndFillFollowsStance() throws {
        let dot = try DiagramWriter.dot(Analyzer.analyze(loadTiny()))
        let nodes = Dictionary(
            uniqueKeysWithValues: DOTScan.statements(in: dot).compactMap { s in
                s.kind == .node ? (s.ids[0], s.attributes) : nil
            })
        func value(_ id: String, _ name: String) -> String? { nodes[id]?.first { $0.name == name }?.value }
        #expect(value("n0", "shape") == "doubleoctagon")  // 赵总, decision-maker, neutral
        #expect(value("n0", "fillcolor") == DiagramStyle.fill(.neutral))
        #expect(value("n1", "shape") == "ellipse")  // 许秘书, influencer, supporter
        #expect(value("n1", "fillcolor") == DiagramStyle.fill(.supporter))
        #expect(value("n2", "shape") == "hexagon")  // 钱部长, technical-buyer, skeptic
        #expect(value("n2", "fillcolor") == DiagramStyle.fill(.skeptic))
    }

    @Test func unknownStanceIsGreyAndDashed() throws {
        var account = loadTiny()
        account.people[2].stance = .unknown
        let dot = try DiagramWriter.dot(Analyzer.analyze(account))
        let n2 = try #require(DOTScan.statements(in: dot).first { $0.kind == .node && $0.ids == ["n2"] })
        #expect(n2.attributes.contains { $0.name == "style" && $0.value.contains("dashed") })
        #expect(n2.attributes.contains { $0.name == "fillcolor" && $0.value == DiagramStyle.fill(.unknown) })
    }

    @Test func tieUpTheHierarchyIsWrittenDownwardsWithItsArrowReversed() throws {
        // 许秘书 (n1, level 2) influences 赵总 (n0, level 1): written n0 -> n1 with dir=back.
        let dot = try DiagramWriter.dot(Analyzer.analyze(loadTiny()))
        let tie = try #require(
            DOTScan.statements(in: dot).first { s in
                s.kind == .edge && s.attributes.contains { $0.name == "color" && $0.value == DiagramStyle.influences }
            })
        #expect(tie.ids == ["n0", "n1"])
        #expect(tie.attributes.contains { $0.name == "dir" && $0.value == "back" })
    }

    @Test func staleContactsAreDashedAndGrey() throws {
        // 刘振华 last met 孙立新 on 2026-03-12, 234 days before as_of: stale, so drawn as a
        // line only with --contact-edges all (person first, arrow reversed: team below).
        let a = try Self.analysis("graphs/north-steel.yaml")
        let member = try #require(a.account.team.firstIndex { $0.id == "liu-vp" })
        let person = try #require(a.account.people.firstIndex { $0.id == "sun-fz" })
        let dot = try DiagramWriter.dot(a, options: DiagramOptions(contactEdges: .all))
        let edge = try #require(
            DOTScan.statements(in: dot).first { $0.kind == .edge && $0.ids == ["n\(person)", "t\(member)"] })
        #expect(edge.attributes.contains { $0.name == "style" && $0.value == "dashed" })
        #expect(edge.attributes.contains { $0.name == "color" && $0.value == DiagramStyle.staleContact })
    }

    @Test func hideTeamLeavesOutTheTeamAndEveryContact() throws {
        let dot = try DiagramWriter.dot(
            Self.analysis("graphs/north-steel.yaml"), options: DiagramOptions(hideTeam: true))
        let ids = DOTScan.statements(in: dot).flatMap(\.ids)
        #expect(!ids.contains { $0.hasPrefix("t") || $0 == "cluster_team" })
        #expect(!dot.contains("our contact"))
    }

    @Test func focusDrawsOnlyThePersonAndTheirNeighbours() throws {
        let a = try Self.analysis("graphs/north-steel.yaml")
        let options = DiagramOptions(focus: DiagramFocus(personId: "qiao", depth: 1))
        let statements = DOTScan.statements(in: try DiagramWriter.dot(a, options: options))
        let people = Set(statements.filter { $0.kind == .node }.map(\.ids[0]).filter { $0.hasPrefix("n") })
        // qiao's manager lin, report tang-xm, ally cao-kz, rival su.
        let expected = Set(
            ["qiao", "lin", "tang-xm", "cao-kz", "su"].compactMap { id in a.graph.index[id].map { "n\($0)" } })
        #expect(people == expected)
        // Only members who reach someone drawn: wang (qiao) and chen-se (tang-xm, cao-kz).
        let team = Set(statements.filter { $0.kind == .node }.map(\.ids[0]).filter { $0.hasPrefix("t") })
        #expect(team == ["t0", "t1"])
    }

    @Test func focusOnAnUnknownPersonSuggestsTheNearestId() throws {
        let a = try Self.analysis("graphs/north-steel.yaml")
        #expect(throws: DiagramFocusError.unknownPerson("qioa", suggestion: "qiao")) {
            try DiagramWriter.dot(a, options: DiagramOptions(focus: DiagramFocus(personId: "qioa")))
        }
    }

    @Test(arguments: [DiagramLayout.neato, .sfdp])
    func forceDirectedLayoutsGetNoClustersAndKeepLabelsApart(layout: DiagramLayout) throws {
        let dot = try DiagramWriter.dot(
            Self.analysis("graphs/north-steel.yaml"), options: DiagramOptions(layout: layout))
        #expect(!dot.contains("subgraph"))
        #expect(dot.contains("overlap=prism"))
    }

    @Test func fontNameIsSetOnGraphNodesAndEdges() throws {
        let dot = try DiagramWriter.dot(
            Analyzer.analyze(loadTiny()), options: DiagramOptions(fontName: #"Noto "Sans" CJK"#))
        let defaults = DOTScan.statements(in: dot).filter {
            $0.kind == .defaults && ["graph", "node", "edge"].contains($0.ids.first ?? "")
        }
        let fonts = defaults.compactMap { d in d.attributes.first { $0.name == "fontname" }?.value }
        #expect(fonts == [#"Noto "Sans" CJK"#, #"Noto "Sans" CJK"#, #"Noto "Sans" CJK"#])
    }

    @Test func fontNamesThatLookLikePathsAreRefused() {
        #expect(DiagramOptions.problem(withFontName: "../../etc/passwd") != nil)
        #expect(DiagramOptions.problem(withFontName: "") != nil)
        #expect(DiagramOptions.problem(withFontName: "a\u{7}b") != nil)
        #expect(DiagramOptions.problem(withFontName: "Noto Sans CJK SC") == nil)
    }
}
