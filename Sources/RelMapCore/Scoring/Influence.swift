/// Influence of each person on the buying decision (docs/scoring.md, "Influence").
///
/// A personalized PageRank: each person's own weight (the team's judgment, formal level,
/// heaviest buying role) is the teleport distribution, and a person shares in the score
/// of everyone they influence or report to. So a quiet assistant who shapes the general
/// manager's view ranks near the general manager.
public enum Influence {
    /// The own weight of each person before propagation (docs/scoring.md, "Own weight").
    public static func ownWeights(account: Account, graph: AccountGraph, parameters: ScoringParameters) -> [Double] {
        let levels = effectiveLevels(account: account, graph: graph)
        return account.people.enumerated().map { i, p in
            let judgment = Double(p.influence ?? parameters.defaultJudgment) / 3
            return judgment * parameters.roleWeight(p.mainRole) / Double(levels[i]).squareRoot()
        }
    }

    /// The level a person is at: as written, else one below their manager's, else 1.
    /// Validation guarantees the reporting lines have no cycles; a step limit keeps
    /// this total even on a model built by code that skipped validation.
    public static func effectiveLevels(account: Account, graph: AccountGraph) -> [Int] {
        let n = graph.count
        var level = [Int](repeating: 0, count: n)
        for start in 0..<n where level[start] == 0 {
            var chain: [Int] = []
            var current = start
            while level[current] == 0, chain.count <= n {
                if let written = account.people[current].level { level[current] = written; break }
                chain.append(current)
                let boss = graph.manager[current]
                if boss < 0 || boss == current { level[current] = 1; chain.removeLast(); break }
                current = boss
            }
            var below = max(level[current], 1)
            for i in chain.reversed() where level[i] == 0 {
                below += 1
                level[i] = below
            }
        }
        return level.map { max($0, 1) }
    }

    /// The stationary scores (summing to 1) and the number of iterations used.
    ///
    /// x(i) = α Σ_{j→i} x(j) w(j,i) / W(j) + (α·D + 1 − α) p(i), with D the score on
    /// people nobody shares in (no out-edges), handed back by `p` as NetworkX does.
    /// O(iterations · (n + m)) time, O(n + m) extra memory (see PageRankKernel).
    public static func pageRank(
        graph: AccountGraph, personalization p: [Double],
        parameters: ScoringParameters
    ) -> (scores: [Double], iterations: Int) {
        let n = graph.count
        guard n > 0 else { return ([], 0) }
        return PageRankKernel(graph: graph).run(
            personalization: p, damping: parameters.damping,
            tolerance: parameters.tolerance, maxIterations: parameters.maxIterations)
    }

    /// Splits person `i`'s score into its parts: own weight, and one part per person
    /// whose score it shares in. The parts add up to the score (docs/scoring.md).
    public static func explain(
        _ i: Int, scores x: [Double], personalization p: [Double],
        graph: AccountGraph, parameters: ScoringParameters,
        scale: Double
    ) -> (own: Double, via: [(from: Int, weight: Double, part: Double)]) {
        let n = graph.count
        let alpha = parameters.damping
        // Summed in the kernel's order (PageRankKernel.init), so the parts add up to the
        // score the kernel computed.
        var outWeight = [Double](repeating: 0, count: n)
        for e in graph.influenceSource.indices { outWeight[graph.influenceSource[e]] += graph.influenceWeight[e] }
        var dangling = 0.0
        for j in 0..<n where outWeight[j] == 0 { dangling += x[j] }
        let own = (alpha * dangling + 1 - alpha) * p[i] * scale
        var via: [(Int, Double, Double)] = []
        for e in graph.influenceStart[i]..<graph.influenceStart[i + 1] {
            let j = graph.influenceSource[e], w = graph.influenceWeight[e]
            via.append((j, w, alpha * x[j] * w / outWeight[j] * scale))
        }
        return (own, via.sorted { ($1.2, $0.0) < ($0.2, $1.0) })
    }
}
