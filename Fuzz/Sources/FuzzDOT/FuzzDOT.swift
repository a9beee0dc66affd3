import Foundation
import RelMapCore
import RelMapGraphviz

/// One fuzz input: a valid account and diagram options drawn from the bytes, the diagram
/// written as DOT twice, then read back by libcgraph (parsing only: layouts leak memory
/// in Graphviz 2.42, and the leak checker would report the library, not us).
///
/// Fails on any crash or sanitizer report, a DOT text libcgraph refuses, a node or edge
/// count other than the account's own (text that escaped its quotes adds or swallows
/// nodes and edges), or two writes of one account that differ in any byte.
func fuzzOne(_ data: Data) {
    var bytes = FuzzBytes([UInt8](data))
    let account = FuzzAccount.make(&bytes)
    let options = diagramOptions(for: account, &bytes)

    let first: String, second: String
    do {
        first = try DiagramWriter.dot(Analyzer.analyze(account), options: options)
        second = try DiagramWriter.dot(Analyzer.analyze(account), options: options)
    } catch {
        fail("the writer refused a focus on a person the account has: \(error)", first: nil)
    }
    if Data(first.utf8) != Data(second.utf8) { fail("two writes of one account differ", first: first) }

    let parsed: (nodes: Int, edges: Int)
    do { parsed = try Graphviz.parse(dot: first) } catch {
        fail("libcgraph cannot read the DOT: \(error)", first: first)
    }
    let expected = expectedCounts(account, options: options)
    if parsed != expected {
        fail(
            "libcgraph reads \(parsed.nodes) nodes and \(parsed.edges) edges; the account has \(expected.nodes) and \(expected.edges)",
            first: first)
    }
}

func diagramOptions(for account: Account, _ bytes: inout FuzzBytes) -> DiagramOptions {
    var options = DiagramOptions(
        hideTeam: bytes.chance(20), layout: bytes.pick(DiagramLayout.allCases), legend: bytes.chance(80))
    if bytes.chance(25) {
        options.focus = DiagramFocus(personId: bytes.pick(account.people).id, depth: bytes.int(0...3))
    }
    options.contactEdges = bytes.pick(ContactEdges.allCases)
    if bytes.chance(20) { options.fallback = bytes.pick(DiagramFallback.allCases) }
    // Any font name `relmap render --font` accepts.
    if bytes.chance(10) {
        let font = bytes.text(12)
        if DiagramOptions.problem(withFontName: font) == nil { options.fontName = font }
    }
    return options
}

/// The nodes and edges the diagram must hold, counted from the account, independently
/// of the writer: a node per person shown and per team member drawn; an edge per
/// reporting line and tie between two people shown, and per contact (declared, or
/// implied by an interaction) from a member drawn to a person shown that `contactEdges`
/// draws as a line (all; strong and not stale; none: the others are badges inside the
/// person's label); and the legend, one node.
func expectedCounts(_ account: Account, options: DiagramOptions) -> (nodes: Int, edges: Int) {
    let shown = shownPeople(account, focus: options.focus)
    let contacts =
        options.hideTeam
        ? []
        : CurrentContacts.of(account, parameters: ScoringParameters())
            .filter { shown.contains($0.person) }
    let reaching = Set(contacts.map(\.member))
    let team = options.hideTeam ? [] : account.team.filter { options.focus == nil || reaching.contains($0.id) }
    let reports = account.people.count { p in
        shown.contains(p.id) && p.reportsTo.map { $0 != p.id && shown.contains($0) } ?? false
    }
    let ties = account.relations.count { $0.from != $0.to && shown.contains($0.from) && shown.contains($0.to) }
    let lines = contacts.count { c in
        switch options.contactEdges {
        case .all: true
        case .strong:
            c.strength.label == "strong" && (c.daysAgo.map { Double($0) <= ScoringParameters().halfLifeDays } ?? false)
        case .none: false
        }
    }
    return (shown.count + team.count + (options.legend ? 1 : 0), reports + ties + lines)
}

/// The ids of the people drawn: everyone, or those within `depth` ties of the focus,
/// a tie being a reporting line or a relation either way round.
func shownPeople(_ account: Account, focus: DiagramFocus?) -> Set<String> {
    guard let focus else { return Set(account.people.map(\.id)) }
    var neighbours: [String: [String]] = [:]
    func tie(_ a: String, _ b: String) {
        guard a != b else { return }
        neighbours[a, default: []].append(b)
        neighbours[b, default: []].append(a)
    }
    for p in account.people { if let boss = p.reportsTo { tie(p.id, boss) } }
    for r in account.relations { tie(r.from, r.to) }
    var shown: Set<String> = [focus.personId]
    var frontier = [focus.personId]
    for _ in 0..<focus.depth {
        frontier = frontier.flatMap { neighbours[$0] ?? [] }.filter { shown.insert($0).inserted }
    }
    return shown
}

/// Stops the fuzzer with the reason and the DOT text; libFuzzer saves the input.
func fail(_ message: String, first dot: String?) -> Never {
    FileHandle.standardError.write(
        Data(("fuzz-dot: " + message + "\n" + (dot.map { "--- DOT ---\n" + $0 } ?? "")).utf8))
    fatalError("fuzz-dot: broken promise")
}

/// libFuzzer's entry point: called once per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzOne(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
