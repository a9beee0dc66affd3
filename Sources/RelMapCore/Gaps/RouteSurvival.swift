/// Answers "would this person still be reached if this point were gone?" by looking only
/// near the person, instead of recomputing everyone's reach (docs/gaps.md, "Single-thread
/// risk").
///
/// A person is reached when some route leads to them: a contact that still counts, then
/// at most `hopLimit` ties, each from a carrier (docs/scoring.md, "Reach"). So the
/// question is a breadth-first search backwards from the person, `hopLimit` ties deep,
/// for anyone with a usable contact. It gives the same answer as recomputing
/// `Reach.routes` without the point (`SingleThread.reachWithout`, which a test compares
/// it with), because reach is positive exactly when such a route exists.
struct RouteSurvival: Sendable {
    /// A point taken away, by node numbers of the analysis.
    enum Blocked: Sendable {
        case member(String)
        case contact(member: String, person: Int)
        case person(Int)
        case tie(Int, Int)
    }

    private let hopLimit: Int
    /// Carry ties into each person, by the carrier they come from: CSR, `inSource[inStart[v]..<inStart[v+1]]`.
    private let inStart: [Int]
    private let inSource: [Int]
    /// The members with a contact that still counts, per person.
    private let contactMembers: [[String]]

    /// O(n + contacts + ties).
    init(_ analysis: AccountAnalysis) {
        let g = analysis.graph
        let n = g.count
        hopLimit = max(0, analysis.parameters.hopLimit)
        var counts = [Int](repeating: 0, count: n + 1)
        var arcs: [(from: Int, to: Int)] = []
        for p in 0..<n where Reach.isCarrier(analysis.account.people[p]) {
            for e in g.carryStart[p]..<g.carryStart[p + 1]
            where analysis.parameters.carryFactor * g.carryStrength[e] > 0 {
                arcs.append((p, g.carryTarget[e]))
                counts[g.carryTarget[e] + 1] += 1
            }
        }
        for v in 0..<n { counts[v + 1] += counts[v] }
        var fill = counts
        var source = [Int](repeating: 0, count: arcs.count)
        for arc in arcs {
            source[fill[arc.to]] = arc.from
            fill[arc.to] += 1
        }
        inStart = counts
        inSource = source
        var members = [[String]](repeating: [], count: n)
        for c in analysis.contacts where c.current > 0 {
            if let i = g.index[c.person] { members[i].append(c.member) }
        }
        contactMembers = members
    }

    /// Whether person `i` still has a route with `blocked` gone. O(people and ties within
    /// `hopLimit` ties of `i`).
    func isReached(_ i: Int, avoiding blocked: Blocked) -> Bool {
        guard inStart.indices.contains(i + 1) else { return false }
        if case .person(let p) = blocked, p == i { return false }
        var seen: Set<Int> = [i]
        var frontier = [i]
        for depth in 0...hopLimit {
            for v in frontier where hasContact(v, avoiding: blocked) { return true }
            guard depth < hopLimit else { break }
            var next: [Int] = []
            for v in frontier {
                for k in inStart[v]..<inStart[v + 1] {
                    let u = inSource[k]
                    switch blocked {
                    case .person(let p) where p == u: continue
                    case .tie(let a, let b) where (a == u && b == v) || (a == v && b == u): continue
                    default: break
                    }
                    if seen.insert(u).inserted { next.append(u) }
                }
            }
            if next.isEmpty { break }
            frontier = next
        }
        return false
    }

    private func hasContact(_ v: Int, avoiding blocked: Blocked) -> Bool {
        contactMembers[v].contains { m in
            switch blocked {
            case .member(let x): m != x
            case .contact(let x, let p): !(m == x && p == v)
            case .person(let p): p != v
            case .tie: true
            }
        }
    }
}
