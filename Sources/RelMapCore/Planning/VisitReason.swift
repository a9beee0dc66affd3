/// Why a visit is in the plan: the gaps it closes, and what it opens, judged on the
/// model as it stands when the visit is chosen (earlier visits in the plan included).
public enum VisitReason: Sendable, Hashable {
    /// The person is a top decision-maker nobody on our team has met.
    case topDecisionMakerNeverMet
    /// A key person nobody reaches.
    case keyPersonNotReached
    /// The visit makes the first contact in a department that takes part in the decision.
    case departmentNotContacted(String)
    /// Refreshes a stale contact: `member`'s contact, last seen `daysAgo` days ago (nil:
    /// no date recorded).
    case staleContact(member: String, daysAgo: Int?)
    /// We do not know where the person stands; a visit is how we find out.
    case stanceUnknown
    /// Through this person (a carrier) our reach to `people` others rises.
    case opensRoute(people: Int)
    /// Raises our reach of the person from `from` to `to`.
    case raisesReach(from: Double, to: Double)
    /// A second member meets someone through whom `member` alone reaches others, so that
    /// `member` stops being our only thread to `share`% of the influence (docs/plan.md,
    /// "Second threads").
    case secondThread(member: String, share: Double)
}

enum VisitReasons {
    /// The reasons for visiting person `p` in the model's current state, gravest first.
    /// `carried` is what the visit passes on (`VisitModel.carried`). O(people + contacts).
    static func reasons(
        for p: Int, in model: VisitModel, strength: Double, carried: [(person: Int, value: Double)],
        parameters: PlanParameters
    ) -> [VisitReason] {
        let a = model.analysis
        let person = a.people[p]
        let id = person.person.id
        let direct = model.contacts.filter { $0.person == id }
        var reasons: [VisitReason] = []
        if direct.isEmpty, PersonGaps.topDecisionMakers(a).contains(p) { reasons.append(.topDecisionMakerNeverMet) }
        if model.reach[p] == 0, person.influence >= parameters.gaps.keyInfluence {
            reasons.append(.keyPersonNotReached)
        }
        if let department = person.person.department {
            let inDepartment = Set(a.people.filter { $0.person.department == department }.map(\.person.id))
            // The gap rule's test (AccountGaps.departmentsNotContacted): a buying role, or
            // enough of the influence, so the plan names the departments the gaps name.
            let share = a.departments.first { $0.name == department }?.influenceShare ?? 0
            let takesPart =
                share >= parameters.gaps.departmentShare
                || a.people.contains { $0.person.department == department && !$0.person.roles.isEmpty }
            if takesPart, !model.contacts.contains(where: { inDepartment.contains($0.person) }) {
                reasons.append(.departmentNotContacted(department))
            }
        }
        let stale = direct.filter {
            $0.strength.value > parameters.gaps.staleStrength && $0.current < parameters.gaps.staleStrength
        }
        if let oldest = stale.max(by: { ($0.daysAgo ?? Int.max, $1.member) < ($1.daysAgo ?? Int.max, $0.member) }) {
            reasons.append(.staleContact(member: oldest.member, daysAgo: oldest.daysAgo))
        }
        if person.person.stance == .unknown { reasons.append(.stanceUnknown) }
        let others = carried.count { $0.person != p && $0.value > model.reach[$0.person] }
        if others > 0 { reasons.append(.opensRoute(people: others)) }
        let after = max(model.reach[p], strength)
        if after > model.reach[p], reasons.isEmpty || model.reach[p] > 0 {
            reasons.append(.raisesReach(from: model.reach[p], to: after))
        }
        return reasons
    }
}
