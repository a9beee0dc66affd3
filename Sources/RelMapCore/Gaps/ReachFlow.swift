/// The reach of an account as a directed flow graph, the structure single-thread risk is
/// read from (docs/gaps.md, "Single-thread risk").
///
/// Reach flows one way: from a member to the person they have a contact with, then from a
/// carrier (`Reach.isCarrier`) along the ties it passes our reach on by (`influences` from
/// it, `ally` either way). A virtual root stands for the team and leads to every member.
/// Each contact and each carry arc gets a node of its own in the middle, so that losing a
/// contact or a tie is losing a node, and one dominator tree answers for members, people,
/// contacts and ties alike. Parallel contacts (or ties) between the same two ends share one
/// middle node, since losing "the contact" loses all of them.
///
/// Levels: the root is 0, members 1, contact nodes 2, people reached by a contact 3, then
/// each tie adds 2 (its middle node and the person). A person is reached (reach above 0)
/// exactly when the shortest path to them is at most `maxLevel` = 3 + 2 × hopLimit long.
struct ReachFlow {
    enum Node: Hashable {
        case root
        case member(String)
        case person(Int)
        case contact(member: String, person: Int)
        /// A carry arc `from` -> `to`; `ally` says which kind of tie carries it first.
        case arc(from: Int, to: Int, ally: Bool)
    }

    let nodes: [Node]
    let arcs: [(from: Int, to: Int)]
    /// Node number of person `i` of the analysis is `firstPerson + i`.
    let firstPerson: Int
    /// Breadth-first distance from the root, -1 where it cannot reach.
    let level: [Int]
    let maxLevel: Int

    /// O(team + people + contacts + ties).
    init(_ analysis: AccountAnalysis) {
        let g = analysis.graph
        let n = g.count
        var nodes: [Node] = [.root]
        var memberNode: [String: Int] = [:]
        func member(_ id: String) -> Int {
            if let k = memberNode[id] { return k }
            memberNode[id] = nodes.count
            nodes.append(.member(id))
            return nodes.count - 1
        }
        // Members in team order; a contact's member missing from the team (validation
        // reports it) still starts routes in `Reach`, so it gets a node too.
        for m in analysis.account.team { _ = member(m.id) }
        for c in analysis.contacts where c.current > 0 { _ = member(c.member) }
        firstPerson = nodes.count
        nodes += (0..<n).map { .person($0) }
        var arcs: [(from: Int, to: Int)] = memberNode.values.sorted().map { (0, $0) }
        var middle: [Node: Int] = [:]
        func through(_ node: Node, from a: Int, to b: Int) {
            if middle[node] != nil { return }
            middle[node] = nodes.count
            arcs.append((a, nodes.count))
            arcs.append((nodes.count, b))
            nodes.append(node)
        }
        for c in analysis.contacts where c.current > 0 {
            guard let p = g.index[c.person], let m = memberNode[c.member] else { continue }
            through(.contact(member: c.member, person: p), from: m, to: firstPerson + p)
        }
        let factor = analysis.parameters.carryFactor
        for p in 0..<n where Reach.isCarrier(analysis.account.people[p]) {
            var seen: Set<Int> = []
            for e in g.carryStart[p]..<g.carryStart[p + 1] where factor * g.carryStrength[e] > 0 {
                let q = g.carryTarget[e]
                guard q != p, seen.insert(q).inserted else { continue }
                through(.arc(from: p, to: q, ally: g.carryIsAlly[e]), from: firstPerson + p, to: firstPerson + q)
            }
        }
        self.nodes = nodes
        self.arcs = arcs
        maxLevel = 3 + 2 * max(0, analysis.parameters.hopLimit)

        var out = [[Int]](repeating: [], count: nodes.count)
        for a in arcs { out[a.from].append(a.to) }
        var level = [Int](repeating: -1, count: nodes.count)
        level[0] = 0
        var frontier = [0]
        while !frontier.isEmpty {
            var next: [Int] = []
            for v in frontier {
                for w in out[v] where level[w] < 0 {
                    level[w] = level[v] + 1
                    next.append(w)
                }
            }
            frontier = next
        }
        self.level = level
    }

    /// The arcs that lie on a shortest path from the root and end within `maxLevel`: every
    /// route reach counts for a person at the deepest level is one of these paths.
    var shortestArcs: [(from: Int, to: Int)] {
        arcs.filter { level[$0.from] >= 0 && level[$0.to] == level[$0.from] + 1 && level[$0.to] <= maxLevel }
    }
}
