import RelMapCore
import RelMapGraphviz
import RelMapSynthetic
import Testing

/// The DOT writer on seeded random accounts with hostile text in every field: the same
/// account always gives the same bytes, and libcgraph reads back exactly the account's
/// nodes and edges (nothing a name holds can add, drop or join a node).
struct DiagramPropertyTests {
    @Test(
        "DOT is byte-identical on a second write and libcgraph reads it back with the account's counts (200 random accounts)"
    )
    func dotIsDeterministicAndParses() throws {
        for seed in UInt64(1)...200 {
            var rng = SplitMix64(seed: seed &* 31)
            let people = Int.random(in: 1...60, using: &rng)
            let names: SyntheticAccount.NameStyle = [.hostile, .chinese, .ascii][Int(seed % 3)]
            let account = SyntheticAccount(
                seed: seed, people: people, ties: Int.random(in: 0...(people * 2), using: &rng),
                team: Int.random(in: 1...4, using: &rng), names: names
            ).make()
            let first = try DiagramWriter.dot(Analyzer.analyze(account))
            let second = try DiagramWriter.dot(Analyzer.analyze(account))
            #expect(first == second, "seed \(seed)")
            let counts = try Graphviz.parse(dot: first)
            let expected = SampleRender.expectedCounts(account)
            #expect(
                counts.nodes == expected.nodes && counts.edges == expected.edges,
                "seed \(seed): \(counts) vs \(expected)")
        }
    }
}
