internal import CGraphviz

extension Graphviz {
    /// Reads `dot` and counts its nodes and edges, including those inside subgraphs and
    /// clusters (every node and edge belongs to the root graph too).
    ///
    /// Lets tests check that DOT written by relmap parses and keeps every node and edge.
    public static func parse(dot: String) throws(GraphvizError) -> (nodes: Int, edges: Int) {
        let context = GraphvizContext.shared
        return try context.withLibrary { _ throws(GraphvizError) in
            let graph = try readGraph(dot, in: context)
            defer { agclose(graph) }
            return (nodes: Int(agnnodes(graph)), edges: Int(agnedges(graph)))
        }
    }

    /// Parses `dot` with `agmemread`. Call only inside `withLibrary`.
    ///
    /// The caller owns the graph and must `agclose` it.
    static func readGraph(
        _ dot: String,
        in context: GraphvizContext
    ) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        // The scanner's state is global and survives a read: its buffer after a failed read,
        // and its line counter always, so a syntax error could name the wrong line (seen
        // once as line 3 for line 2, after other tests' reads). Put both back to how a
        // fresh process starts before each read.
        _ = aaglex_destroy()
        agreadline(1)
        // NULL means a syntax error; a graph that comes back with an error reported while
        // reading is treated the same, so no half-read graph is laid out.
        guard let graph = agmemread(dot) else {
            throw .syntax(from: context.messages())
        }
        guard agerrors() == 0 else {
            agclose(graph)
            throw .syntax(from: context.messages())
        }
        return graph
    }
}
