/// The dominator tree of a directed graph seen from one root: node `d` dominates node `v`
/// when every path from the root to `v` passes through `d`. Single-thread risk reads
/// "whose loss cuts our reach to whom" from it (docs/gaps.md, "Single-thread risk").
///
/// Computed with the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
/// Dominance Algorithm", 2001): number the nodes in reverse postorder of a depth-first
/// search, then repeat, until nothing changes, idom(v) = the nearest common ancestor in
/// the tree so far of v's already-placed predecessors. On a graph without cycles one pass
/// settles it; on the small, nearly acyclic reach graphs of an account two or three
/// passes do, each O(n + m).
public struct Dominators: Sendable, Hashable {
    /// The root the paths start from.
    public let root: Int
    /// Each node's immediate dominator: the root's is the root itself, and a node the root
    /// cannot reach has -1.
    public let immediate: [Int]

    /// Builds the tree of the graph on `0..<nodeCount` with the given arcs, seen from
    /// `root`. Arcs naming a node outside the graph are ignored; parallel arcs and loops
    /// change nothing.
    public init(nodeCount: Int, arcs: [(from: Int, to: Int)], root: Int) {
        let n = max(0, nodeCount)
        self.root = root
        guard (0..<n).contains(root) else {
            immediate = [Int](repeating: -1, count: n)
            return
        }
        // Successors and predecessors in compact (CSR) form, by counting sort.
        var outStart = [Int](repeating: 0, count: n + 1), inStart = outStart
        for a in arcs where (0..<n).contains(a.from) && (0..<n).contains(a.to) {
            outStart[a.from + 1] += 1
            inStart[a.to + 1] += 1
        }
        for v in 0..<n {
            outStart[v + 1] += outStart[v]
            inStart[v + 1] += inStart[v]
        }
        var out = [Int](repeating: 0, count: outStart[n]), into = out
        var outFill = outStart, inFill = inStart
        for a in arcs where (0..<n).contains(a.from) && (0..<n).contains(a.to) {
            out[outFill[a.from]] = a.to
            outFill[a.from] += 1
            into[inFill[a.to]] = a.from
            inFill[a.to] += 1
        }

        // Postorder numbers by an iterative depth-first search (no recursion: an account
        // may hold a long chain of ties).
        var post = [Int](repeating: -1, count: n)
        var order: [Int] = []  // nodes in postorder
        var visited = [Bool](repeating: false, count: n)
        var stack: [(node: Int, next: Int)] = [(root, outStart[root])]
        visited[root] = true
        while let top = stack.last {
            if top.next < outStart[top.node + 1] {
                stack[stack.count - 1].next += 1
                let w = out[top.next]
                if !visited[w] {
                    visited[w] = true
                    stack.append((w, outStart[w]))
                }
            } else {
                stack.removeLast()
                post[top.node] = order.count
                order.append(top.node)
            }
        }

        var idom = [Int](repeating: -1, count: n)
        idom[root] = root
        func intersect(_ a: Int, _ b: Int) -> Int {
            var (x, y) = (a, b)
            while x != y {
                while post[x] < post[y] { x = idom[x] }
                while post[y] < post[x] { y = idom[y] }
            }
            return x
        }
        var changed = true
        while changed {
            changed = false
            for v in order.reversed() where v != root {
                var candidate = -1
                for k in inStart[v]..<inStart[v + 1] {
                    let u = into[k]
                    guard idom[u] >= 0 else { continue }
                    candidate = candidate < 0 ? u : intersect(u, candidate)
                }
                if candidate != idom[v] {
                    idom[v] = candidate
                    changed = true
                }
            }
        }
        immediate = idom
    }

    /// Whether the root reaches `v`.
    public func isReachable(_ v: Int) -> Bool { immediate.indices.contains(v) && immediate[v] >= 0 }

    /// The nodes that dominate `v` other than `v` itself, nearest first, ending with the
    /// root; empty for the root and for a node the root cannot reach. O(depth of v).
    public func strictDominators(of v: Int) -> [Int] {
        guard isReachable(v), v != root else { return [] }
        var chain: [Int] = []
        var d = immediate[v]
        while true {
            chain.append(d)
            if d == root { return chain }
            d = immediate[d]
        }
    }
}
