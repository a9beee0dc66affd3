import Foundation

/// The `relmap.analysis/1` JSON document (docs/json.md). Field names are snake_case and
/// stable; new fields may be added, none renamed or removed within version 1.
/// The document's name and version, the first thing a reader should check.
public struct AnalysisDocument: JSONDocument, Sendable {
    /// The document's name and version, the first thing a reader should check.
    public let schema = "relmap.analysis/1"
    /// One entry per account, in the order analysed.
    public var accounts: [AccountJSON]

    /// The document for these analyses.
    public init(_ analyses: [AccountAnalysis]) {
        accounts = analyses.map(AccountJSON.init)
    }
}

/// Coverage, support, opposition and unknown stance, each 0...100.
public struct SharesJSON: Encodable, Sendable {
    var coverage, support, opposition, unknown: Double
    init(_ s: Shares) {
        coverage = s.coverage
        support = s.support
        opposition = s.opposition
        unknown = s.unknown
    }
}

/// One step of a person's strongest route in.
public struct RouteStepJSON: Encodable, Sendable {
    var from, to, kind: String
    var strength: String?
    var days_ago: Int?
    var factor: Double
}

/// One person's fields and scores.
public struct PersonJSON: Encodable, Sendable {
    var id, name: String
    var title, department: String?
    var level: Int?
    var roles: [String]
    var stance: String
    var judgment: Int?
    var reports_to: String?
    var influence: Double
    var rank: Int
    var pagerank: Double
    var reach: Double
    var route: [RouteStepJSON]?
}

/// One department's people, contacts and shares.
public struct DepartmentJSON: Encodable, Sendable {
    var name: String?
    var people, contacted: Int
    var influence_share: Double
    var shares: SharesJSON
}

/// One account: its header, shares, people and departments.
public struct AccountJSON: Encodable, Sendable {
    var id, name: String
    var file: String?
    var tier, stage: String?
    var value: Double?
    var currency: String?
    var as_of: String
    var shares: SharesJSON
    var people: [PersonJSON]
    var departments: [DepartmentJSON]

    init(_ a: AccountAnalysis) {
        let acc = a.account
        id = acc.id
        name = acc.name
        file = acc.location?.file
        tier = acc.tier?.rawValue
        stage = acc.stage?.rawValue
        value = acc.value
        currency = acc.currency
        as_of = acc.asOf.iso
        shares = SharesJSON(a.shares)
        people = a.ranked.map { p in
            PersonJSON(
                id: p.person.id, name: p.person.name, title: p.person.title, department: p.person.department,
                level: p.person.level, roles: p.person.roles.map(\.rawValue), stance: p.person.stance.rawValue,
                judgment: p.person.influence, reports_to: p.person.reportsTo, influence: p.influence,
                rank: p.position, pagerank: p.rank, reach: p.reach,
                route: p.route.map { r in
                    r.steps.map { s in
                        switch s.kind {
                        case .contact(let strength, let days):
                            RouteStepJSON(
                                from: s.from, to: s.to, kind: "contact", strength: strength.label, days_ago: days,
                                factor: s.factor)
                        case .tie(let type):
                            RouteStepJSON(
                                from: s.from, to: s.to, kind: type.rawValue, strength: nil, days_ago: nil,
                                factor: s.factor)
                        }
                    }
                })
        }
        departments = a.departments.map { d in
            DepartmentJSON(
                name: d.name, people: d.people, contacted: d.contacted,
                influence_share: d.influenceShare, shares: SharesJSON(d.shares))
        }
    }
}
