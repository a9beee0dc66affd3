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
    /// What a node stands for; members by their number in `memberIds`, people by their
    /// number in the analysis.
    enum Node {
        case root
        case member(Int)
        case person(Int)
        case contact(member: Int, person: Int)
        /// A carry arc `from` -> `to`; `ally` says which kind of tie carries it first.
        case arc(from: Int, to: Int, ally: Bool)
    }

    /// Members in team order, then any contact's member missing from the team.
    let memberIds: [String]
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
        var memberIds: [String] = []
        var memberNumber: [String: Int] = [:]
        // Members in team order; a contact's member missing from the team (validation
        // reports it) still starts routes in `Reach`, so it gets a node too.
        for id in analysis.account.team.map(\.id) + analysis.contacts.filter({ $0.current > 0 }).map(\.member)
        where memberNumber[id] == nil {
            memberNumber[id] = memberIds.count
            memberIds.append(id)
        }
        let k = memberIds.count
        firstPerson = 1 + k
        var nodes: [Node] = [.root]
        nodes.reserveCapacity(1 + k + n + analysis.contacts.count + g.carryTarget.count)
        nodes += (0..<k).map { .member($0) }
        nodes += (0..<n).map { .person($0) }
        var arcs: [(from: Int, to: Int)] = (0..<k).map { (0, 1 + $0) }
        func through(_ node: Node, from a: Int, to b: Int) {
            arcs.append((a, nodes.count))
            arcs.append((nodes.count, b))
            nodes.append(node)
        }
        var contactSeen: Set<Int> = []
        for c in analysis.contacts where c.current > 0 {
            guard let p = g.index[c.person], let m = memberNumber[c.member], contactSeen.insert(m * n + p).inserted
            else { continue }
            through(.contact(member: m, person: p), from: 1 + m, to: firstPerson + p)
        }
        let factor = analysis.parameters.carryFactor
        // The carrier whose arcs were last listed into each person: parallel ties once.
        var lastFrom = [Int](repeating: -1, count: n)
        for p in 0..<n where Reach.isCarrier(analysis.account.people[p]) {
            for e in g.carryStart[p]..<g.carryStart[p + 1] where factor * g.carryStrength[e] > 0 {
                let q = g.carryTarget[e]
                guard q != p, lastFrom[q] != p else { continue }
                lastFrom[q] = p
                through(.arc(from: p, to: q, ally: g.carryIsAlly[e]), from: firstPerson + p, to: firstPerson + q)
            }
        }
        self.memberIds = memberIds
        self.nodes = nodes
        self.arcs = arcs
        maxLevel = 3 + 2 * max(0, analysis.parameters.hopLimit)

        // Breadth-first levels over the arcs in compact (CSR) form.
        var start = [Int](repeating: 0, count: nodes.count + 1)
        for a in arcs { start[a.from + 1] += 1 }
        for v in 0..<nodes.count { start[v + 1] += start[v] }
        var fill = start
        var target = [Int](repeating: 0, count: arcs.count)
        for a in arcs {
            target[fill[a.from]] = a.to
            fill[a.from] += 1
        }
        var level = [Int](repeating: -1, count: nodes.count)
        level[0] = 0
        var queue = [0]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for w in target[start[v]..<start[v + 1]] where level[w] < 0 {
                level[w] = level[v] + 1
                queue.append(w)
            }
        }
        self.level = level
    }

    /// The arcs that lie on a shortest path from the root and end within `maxLevel`: every
    /// route reach counts for a person at the deepest level is one of these paths.
    var shortestArcs: [(from: Int, to: Int)] {
        arcs.filter { level[$0.from] >= 0 && level[$0.to] == level[$0.from] + 1 && level[$0.to] <= maxLevel }
    }
}
