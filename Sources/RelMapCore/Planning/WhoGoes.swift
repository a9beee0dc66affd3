/// Why a team member goes on a visit (docs/plan.md, "Who goes").
public enum MemberReason: Sendable, Hashable {
    /// An executive of ours for a person at the top of the account (高层对高层); `title` is
    /// the person's title, if the file gives one.
    case peerOfTop(title: String?)
    /// An executive of ours for a decision-maker or economic buyer below the top levels:
    /// worth as much as the account manager's ownership, so it decides only when the
    /// account manager should not go.
    case sponsorOfBuyer(BuyingRole)
    /// An engineer for a technical or user buyer.
    case peerOfBuyer(BuyingRole)
    /// Already has a contact with the person (as it stands before the visit).
    case knowsPerson(strength: ContactStrength, daysAgo: Int?)
    /// The warmest route in to the person starts from this member.
    case routeStartsHere
    /// The account manager, who owns the account, when nobody fits better.
    case ownsAccount
    /// Sent rather than `instead`, whose visit would have left `thread` the only thread to
    /// `share`% of the account's influence, above the critical share.
    case spreads(instead: String, thread: String, share: Double)
    /// The only member who may be sent.
    case onlyOneToSend
}

/// The members chosen for one visit.
struct MemberChoice: Sendable {
    var member: String
    var reasons: [MemberReason]
    var companion: String?
    var companionReasons: [MemberReason] = []
}

/// Chooses who goes on a visit (docs/plan.md, "Who goes"): points for fit and for a way
/// in, after leaving out the members whose visit would make one of us the only thread to
/// a critical share of the account.
struct WhoGoes {
    let model: VisitModel
    let routes: IntroductionRoutes
    let parameters: PlanParameters
    /// The members who may go, in team order, each with a visit left.
    let available: [String]
    /// Everyone the request lets go (before capacity): one of them means no choice at all.
    let senders: Int

    /// The lead member and, when the one who fits best and the one who already knows the
    /// person differ, the other as companion.
    func choose(for p: Int) -> MemberChoice {
        let a = model.analysis
        let person = a.people[p].person
        let warmest = routes.warmest(to: p)?.member
        var points: [String: Double] = [:]
        var reasons: [String: [MemberReason]] = [:]
        for m in available {
            var r = fit(m, person)
            if let c = knownContact(m, p) {
                r.append(.knowsPerson(strength: c.strength, daysAgo: c.daysAgo))
            } else if m == warmest {
                r.append(.routeStartsHere)
            }
            if r.isEmpty, model.role(of: m) == .accountManager { r.append(.ownsAccount) }
            reasons[m] = r
            points[m] = r.reduce(0) { $0 + value($1) }
        }
        func ranked(_ ms: [String]) -> [String] {
            ms.enumerated().sorted { x, y in
                let (px, py) = (points[x.element] ?? 0, points[y.element] ?? 0)
                if px != py { return px > py }
                let (sx, sy) = (strength(x.element, p), strength(y.element, p))
                if sx != sy { return sx > sy }
                return x.offset < y.offset
            }.map(\.element)
        }
        let order = ranked(available)
        guard let first = order.first else { return MemberChoice(member: "", reasons: []) }
        var lead = first
        var spread: MemberReason?
        if order.count > 1, a.people.count <= parameters.spreadingPeopleLimit,
            a.account.team.count <= parameters.spreadingTeamLimit
        {
            var risk: [String: (member: String, share: Double)] = [:]
            for m in order { risk[m] = threads(lead: m, companion: companion(for: m, p, points), p).worst }
            let critical = parameters.criticalThreadShare
            var keep = order.filter { (risk[$0]?.share ?? 0) <= critical }
            // Nobody stays under it: then at least do not make the worst thread worse.
            if keep.isEmpty {
                let current = MemberThreads(a, contacts: model.contacts).worst.share
                keep = order.filter { (risk[$0]?.share ?? 0) <= current + 1e-9 }
            }
            if let best = keep.first, best != first, let r = risk[first] {
                lead = best
                spread = .spreads(instead: first, thread: r.member, share: r.share)
            }
        }
        var leadReasons = reasons[lead] ?? []
        if let spread { leadReasons.append(spread) }
        if senders == 1 { leadReasons.append(.onlyOneToSend) }
        let other = companion(for: lead, p, points)
        return MemberChoice(
            member: lead, reasons: leadReasons, companion: other,
            companionReasons: other.map { reasons[$0] ?? [] } ?? [])
    }

    /// Who goes along with `lead`: the member with the strongest contact with the person
    /// when it is not the lead, else, when the lead has no fit, the best-fitting member.
    private func companion(for lead: String, _ p: Int, _ points: [String: Double]) -> String? {
        // The strongest contact the visit can refresh, as the plan's gain assumed it.
        let known = available.compactMap { m in knownContact(m, p).map { (m, strength(m, p), $0.current) } }
        if let best = known.max(by: { ($0.1, $0.2) < ($1.1, $1.2) }), best.0 != lead,
            best.1 > strength(lead, p) || knownContact(lead, p) == nil
        {
            return best.0
        }
        let person = model.analysis.people[p].person
        guard fit(lead, person).isEmpty else { return nil }
        return available.first { $0 != lead && fit($0, person).contains { value($0) >= parameters.roleMatchPoints } }
    }

    /// The threads after `lead` (and `companion`) visit person `p`.
    private func threads(lead: String, companion: String?, _ p: Int) -> MemberThreads {
        var visits = [(member: lead, person: p, strength: strengthValue(lead, p))]
        if let companion { visits.append((companion, p, strengthValue(companion, p))) }
        return MemberThreads(model.analysis, contacts: model.contacts(after: visits))
    }

    /// Level and role fit of member `m` for `person`.
    private func fit(_ m: String, _ person: Person) -> [MemberReason] {
        let a = model.analysis
        let role = model.role(of: m)
        let level = a.graph.index[person.id].map { levels[$0] } ?? 1
        switch role {
        case .executive:
            let decides = person.roles.first { $0 == .decisionMaker || $0 == .economicBuyer }
            if level == 1 || (level <= parameters.executiveLevel && decides != nil) {
                return [.peerOfTop(title: person.title)]
            }
            return decides.map { [.sponsorOfBuyer($0)] } ?? []
        case .engineer:
            if person.roles.contains(.technicalBuyer) { return [.peerOfBuyer(.technicalBuyer)] }
            if person.roles.contains(.userBuyer) { return [.peerOfBuyer(.userBuyer)] }
            return []
        case .accountManager, .other:
            return []
        }
    }

    private var levels: [Int] { model.levels }

    private func value(_ r: MemberReason) -> Double {
        switch r {
        case .peerOfTop: parameters.levelMatchPoints
        case .peerOfBuyer: parameters.roleMatchPoints
        case .sponsorOfBuyer: parameters.ownerPoints
        case .knowsPerson: parameters.contactPoints
        case .routeStartsHere: parameters.routePoints
        case .ownsAccount: parameters.ownerPoints
        case .spreads, .onlyOneToSend: 0
        }
    }

    private func knownContact(_ m: String, _ p: Int) -> CurrentContact? {
        var model = model
        return model.contact(member: model.memberNumber(m), person: p).flatMap { $0.current > 0 ? $0 : nil }
    }

    private func strengthValue(_ m: String, _ p: Int) -> ContactStrength {
        var model = model
        return model.visitStrength(member: model.memberNumber(m), person: p, parameters)
    }

    private func strength(_ m: String, _ p: Int) -> Double { strengthValue(m, p).value }
}
