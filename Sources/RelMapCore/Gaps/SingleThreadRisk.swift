/// A place all of our reach to some people runs through: a cut vertex or a bridge of the
/// reach graph (docs/gaps.md, "Single-thread risk").
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
        /// `from` carries it to `to` (the first of them in the file when both can).
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
    /// Every cut vertex and bridge of the reach graph that some people would lose all
    /// reach by, with who and how much. Points whose loss nobody would feel are left out.
    /// Sorted by lost influence, largest first; then members, people, contacts, ties;
    /// then key.
    ///
    /// The cut vertices and bridges come from one depth-first search, O(n + m). A point
    /// that lies on nobody's best route cannot cost anyone their reach (their best route
    /// survives), so only the people whose best route runs through a point are checked,
    /// each by a search `hopLimit` ties deep around them (`RouteSurvival`). Every best
    /// route has at most hopLimit + 2 points, so the whole is O(n + m) plus
    /// O(n · (hopLimit + 2)) small searches.
    public static func risks(in analysis: AccountAnalysis) -> [SingleThreadRisk] {
        let reachGraph = ReachGraph(analysis)
        let g = reachGraph.graph
        // The people whose best route runs through each point.
        var behind: [SingleThreadRisk.Point: [Int]] = [:]
        // Room for a point per person and per contact up front, rather than growing (and
        // rehashing) through every power of two; it is only looked up, never iterated.
        behind.reserveCapacity(analysis.people.count + analysis.contacts.count)
        for (i, p) in analysis.people.enumerated() {
            guard let route = p.route else { continue }
            var points: [SingleThreadRisk.Point] = [.member(route.member)]
            if let first = route.steps.first { points.append(.contact(member: first.from, person: first.to)) }
            for step in route.steps.dropLast() { points.append(.person(step.to)) }
            for step in route.steps.dropFirst() { points.append(routeKey(.tie(from: step.from, to: step.to, type: .ally))) }
            // Each point once: a scan of these few is cheaper than hashing them into a Set.
            for (k, point) in points.enumerated() where !points[..<k].contains(point) {
                behind[point, default: []].append(i)
            }
        }
        var candidates: [SingleThreadRisk.Point] = []
        for v in g.articulationPoints() {
            switch reachGraph.nodes[v] {
            case .team: continue
            case .member(let m): candidates.append(.member(m))
            case .person(let p): candidates.append(.person(p))
            }
        }
        for e in g.bridges() {
            let edge = g.edges[e]
            switch (reachGraph.nodes[edge.a], reachGraph.nodes[edge.b]) {
            case (.member(let m), .person(let p)), (.person(let p), .member(let m)):
                candidates.append(.contact(member: m, person: p))
            case (.person(let a), .person(let b)):
                candidates.append(tiePoint(a, b, in: analysis))
            default:
                // A team-to-member edge is a bridge exactly when the member is a cut
                // vertex; the member is reported instead.
                continue
            }
        }
        let survival = RouteSurvival(analysis)
        let index = analysis.graph.index
        let total = analysis.people.reduce(0) { $0 + $1.influence }
        var risks: [SingleThreadRisk] = []
        for point in candidates {
            guard let affected = behind[routeKey(point)] else { continue }
            let blocked: RouteSurvival.Blocked
            switch point {
            case .member(let m): blocked = .member(m)
            case .contact(let m, let p): blocked = .contact(member: m, person: index[p] ?? -1)
            case .person(let p): blocked = .person(index[p] ?? -1)
            case .tie(let a, let b, _): blocked = .tie(index[a] ?? -1, index[b] ?? -1)
            }
            var lost: [PersonAnalysis] = []
            for i in affected where !survival.isReached(i, avoiding: blocked) {
                if case .person(let id) = point, id == analysis.people[i].person.id { continue }
                lost.append(analysis.people[i])
            }
            guard !lost.isEmpty else { continue }
            lost.sort { ($1.influence, $0.person.id) < ($0.influence, $1.person.id) }
            let sum = lost.reduce(0) { $0 + $1.influence }
            risks.append(SingleThreadRisk(point: point, lost: lost.map(\.person.id), lostInfluence: sum,
                                          lostShare: total > 0 ? 100 * sum / total : 0,
                                          topLostInfluence: lost.first?.influence ?? 0))
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
    public static func significant(_ risks: [SingleThreadRisk], in analysis: AccountAnalysis,
                                   keyInfluence: Double) -> [SingleThreadRisk] {
        var kept: [SingleThreadRisk] = []
        var bestForLost: [[String]: Int] = [:]
        for risk in risks {
            let farEnd: String? = switch risk.point {
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

    /// The tie point between two people: which way the reach flows, and by what kind of
    /// tie (the first carry tie between them in the account's order).
    private static func tiePoint(_ a: String, _ b: String, in analysis: AccountAnalysis) -> SingleThreadRisk.Point {
        let g = analysis.graph
        for (from, to) in [(a, b), (b, a)] {
            guard let i = g.index[from], let j = g.index[to], Reach.isCarrier(analysis.account.people[i]) else { continue }
            for e in g.carryStart[i]..<g.carryStart[i + 1] where g.carryTarget[e] == j {
                return .tie(from: from, to: to, type: g.carryIsAlly[e] ? .ally : .influences)
            }
        }
        return .tie(from: a, to: b, type: .ally)
    }

    /// A tie point with its ends in order and its type dropped, so that a tie found on a
    /// best route and the same tie found as a bridge compare equal.
    private static func routeKey(_ point: SingleThreadRisk.Point) -> SingleThreadRisk.Point {
        if case .tie(let a, let b, _) = point { return .tie(from: min(a, b), to: max(a, b), type: .ally) }
        return point
    }
}
