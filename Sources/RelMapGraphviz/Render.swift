internal import CGraphviz
import Foundation

extension Graphviz {
    /// Lays out `dot` with `engine` and writes it in `format`.
    ///
    /// Throws rather than returning a picture Graphviz complained about: a layout that
    /// "succeeds" while reporting an error (a malformed HTML-like label, say) is a failure.
    ///
    /// Name the graph (`digraph relmap { ... }`) for reproducible bytes: Graphviz titles an
    /// anonymous graph with an internal ID (`%3`, `%7`, ...) drawn from a counter that grows
    /// with every graph this process reads, and that ID is written into the SVG.
    ///
    /// `lines: .straight` overrides the graph's `splines` attribute, for a quick layout of
    /// a large graph.
    public static func render(
        dot: String,
        format: OutputFormat,
        engine: LayoutEngine = .dot,
        lines: LineRouting = .asWritten
    ) throws(GraphvizError) -> Data {
        let context = GraphvizContext.shared
        return try context.withLibrary { gvc throws(GraphvizError) in
            let graph = try readGraph(dot, in: context)
            // The defers run in reverse: render data, then layout, then graph, the order
            // Graphviz needs (the layout refers to the graph).
            defer { agclose(graph) }
            if lines == .straight { setGraphAttribute(graph, "splines", "line") }

            // After a failed layout there is no layout to free, only the graph.
            guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
                throw .layout(engine, from: context.messages())
            }
            defer { _ = gvFreeLayout(gvc, graph) }
            guard agerrors() == 0 else {
                throw .layout(engine, from: context.messages())
            }

            var bytes: UnsafeMutablePointer<CChar>?
            // `unsigned int *` in the 2.42/2.43 header; Graphviz 13 changed it to `size_t *`.
            var length: CUnsignedInt = 0
            let status = gvRenderData(gvc, graph, format.rawValue, &bytes, &length)
            // On failure `bytes` may point at a buffer Graphviz has since reallocated, so it
            // is left alone: leaking a few kB on a rare failure beats a double free.
            guard status == 0, let bytes else {
                throw .render(format, from: context.messages())
            }
            defer { gvFreeRenderData(bytes) }
            guard agerrors() == 0 else {
                throw .render(format, from: context.messages())
            }
            return Data(bytes: bytes, count: Int(length))
        }
    }
}

extension Graphviz {
    /// Sets an attribute of the root graph, declaring it if the DOT did not. Call only
    /// inside `withLibrary`.
    static func setGraphAttribute(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        // agsafeset takes `char *` on 2.42 but copies the strings (into cgraph's string
        // pool), so buffers that live for this call are enough.
        var name = Array(name.utf8CString), value = Array(value.utf8CString), empty = Array("".utf8CString)
        name.withUnsafeMutableBufferPointer { n in
            value.withUnsafeMutableBufferPointer { v in
                empty.withUnsafeMutableBufferPointer { e in
                    _ = agsafeset(UnsafeMutableRawPointer(graph), n.baseAddress, v.baseAddress, e.baseAddress)
                }
            }
        }
    }
}
