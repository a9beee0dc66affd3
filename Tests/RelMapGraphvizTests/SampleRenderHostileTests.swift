import Foundation
import RelMapCore
import RelMapGraphviz
import Testing

/// Accounts whose every text field holds something that would break or inject into DOT,
/// HTML-like labels or SVG if it were not escaped. Each must keep exactly its own nodes
/// and edges, and show its text literally.
@Suite("Hostile names through the writer and Graphviz")
struct SampleRenderHostileTests {
    /// (what a user typed, what the label must show).
    static let names: [(typed: String, shown: String)] = [
        (#"say "hi" now"#, #"say "hi" now"#),
        (#"back\slash"#, #"back\slash"#),
        (#"trailing\"#, #"trailing\"#),
        (#"\N \G \E \T \H \L"#, #"\N \G \E \T \H \L"#),
        ("line one\nline two\r\nthree", "line one line two three"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        (#"<img src=x onerror="alert(1)">"#, #"<img src=x onerror="alert(1)">"#),
        ("R&D &amp; &lt;b&gt; &#92;", "R&D &amp; &lt;b&gt; &#92;"),
        ("node", "node"),
        ("digraph", "digraph"),
        ("subgraph", "subgraph"),
        (#"x"]; n99 [label="y"]; n0 -> n99; z [a=""#, #"x"]; n99 [label="y"]; n0 -> n99; z [a=""#),
        ("} digraph g { a -> b", "} digraph g { a -> b"),
        ("赵建国（总经理）", "赵建国（总经理）"),
        ("O'Brien & \"Sons\"", "O'Brien & \"Sons\""),
        ("bell\u{7}esc\u{1B}[31mnul\u{0}end", "bellesc[31mnulend"),
    ]

    static var cases: [Int] { Array(names.indices) }

    /// Three people, one team member, ties of every kind and a contact, with `text` in
    /// every field a user writes.
    static func account(_ text: String) throws -> Account {
        let day = try #require(Day(iso: "2026-11-01"))
        var account = Account(
            id: "hostile", name: text, asOf: day,
            team: [TeamMember(id: "m", name: text, role: text)])
        account.people = [
            Person(
                id: "a", name: text, title: text, department: text, level: 1, roles: [.decisionMaker],
                stance: .neutral, influence: 5, notes: text),
            Person(
                id: "b", name: text, title: text, department: text, roles: [.coach], stance: .champion,
                reportsTo: "a", notes: String(repeating: text + " ", count: 200)),
            Person(id: "c", name: text, department: text + "2", roles: [.gatekeeper], stance: .unknown, reportsTo: "a"),
        ]
        account.relations = [
            Relation(from: "b", to: "a", type: .influences, strength: 0.7),
            Relation(from: "b", to: "c", type: .ally),
            Relation(from: "a", to: "c", type: .rival, strength: 0.4),
        ]
        account.contacts = [
            Contact(member: "m", person: "b", strength: .strong, last: day.adding(days: -3)),
            Contact(member: "m", person: "c", strength: .weak, last: day.adding(days: -200)),
        ]
        return account
    }

    @Test(arguments: cases)
    func libcgraphAndTheDotProgramKeepExactlyTheAccountsNodesAndEdges(index: Int) throws {
        let account = try Self.account(Self.names[index].typed)
        let dot = try DiagramWriter.dot(Analyzer.analyze(account))
        let expected = SampleRender.expectedCounts(account)
        let parsed = try Graphviz.parse(dot: dot)
        #expect(parsed.nodes == expected.nodes)
        #expect(parsed.edges == expected.edges)
        if let counts = try SampleRender.dotProgramCounts(dot) {
            #expect(counts.nodes == expected.nodes)
            #expect(counts.edges == expected.edges)
        }
    }

    @Test(arguments: cases)
    func svgIsWellFormedShowsTheTextLiterallyAndRunsNothing(index: Int) throws {
        let (typed, shown) = Self.names[index]
        let svg = try Graphviz.render(
            dot: try DiagramWriter.dot(Analyzer.analyze(try Self.account(typed))), format: .svg)
        let nodes = try SampleRender.nodes(inSVG: svg)
        for title in ["n0", "n1", "n2"] {
            let node = try #require(nodes.first { $0.title == title })
            #expect(node.texts.first?.text == DOTEscaping.truncated(shown, to: 24), "\(title)")
        }
        try SampleRender.expectNothingExecutable(in: svg)
    }

    @Test(arguments: cases)
    func pngAndPdfRenderWithoutComplaint(index: Int) throws {
        let dot = try DiagramWriter.dot(Analyzer.analyze(try Self.account(Self.names[index].typed)))
        #expect(try Graphviz.render(dot: dot, format: .png).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try Graphviz.render(dot: dot, format: .pdf).starts(with: Data("%PDF-".utf8)))
    }

    @Test func aVeryLongNoteStaysOutOfTheLabelAndIsShortenedInTheTooltip() throws {
        let account = try Self.account("赵" + String(repeating: "很长的备注", count: 2_000))
        let dot = try DiagramWriter.dot(Analyzer.analyze(account))
        // Every line with user text is bounded: no label or tooltip carries the whole note.
        // (The legend's line is longer, about 5,000 characters, all of them fixed text.)
        #expect(dot.split(separator: "\n").filter { !$0.hasPrefix("\tlegend ") }.allSatisfy { $0.count < 4_000 })
        let svg = try Graphviz.render(dot: dot, format: .svg)
        #expect(try SampleRender.nodes(inSVG: svg).count == SampleRender.expectedCounts(account).nodes)
    }
}
