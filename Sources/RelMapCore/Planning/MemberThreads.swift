/// How much of the account each team member is our only thread to, by removal: whoever
/// is reached with every contact but no longer without the member's contacts was reached
/// through them alone (docs/plan.md, "Who goes", spreading).
///
/// Removal rather than cut points, because reach flows one way along influence ties: a
/// tie the other way can join two sides of an undirected graph that reach cannot cross.
/// Only whether a person is reached matters here, not the strength or the route, so one
/// pass of `ReachSets` tells, for every person at once, which members reach them: a
/// person is lost without member `m` exactly when `m` is the only member who reaches them.
struct MemberThreads: Sendable {
    /// Per member (team order, repeated ids once), the share of the account's influence
    /// (0...100) that only they reach.
    let shares: [(member: String, share: Double)]

    /// O(hopLimit · (people + ties) · ⌈members / 64⌉).
    init(_ analysis: AccountAnalysis, contacts: [CurrentContact]) {
        let total = analysis.people.reduce(0) { $0 + $1.influence }
        var groups: [String: Int] = [:]
        for c in contacts where c.current > 0 && groups[c.member] == nil { groups[c.member] = groups.count }
        let sets = ReachSets(analysis, contacts: contacts, groups: groups.count) { groups[$0.member] ?? -1 }
        var seen = Set<String>()
        var shares: [(String, Double)] = []
        for member in analysis.account.team.map(\.id) where seen.insert(member).inserted {
            guard let g = groups[member] else { continue }
            var lost = 0.0
            for i in analysis.people.indices where sets.isOnly(g, at: i) { lost += analysis.people[i].influence }
            shares.append((member, total > 0 ? 100 * lost / total : 0))
        }
        self.shares = shares
    }

    /// The share (0...100) of the influence only `member` reaches, with `contacts`: one
    /// member's part of `init`, for trying many visits against one thread.
    static func share(of member: String, _ analysis: AccountAnalysis, contacts: [CurrentContact]) -> Double {
        let total = analysis.people.reduce(0) { $0 + $1.influence }
        guard total > 0 else { return 0 }
        return 100 * lost(by: member, analysis, contacts: contacts).reduce(0) { $0 + analysis.people[$1].influence }
            / total
    }

    /// The people (indices) only `member` reaches, with `contacts`.
    static func lost(by member: String, _ analysis: AccountAnalysis, contacts: [CurrentContact]) -> [Int] {
        // Two groups: the member's contacts (0) and everybody else's (1).
        let sets = ReachSets(analysis, contacts: contacts, groups: 2) { $0.member == member ? 0 : 1 }
        return analysis.people.indices.filter { sets.isOnly(0, at: $0) }
    }

    /// The member who is the only thread to the largest share, and that share; ("", 0)
    /// when nobody is.
    var worst: (member: String, share: Double) {
        shares.reduce(("", 0)) { $1.share > $0.share ? $1 : $0 }
    }
}

/// Which groups of contacts reach each person, as bit sets: the reachability of
/// `Reach.routes` (a live contact, then at most `hopLimit` ties through carriers, each
/// with a factor above 0), layer by layer as its dynamic programme does, without
/// strengths or routes. A person is reached by the routes iff some group reaches them.
struct ReachSets {
    private let words: Int
    private var bits: [UInt64]

    /// `group` numbers each contact's group, 0..<groups (-1: leave the contact out).
    init(_ a: AccountAnalysis, contacts: [CurrentContact], groups: Int, group: (CurrentContact) -> Int) {
        let graph = a.graph
        let n = graph.count
        let w = max(1, (groups + 63) / 64)
        words = w
        bits = [UInt64](repeating: 0, count: n * w)
        for c in contacts where c.current > 0 {
            let g = group(c)
            guard g >= 0, let i = graph.index[c.person] else { continue }
            bits[i * w + g / 64] |= 1 << UInt64(g % 64)
        }
        let carrier = a.account.people.map(Reach.isCarrier)
        let factor = a.parameters.carryFactor
        for _ in 0..<max(0, a.parameters.hopLimit) {
            // Reads from the last layer only, so a route never takes more ties than the limit.
            let last = bits
            var changed = false
            for p in 0..<n where carrier[p] {
                let from = p * w
                guard last[from..<from + w].contains(where: { $0 != 0 }) else { continue }
                for e in graph.carryStart[p]..<graph.carryStart[p + 1] where factor * graph.carryStrength[e] > 0 {
                    let to = graph.carryTarget[e] * w
                    for k in 0..<w {
                        let merged = bits[to + k] | last[from + k]
                        if merged != bits[to + k] {
                            bits[to + k] = merged
                            changed = true
                        }
                    }
                }
            }
            if !changed { break }
        }
    }

    /// Whether group `g` is the only group that reaches person `i`.
    func isOnly(_ g: Int, at i: Int) -> Bool {
        let base = i * words
        for k in 0..<words where bits[base + k] != (k == g / 64 ? 1 << UInt64(g % 64) : 0) { return false }
        return true
    }
}
