/// A place all of our reach to some people runs through: a member, person, contact or tie
/// that dominates them in the directed reach graph (docs/gaps.md, "Single-thread risk").
public struct SingleThreadRisk: Sendable, Hashable {
    /// The thread itself.
    public enum Point: Sendable, Hashable {
        /// A member of our team.
        case member(String)
        /// A person inside the account through whom we reach others.
        case person(String)
        /// One member's contact with one person.
        case contact(member: String, person: String)
        /// The tie (or ties) between two people through which a carrier passes our reach;
        /// `from` carries it to `to` (when losing either direction would cut someone off,
        /// the direction that cuts off more influence; on a draw, the first carrier in the file).
        case tie(from: String, to: String, type: RelationType)

        /// A stable name for gap keys: `member:ID`, `person:ID`, `contact:M>P`, `tie:A~B`.
        public var key: String {
            switch self {
            case .member(let m): "member:\(m)"
            case .person(let p): "person:\(p)"
            case .contact(let m, let p): "contact:\(m)>\(p)"
            case .tie(let a, let b, _): "tie:\(min(a, b))~\(max(a, b))"
            }
        }

        /// Members, then people, then contacts, then ties: the order equal risks print in.
        var order: Int {
            switch self {
            case .member: 0
            case .person: 1
            case .contact: 2
            case .tie: 3
            }
        }
    }

    /// What would be gone.
    public var point: Point
    /// The people who would lose all reach, most influential first (ties by id). A person
    /// who is the point does not count: they are the one who leaves.
    public var lost: [String]
    /// Their influence added up, on the 0...100 person scale.
    public var lostInfluence: Double
    /// Their share of the account's influence, 0...100.
    public var lostShare: Double
    /// The influence of the most influential of them.
    public var topLostInfluence: Double
}

/// Finds the single threads of an account.
public enum SingleThread {
    /// Every member, person, contact and tie whose loss would leave some people we reach
    /// today with no route at all, with who and how much. Points whose loss nobody would
    /// feel are left out. Sorted by lost influence, largest first; then members, people,
    /// contacts, ties; then key.
    ///
    /// Read from the directed reach graph (`ReachFlow`), not from a picture of it with
    /// the arrows rubbed out: an advice tie running against the flow joins two parts of
    /// the account without carrying our reach from one to the other.
    ///
    /// A point cuts a person off when every route reach counts (a contact, then at most
    /// `hopLimit` ties) passes through it. Two dominator trees (`Dominators`) answer that
    /// for nearly everyone:
    /// - the tree of the shortest routes: a point that is not on every shortest route to
    ///   a person cannot cut them off (a shortest route survives), and for a person at the
    ///   hop limit the shortest routes are the only ones, so there the tree is the answer;
    /// - the tree of all routes, however long: a point on every route cuts the person off.
    ///
    /// What is left, a point on every shortest route but not on every route to a person
    /// nearer than the hop limit, is settled by a search `hopLimit` ties deep around the
    /// person (`RouteSurvival`). O(n + m) for the graph and each tree (the trees take two
    /// or three passes on these nearly acyclic graphs), plus O(n · (hopLimit + 2)) steps up
    /// the trees and a few small searches.
    public static func risks(in analysis: AccountAnalysis) -> [SingleThreadRisk] {
        let flow = ReachFlow(analysis)
        let shortest = Dominators(nodeCount: flow.nodes.count, arcs: flow.shortestArcs, root: 0)
        let all = Dominators(nodeCount: flow.nodes.count, arcs: flow.arcs, root: 0)
        let survival = RouteSurvival(analysis)
        let people = analysis.people
        // The people each node cuts off, by node number (empty arrays cost nothing).
        var cut = [[Int]](repeating: [], count: flow.nodes.count)
        // Marks the nodes on every route to the person being looked at: mark[x] == i.
        var onEveryRoute = [Int](repeating: -1, count: flow.nodes.count)
        for i in people.indices {
            let v = flow.firstPerson + i
            guard flow.level[v] >= 0, flow.level[v] <= flow.maxLevel, shortest.immediate[v] != 0 else { continue }
            var d = all.immediate[v]
            while d > 0 {
                onEveryRoute[d] = i
                d = all.immediate[d]
            }
            // The root, node 0, is no point.
            for x in sequence(first: shortest.immediate[v], next: { shortest.immediate[$0] }).prefix(while: { $0 > 0 })
            {
                var lost = onEveryRoute[x] == i || flow.level[v] == flow.maxLevel
                if !lost {
                    let blocked: RouteSurvival.Blocked
                    switch flow.nodes[x] {
                    case .root: continue
                    case .member(let m): blocked = .member(flow.memberIds[m])
                    case .person(let p): blocked = .person(p)
                    case .contact(let m, let p): blocked = .contact(member: flow.memberIds[m], person: p)
                    case .arc(let a, let b, _): blocked = .tie(a, b)
                    }
                    lost = !survival.isReached(i, avoiding: blocked)
                }
                if lost { cut[x].append(i) }
            }
        }
        let ids = analysis.graph.ids
        let total = people.reduce(0) { $0 + $1.influence }
        func influence(_ group: [Int]) -> Double { group.reduce(0) { $0 + people[$1].influence } }
        func risk(_ point: SingleThreadRisk.Point, _ lost: [Int]) -> SingleThreadRisk {
            let sorted = lost.sorted { a, b in
                people[a].influence != people[b].influence ? people[a].influence > people[b].influence : ids[a] < ids[b]
            }
            let sum = influence(sorted)
            return SingleThreadRisk(
                point: point, lost: sorted.map { ids[$0] }, lostInfluence: sum,
                lostShare: total > 0 ? 100 * sum / total : 0,
                topLostInfluence: sorted.first.map { people[$0].influence } ?? 0)
        }
        var risks: [SingleThreadRisk] = []
        // Both arcs of a tie are one point: losing the tie loses both. Its direction is the
        // arc that cuts off more influence; on a draw the arc seen first (middle nodes are
        // numbered in the file order of their carriers).
        var tieRisk: [Int: (risk: Int, arcLost: Double)] = [:]
        for x in flow.nodes.indices where !cut[x].isEmpty {
            var lost = cut[x]
            let point: SingleThreadRisk.Point
            switch flow.nodes[x] {
            case .root: continue
            case .member(let m): point = .member(flow.memberIds[m])
            case .person(let p): point = .person(ids[p])
            case .contact(let m, let p): point = .contact(member: flow.memberIds[m], person: ids[p])
            case .arc(let a, let b, let ally):
                point = .tie(from: ids[a], to: ids[b], type: ally ? .ally : .influences)
                let pair = min(a, b) * people.count + max(a, b)
                if let other = tieRisk[pair] {
                    let earlier = risks[other.risk]
                    let arcLost = influence(lost)
                    lost = Array(Set(lost).union(earlier.lost.compactMap { analysis.graph.index[$0] }))
                    risks[other.risk] = risk(arcLost > other.arcLost ? point : earlier.point, lost)
                    continue
                }
                tieRisk[pair] = (risks.count, influence(lost))
            }
            risks.append(risk(point, lost))
        }
        return risks.sorted { a, b in
            if a.lostInfluence != b.lostInfluence { return a.lostInfluence > b.lostInfluence }
            if a.point.order != b.point.order { return a.point.order < b.point.order }
            return a.point.key < b.point.key
        }
    }

    /// The risks worth a gap: every risk, less the ones that only restate another.
    ///
    /// - A contact or tie whose loss cuts off only the person at its own far end is how
    ///   most people are reached (one contact each); it is a single thread only when that
    ///   person is a key person (influence at least `keyInfluence`).
    /// - Points that cut off exactly the same people say the same thing; the first in the
    ///   order member, person, contact, tie is kept ("if 陈思远 leaves" rather than also
    ///   "hangs on 陈思远's contact with 蒋文").
    ///
    /// Keeps the order of `risks`. O(k log k) for k risks.
    public static func significant(
        _ risks: [SingleThreadRisk], in analysis: AccountAnalysis,
        keyInfluence: Double
    ) -> [SingleThreadRisk] {
        var kept: [SingleThreadRisk] = []
        var bestForLost: [[String]: Int] = [:]
        for risk in risks {
            let farEnd: String? =
                switch risk.point {
                case .contact(_, let p): p
                case .tie(_, let to, _): to
                case .member, .person: nil
                }
            if let farEnd, risk.lost == [farEnd], (analysis.person(farEnd)?.influence ?? 0) < keyInfluence { continue }
            let lostSet = risk.lost.sorted()
            if let order = bestForLost[lostSet], order <= risk.point.order { continue }
            bestForLost[lostSet] = risk.point.order
            kept.append(risk)
        }
        // A later, better-ordered point may have displaced one kept earlier.
        return kept.filter { bestForLost[$0.lost.sorted()] == $0.point.order }
    }

    /// Reach of every person (file order) as if `point` were gone, recomputed from scratch
    /// with `Reach.routes`: the reference `risks` is checked against. O(hopLimit · (n + m)).
    public static func reachWithout(_ point: SingleThreadRisk.Point, in analysis: AccountAnalysis) -> [Double] {
        var account = analysis.account
        var contacts = analysis.contacts
        var graph = analysis.graph
        switch point {
        case .member(let m):
            contacts.removeAll { $0.member == m }
        case .contact(let m, let p):
            contacts.removeAll { $0.member == m && $0.person == p }
        case .person(let p):
            contacts.removeAll { $0.person == p }
            account.relations.removeAll { $0.from == p || $0.to == p }
            graph = AccountGraph(account: account, parameters: analysis.parameters)
        case .tie(let a, let b, _):
            account.relations.removeAll { r in
                r.type != .rival && Set([r.from, r.to]) == Set([a, b])
            }
            graph = AccountGraph(account: account, parameters: analysis.parameters)
        }
        return Reach.routes(account: account, graph: graph, contacts: contacts, parameters: analysis.parameters)
            .map { $0?.strength ?? 0 }
    }
}
