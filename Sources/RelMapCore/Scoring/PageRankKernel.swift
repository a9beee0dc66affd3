/// The inner loop of the influence score: power iteration over the influence graph's
/// in-edges, laid out for speed on large graphs (a 100,000-person benchmark graph has a
/// million ties).
///
/// Pull-based: each person's new score gathers from the people they share in, so every
/// write is sequential and no two writes touch the same place; sources are 32-bit to
/// halve the index traffic. Per iteration it reads the in-edge arrays once (12 bytes a
/// tie) and three score vectors (24 bytes a person): the cost is bounded by memory
/// bandwidth, which docs/performance.md measures.
public struct PageRankKernel: Sendable {
    let n: Int
    /// In-edges of i: `source[start[i]..<start[i+1]]`, with `share` = w(j,i) / W(j).
    let start: [Int]
    let source: [Int32]
    let share: [Double]
    /// People nobody shares in (no out-edges): their score is handed back through `p`.
    let dangling: [Int32]

    /// Takes the in-edges as `AccountGraph` keeps them (by target, sources in increasing
    /// order) and turns each weight into a share of its source's total, in passes over
    /// the edges in order; nothing is sorted or scattered here. The loops run on buffer
    /// pointers: at a million ties, array bounds and uniqueness checks cost more than the
    /// work.
    public init(graph: AccountGraph) {
        let n = graph.count
        self.n = n
        let m = graph.influenceSource.count
        var outWeight = [Double](repeating: 0, count: n)
        var source = [Int32](), share = [Double]()
        graph.influenceSource.withUnsafeBufferPointer { from in
            graph.influenceWeight.withUnsafeBufferPointer { weight in
                outWeight.withUnsafeMutableBufferPointer { out in
                    // Each source's weights are added in increasing order of target, the
                    // same order on every run, so the shares are reproducible to the bit.
                    for e in 0..<m { out[from[e]] += weight[e] }
                }
                source = [Int32](unsafeUninitializedCapacity: m) { source, count in
                    for e in 0..<m { source[e] = Int32(truncatingIfNeeded: from[e]) }
                    count = m
                }
                share = outWeight.withUnsafeBufferPointer { out in
                    [Double](unsafeUninitializedCapacity: m) { share, count in
                        for e in 0..<m { share[e] = weight[e] / out[from[e]] }
                        count = m
                    }
                }
            }
        }
        start = graph.influenceStart
        self.source = source
        self.share = share
        dangling = (0..<n).filter { outWeight[$0] == 0 }.map { Int32(truncatingIfNeeded: $0) }
    }

    /// Iterates from `p` until the L1 change of one step is below `tolerance`.
    /// O(iterations · (n + m)). Large graphs are split into a fixed number of row blocks
    /// worked on in parallel; the block count does not depend on the machine, and block
    /// results are added in block order, so the scores are the same to the last bit on
    /// any number of cores.
    public func run(
        personalization p: [Double], damping alpha: Double, tolerance: Double,
        maxIterations: Int
    ) -> (scores: [Double], iterations: Int) {
        guard n > 0 else { return ([], 0) }
        let blocks = source.count >= 200_000 ? 8 : 1
        let bounds = blockBounds(blocks)
        var x = p
        var next = [Double](repeating: 0, count: n)
        var changes = [Double](repeating: 0, count: blocks)
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            var danglingSum = 0.0
            for d in dangling { danglingSum += x[Int(d)] }
            let teleport = alpha * danglingSum + 1 - alpha
            let bounds = bounds
            let shared = Shared(start: start, source: source, share: share, p: p, x: x)
            next.withUnsafeMutableBufferPointer { next in
                changes.withUnsafeMutableBufferPointer { changes in
                    let out = UncheckedSendable((next, changes))
                    let work: @Sendable (Int) -> Void = { b in
                        out.value.1[b] = shared.rows(
                            bounds[b]..<bounds[b + 1], alpha: alpha, teleport: teleport, into: out.value.0)
                    }
                    if blocks == 1 {
                        work(0)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: blocks, execute: work)
                    }
                }
            }
            swap(&x, &next)
            if changes.reduce(0, +) < tolerance { break }
        }
        return (x, iterations)
    }

    /// Row ranges holding about the same number of in-edges each.
    private func blockBounds(_ blocks: Int) -> [Int] {
        var bounds = [0]
        let total = source.count + n
        var row = 0
        for b in 1..<blocks {
            let goal = total * b / blocks
            while row < n, start[row] + row < goal { row += 1 }
            bounds.append(row)
        }
        bounds.append(n)
        return bounds
    }

    /// The read-only arrays one iteration works on, shared by the row blocks.
    private struct Shared: @unchecked Sendable {
        let start: [Int], source: [Int32], share: [Double], p: [Double], x: [Double]

        /// Computes `next` for a block of rows and returns their L1 change.
        func rows(_ range: Range<Int>, alpha: Double, teleport: Double, into next: UnsafeMutableBufferPointer<Double>)
            -> Double
        {
            start.withUnsafeBufferPointer { start in
                source.withUnsafeBufferPointer { source in
                    share.withUnsafeBufferPointer { share in
                        p.withUnsafeBufferPointer { p in
                            x.withUnsafeBufferPointer { x in
                                var change = 0.0
                                for i in range {
                                    var s = 0.0
                                    for e in start[i]..<start[i + 1] { s += x[Int(source[e])] * share[e] }
                                    let v = alpha * s + teleport * p[i]
                                    change += abs(v - x[i])
                                    next[i] = v
                                }
                                return change
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Lets a closure that runs on several threads write to disjoint parts of one buffer:
/// each row block writes only its own rows and its own slot of `changes`.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

import Dispatch
