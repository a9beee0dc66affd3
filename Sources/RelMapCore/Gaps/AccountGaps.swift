/// The gaps about the account as a whole: departments with no contact, no coach, a
/// support base carried by one person (docs/gaps.md).
enum AccountGaps {
    /// Departments that take part in the decision and in which nobody has a direct
    /// contact with anyone on our team. A department takes part when somebody in it holds
    /// a buying role, or when it holds at least `departmentShare` of the influence: the
    /// influence decides, not only the role labels someone wrote down. People with no
    /// department are not a department.
    static func departmentsNotContacted(_ analysis: AccountAnalysis, _ parameters: GapParameters) -> [Gap] {
        analysis.departments.compactMap { d in
            guard let name = d.name, d.contacted == 0 else { return nil }
            let members = analysis.people.filter { $0.person.department == name }
            let buyingRole = members.contains { !$0.person.roles.isEmpty }
            guard buyingRole || d.influenceShare >= parameters.departmentShare else { return nil }
            let sorted = members.sorted { ($1.influence, $0.person.id) < ($0.influence, $1.person.id) }
            let weight = groupWeight(share: d.influenceShare, top: sorted.first?.influence ?? 0, parameters)
            return Gap(
                detail: .departmentNotContacted(
                    department: name, people: sorted.map(\.person.id),
                    influenceShare: d.influenceShare, buyingRole: buyingRole),
                weight: weight, parameters: parameters)
        }
    }

    /// What a group of people weighs (docs/gaps.md, "Severity"): `groupShareFactor` ×
    /// its share of the influence, or its most influential person, whichever is more.
    static func groupWeight(share: Double, top: Double, _ parameters: GapParameters) -> Double {
        min(100, max(parameters.groupShareFactor * share, top))
    }

    /// Nobody is a coach (who is not against us) or a champion.
    static func noCoach(_ analysis: AccountAnalysis, _ parameters: GapParameters) -> [Gap] {
        let helped = analysis.people.contains { p in
            p.person.stance == .champion || (p.person.roles.contains(.coach) && !p.person.stance.isNegative)
        }
        guard !helped, !analysis.people.isEmpty else { return [] }
        return [Gap(detail: .noCoach, weight: parameters.noCoachWeight, parameters: parameters)]
    }

    /// One person carries at least `narrowSupportShare` of the influence-weighted support
    /// (docs/scoring.md), or nobody supports us at all.
    static func narrowSupport(_ analysis: AccountAnalysis, _ parameters: GapParameters) -> [Gap] {
        guard !analysis.people.isEmpty else { return [] }
        let parts = analysis.people.map { p in (p, p.influence * Double(max(p.person.stance.score ?? 0, 0)) / 2) }
        let total = parts.reduce(0) { $0 + $1.1 }
        guard total > 0 else {
            let known = analysis.people.count { $0.person.stance != .unknown }
            return [
                Gap(
                    detail: .narrowSupport(person: nil, share: 1, stancesKnown: known),
                    weight: parameters.narrowSupportWeight,
                    parameters: parameters)
            ]
        }
        guard let top = parts.max(by: { ($0.1, $1.0.person.id) < ($1.1, $0.0.person.id) }) else { return [] }
        let share = top.1 / total
        guard share >= parameters.narrowSupportShare else { return [] }
        let known = analysis.people.count { $0.person.stance != .unknown }
        return [
            Gap(
                detail: .narrowSupport(person: top.0.person.id, share: share, stancesKnown: known),
                weight: parameters.narrowSupportWeight * share, parameters: parameters)
        ]
    }
}
