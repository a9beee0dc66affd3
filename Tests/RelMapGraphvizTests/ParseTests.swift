import RelMapGraphviz
import Testing

@Suite("Parsing DOT")
struct ParseTests {
    @Test func countsNodesAndEdgesInsideClustersAndNestedSubgraphs() throws {
        let dot = """
            digraph {
                subgraph cluster_0 {
                    label="采购部";
                    n0; n1;
                    n0 -> n1;
                    subgraph cluster_1 { n2; n3; n2 -> n3; }
                }
                subgraph cluster_2 { n4 -> n5 -> n6; }
                n7;
                n1 -> n4; n3 -> n7;
                n0 -> n1;
            }
            """

        let counts = try Graphviz.parse(dot: dot)

        // n0 -> n1 appears twice: a digraph (not strict) keeps both edges.
        #expect(counts.nodes == 8)
        #expect(counts.edges == 7)
    }

    @Test func strictGraphMergesRepeatedEdges() throws {
        let counts = try Graphviz.parse(dot: "strict graph { a -- b; b -- a; a -- b }")

        #expect(counts == (nodes: 2, edges: 1))
    }
}
