/// How much of the account each team member is our only thread to, by removal: reach is
/// recomputed from scratch without the member's contacts, and whoever drops to nothing
/// was reached through them alone (docs/plan.md, "Who goes", spreading).
///
/// Removal rather than cut points, because reach flows one way along influence ties: a
/// tie the other way can join two sides of an undirected graph that reach cannot cross.
/// A team is a handful of people, so one recomputation per member is cheap.
struct MemberThreads: Sendable {
    /// Per member (team order, repeated ids once), the share of the account's influence
    /// (0...100) that only they reach.
    let shares: [(member: String, share: Double)]

    /// O(members · hopLimit · (people + ties)).
    init(_ analysis: AccountAnalysis, contacts: [CurrentContact]) {
        let total = analysis.people.reduce(0) { $0 + $1.influence }
        let reached = Self.reach(analysis, contacts)
        var seen = Set<String>()
        var shares: [(String, Double)] = []
        for member in analysis.account.team.map(\.id) where seen.insert(member).inserted {
            guard contacts.contains(where: { $0.member == member && $0.current > 0 }) else { continue }
            let without = Self.reach(analysis, contacts.filter { $0.member != member })
            var lost = 0.0
            for i in reached.indices where reached[i] && !without[i] { lost += analysis.people[i].influence }
            shares.append((member, total > 0 ? 100 * lost / total : 0))
        }
        self.shares = shares
    }

    /// The share (0...100) of the influence only `member` reaches, with `contacts`: one
    /// member's part of `init`, for trying many visits against one thread.
    static func share(of member: String, _ analysis: AccountAnalysis, contacts: [CurrentContact]) -> Double {
        let total = analysis.people.reduce(0) { $0 + $1.influence }
        guard total > 0 else { return 0 }
        return 100 * lost(by: member, analysis, contacts: contacts).reduce(0) { $0 + analysis.people[$1].influence } / total
    }

    /// The people (indices) only `member` reaches, with `contacts`.
    static func lost(by member: String, _ analysis: AccountAnalysis, contacts: [CurrentContact]) -> [Int] {
        let reached = reach(analysis, contacts)
        let without = reach(analysis, contacts.filter { $0.member != member })
        return reached.indices.filter { reached[$0] && !without[$0] }
    }

    /// The member who is the only thread to the largest share, and that share; ("", 0)
    /// when nobody is.
    var worst: (member: String, share: Double) {
        shares.reduce(("", 0)) { $1.share > $0.share ? $1 : $0 }
    }

    private static func reach(_ a: AccountAnalysis, _ contacts: [CurrentContact]) -> [Bool] {
        Reach.routes(account: a.account, graph: a.graph, contacts: contacts, parameters: a.parameters).map { ($0?.strength ?? 0) > 0 }
    }
}
