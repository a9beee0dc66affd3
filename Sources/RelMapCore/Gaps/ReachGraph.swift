/// The reach graph of an account with the direction of its ties dropped. Single-thread
/// risk is no longer read from it (reach flows one way; see `ReachFlow`), but its cut
/// vertices and bridges still cut off everyone they separate from the team, which a test
/// checks, and the graph benchmark and the NetworkX reference build it.
///
/// Nodes are our team and the people in the account, plus one node standing for the team
/// as a whole, joined to every member. Edges are the contacts that still count (current
/// strength above 0) and the ties a carrier passes our reach along (`Reach.isCarrier`:
/// `influences` from a carrier, `ally` with a carrier on either end).
///
/// Why the team node: without it, a lone account manager whose contacts happen to know
/// each other is not a cut vertex, although every route starts with them. With it, a
/// node whose removal cuts people off from the team is exactly a cut vertex.
public struct ReachGraph: Sendable {
    /// What a node of the graph stands for.
    public enum Node: Sendable, Hashable, CustomStringConvertible {
        case team
        case member(String)
        case person(String)

        /// `team`, `member:ID` or `person:ID`: the names scripts/graph_reference.py uses.
        public var description: String {
            switch self {
            case .team: "team"
            case .member(let id): "member:\(id)"
            case .person(let id): "person:\(id)"
            }
        }
    }

    /// Node 0 is the team, then members in team order, then people in file order.
    public let nodes: [Node]
    /// The edges between the nodes, numbered as `nodes`.
    public let graph: UndirectedGraph
    /// The node number of the first person; person `i` of the analysis is node `firstPerson + i`.
    public let firstPerson: Int

    /// O(team + people + contacts + ties), plus sorting the edges.
    public init(_ analysis: AccountAnalysis) {
        let account = analysis.account
        let team = account.team
        var memberNode: [String: Int] = [:]
        for (i, m) in team.enumerated() where memberNode[m.id] == nil { memberNode[m.id] = i + 1 }
        firstPerson = team.count + 1
        nodes = [.team] + team.map { .member($0.id) } + analysis.graph.ids.map { .person($0) }
        var pairs: [(Int, Int)] = team.indices.map { (0, $0 + 1) }
        for c in analysis.contacts where c.current > 0 {
            guard let m = memberNode[c.member], let p = analysis.graph.index[c.person] else { continue }
            pairs.append((m, firstPerson + p))
        }
        let g = analysis.graph
        for p in 0..<g.count where Reach.isCarrier(account.people[p]) {
            for e in g.carryStart[p]..<g.carryStart[p + 1] {
                pairs.append((firstPerson + p, firstPerson + g.carryTarget[e]))
            }
        }
        graph = UndirectedGraph(nodeCount: nodes.count, edges: pairs)
    }
}
