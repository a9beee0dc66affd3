/// The people of an account as numbered nodes with compact adjacency lists, the shape
/// the score algorithms work on. Built once per analysis in O(n + m).
public struct AccountGraph: Sendable {
    /// People in file order; `index[id]` is a person's node number.
    public let ids: [String]
    /// Node number by person id.
    public let index: [String: Int]
    /// Manager's node number per person, or -1.
    public let manager: [Int]

    /// Edges of the influence graph, for PageRank: an edge j -> i means i shares in j's
    /// weight (i influences j, or i reports to j). Kept by target, the way PageRank reads
    /// them (each person's score gathers from the people it shares in): the edges into i
    /// come from `influenceSource[influenceStart[i]..<influenceStart[i+1]]`, sources in
    /// increasing order, with weights `influenceWeight` at the same positions.
    public let influenceStart: [Int]
    /// The sources of the influence edges, grouped by target (see `influenceStart`).
    public let influenceSource: [Int]
    /// Each influence edge's weight, at the same position as its source.
    public let influenceWeight: [Double]

    /// Positive ties through which a supporter carries our reach: p -> q for
    /// `p influences q` and both ways for `ally`, with the tie's strength.
    public let carryStart: [Int]
    /// The targets of the carry edges, grouped by source: the edges out of p are `carryStart[p]..<carryStart[p+1]`.
    public let carryTarget: [Int]
    /// Each carry edge's tie strength, at the same position as its target.
    public let carryStrength: [Double]
    /// For each carry edge, whether it is an ally tie (for route labels).
    public let carryIsAlly: [Bool]

    /// The graph of `account`'s people and ties, in O(n + m); ids that name nobody are left out.
    public init(account: Account, parameters: ScoringParameters) {
        // The graph is built twice per loaded file (reach warnings, then the analysis), so
        // each id is hashed once here (the first person with an id keeps the number), and
        // people and relations are read field by field rather than copied whole.
        ids = account.people.map(\.id)
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.index = index
        let n = ids.count
        let people = account.people
        manager = people.indices.map { i in people[i].reportsTo.flatMap { index[$0] } ?? -1 }

        var influence: [(from: Int, to: Int, weight: Double)] = []
        var carry: [(from: Int, to: Int, strength: Double, ally: Bool)] = []
        influence.reserveCapacity(n + account.relations.count)
        for (i, boss) in manager.enumerated() where boss >= 0 && boss != i {
            influence.append((boss, i, parameters.reportsToWeight))
        }
        let relations = account.relations
        for k in relations.indices {
            guard let a = index[relations[k].from], let b = index[relations[k].to], a != b else { continue }
            let strength = relations[k].strength, type = relations[k].type
            if type == .influences { influence.append((b, a, strength)) }
            let carries = Reach.carries(type)
            if carries.forward { carry.append((a, b, strength, type == .ally)) }
            if carries.backward { carry.append((b, a, strength, type == .ally)) }
        }
        // Sorted by (to, from): the edges into each person, which PageRank would otherwise
        // have to sort again.
        (influenceStart, influenceSource, influenceWeight) =
            Self.compress(
                n, influence.map { ($0.to, $0.from, $0.weight, false) }, merge: true
            ).0
        let c = Self.compress(n, carry.map { ($0.from, $0.to, $0.strength, $0.ally) }, merge: false)
        (carryStart, carryTarget, carryStrength) = c.0
        carryIsAlly = c.1
    }

    /// The number of people (nodes).
    public var count: Int { ids.count }

    /// Sorts edges by their first node, then their second, into CSR arrays keyed by the
    /// first. With `merge`, parallel edges become one whose weight is their sum (someone
    /// who both reports to and influences a manager).
    private static func compress(
        _ n: Int, _ edges: [(Int, Int, Double, Bool)], merge: Bool
    ) -> (([Int], [Int], [Double]), [Bool]) {
        // Sorted by (from, to), parallel edges in their order, so merged weights are summed
        // in the order they were given.
        let sorted = ArcOrder.ordered(edges, nodeCount: n, from: { $0.0 }, to: { $0.1 }).items
        var start = [Int](repeating: 0, count: n + 1)
        var target: [Int] = [], weight: [Double] = [], flag: [Bool] = []
        target.reserveCapacity(edges.count)
        weight.reserveCapacity(edges.count)
        for (from, to, w, f) in sorted {
            if merge, let last = target.last, start[from + 1] > 0, last == to {
                weight[weight.count - 1] += w
                continue
            }
            target.append(to)
            weight.append(w)
            flag.append(f)
            start[from + 1] += 1
        }
        for i in 0..<n { start[i + 1] += start[i] }
        return ((start, target, weight), flag)
    }
}
