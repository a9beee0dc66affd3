/// The depth-first numbering behind articulation points and bridges (Hopcroft and
/// Tarjan, 1973): for each node its discovery time, its "low point" (the earliest
/// discovery time reachable from its subtree by one back edge), and the tree edge that
/// discovered it.
///
/// The search keeps its own stack instead of recursing, so a path of 100,000 people
/// cannot overflow the thread's stack. It starts from nodes in increasing order and
/// visits neighbours in increasing order, so the numbering is deterministic.
struct DepthFirstLowpoints: Sendable {
    /// Discovery time of each node (every node is discovered: the search restarts in
    /// each component).
    let discovery: [Int]
    let low: [Int]
    /// The node that discovered each node, or -1 for the root of its component.
    let parent: [Int]
    /// The tree edge from `parent`, or -1 for a root.
    let parentEdge: [Int]
    /// The number of tree children of each node.
    let children: [Int]

    /// O(n + m) time, O(n) extra memory.
    init(_ g: UndirectedGraph) {
        let n = g.nodeCount
        var discovery = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var parent = [Int](repeating: -1, count: n)
        var parentEdge = [Int](repeating: -1, count: n)
        var children = [Int](repeating: 0, count: n)
        // The loop runs on buffer pointers, so a step of the search does not pay a
        // bounds check on each of the arrays it reads and writes.
        discovery.withUnsafeMutableBufferPointer { discovery in
            low.withUnsafeMutableBufferPointer { low in
                parent.withUnsafeMutableBufferPointer { parent in
                    parentEdge.withUnsafeMutableBufferPointer { parentEdge in
                        children.withUnsafeMutableBufferPointer { children in
                            Self.search(
                                g, discovery: discovery, low: low, parent: parent,
                                parentEdge: parentEdge, children: children)
                        }
                    }
                }
            }
        }
        self.discovery = discovery
        self.low = low
        self.parent = parent
        self.parentEdge = parentEdge
        self.children = children
    }

    private static func search(
        _ g: UndirectedGraph, discovery: UnsafeMutableBufferPointer<Int>,
        low: UnsafeMutableBufferPointer<Int>, parent: UnsafeMutableBufferPointer<Int>,
        parentEdge: UnsafeMutableBufferPointer<Int>, children: UnsafeMutableBufferPointer<Int>
    ) {
        let n = g.nodeCount
        // For each node on the stack, the position in its adjacency list to look at next.
        var next = g.start
        // A node is on the stack at most once, so n places are enough.
        var stack = [Int](repeating: 0, count: n)
        g.start.withUnsafeBufferPointer { start in
            g.neighbor.withUnsafeBufferPointer { neighbor in
                g.edgeNumber.withUnsafeBufferPointer { edgeNumber in
                    next.withUnsafeMutableBufferPointer { next in
                        stack.withUnsafeMutableBufferPointer { stack in
                            var time = 0
                            for root in 0..<n where discovery[root] < 0 {
                                discovery[root] = time
                                low[root] = time
                                time += 1
                                stack[0] = root
                                var depth = 1
                                while depth > 0 {
                                    let v = stack[depth - 1]
                                    if next[v] < start[v + 1] {
                                        let k = next[v]
                                        next[v] = k + 1
                                        let w = neighbor[k], edge = edgeNumber[k]
                                        // The edge we came in by is not a way back up:
                                        // skipping it by its number (not by the parent
                                        // node) is what makes bridges exact.
                                        if edge == parentEdge[v] { continue }
                                        if discovery[w] < 0 {
                                            discovery[w] = time
                                            low[w] = time
                                            time += 1
                                            parent[w] = v
                                            parentEdge[w] = edge
                                            children[v] += 1
                                            stack[depth] = w
                                            depth += 1
                                        } else if discovery[w] < low[v] {
                                            low[v] = discovery[w]
                                        }
                                    } else {
                                        depth -= 1
                                        let p = parent[v]
                                        if p >= 0, low[v] < low[p] { low[p] = low[v] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
