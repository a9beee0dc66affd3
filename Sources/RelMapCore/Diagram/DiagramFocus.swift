/// `--focus ID --depth N`: draw one person and everyone within N ties of them.
///
/// A tie is any line on the diagram between two people, in either direction: a reporting
/// line, `influences`, `ally` or `rival`. Our team is drawn when it reaches someone
/// inside the neighbourhood; its contacts do not widen the neighbourhood (every person
/// one of our members knows would otherwise be two steps from everyone).
public struct DiagramFocus: Sendable, Hashable {
    /// The id of the person at the centre.
    public var personId: String
    /// How many ties out from the centre to go; 0 draws the person alone.
    public var depth: Int

    /// A focus on `personId`; the id is checked against an account by `neighbourhood(in:)`.
    public init(personId: String, depth: Int = 1) {
        self.personId = personId
        self.depth = depth
    }

    /// The indexes (into `account.people`) of the people within `depth` ties of the
    /// centre, in file order. Breadth-first search: O(people + ties).
    public func neighbourhood(in account: Account) throws(DiagramFocusError) -> [Int] {
        guard let centre = account.people.firstIndex(where: { $0.id == personId }) else {
            throw .unknownPerson(personId, suggestion: Suggestion.nearest(to: personId, in: account.people.map(\.id)))
        }
        guard depth >= 0 else { throw .negativeDepth(depth) }
        var index: [String: Int] = [:]
        for (i, p) in account.people.enumerated() where index[p.id] == nil { index[p.id] = i }
        var neighbours = [[Int]](repeating: [], count: account.people.count)
        func tie(_ a: Int?, _ b: Int?) {
            guard let a, let b, a != b else { return }
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        for (i, p) in account.people.enumerated() { tie(i, p.reportsTo.flatMap { index[$0] }) }
        for r in account.relations { tie(index[r.from], index[r.to]) }

        var distance = [Int?](repeating: nil, count: account.people.count)
        distance[centre] = 0
        var frontier = [centre]
        for step in 0..<depth {
            var next: [Int] = []
            for p in frontier {
                for q in neighbours[p] where distance[q] == nil {
                    distance[q] = step + 1
                    next.append(q)
                }
            }
            if next.isEmpty { break }
            frontier = next
        }
        return distance.indices.filter { distance[$0] != nil }
    }
}

/// Why a focus cannot be drawn.
public enum DiagramFocusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No person has this id; `suggestion` is a near id, if there is one.
    case unknownPerson(String, suggestion: String?)
    /// A depth below 0 (the CLI refuses one earlier, with its own usage line).
    case negativeDepth(Int)

    /// The error for an id none of `accounts` has, suggesting the nearest id in any of them.
    public static func unknownPerson(_ id: String, among accounts: [Account]) -> DiagramFocusError {
        .unknownPerson(id, suggestion: Suggestion.nearest(to: id, in: accounts.flatMap { $0.people.map(\.id) }))
    }

    /// The message for the user, with the nearest id when there is one.
    public var description: String {
        switch self {
        case .unknownPerson(let id, let suggestion):
            "no person with id '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .negativeDepth(let depth):
            "the depth must be 0 or more, not \(depth)"
        }
    }
}
