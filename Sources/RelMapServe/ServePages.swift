import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import RelMapCore

/// Labels for stances, Chinese first.
enum StanceLabel {
    static func of(_ stance: Stance) -> String {
        switch stance {
        case .champion: "铁杆支持 champion"
        case .supporter: "支持 supporter"
        case .neutral: "中立 neutral"
        case .skeptic: "怀疑 skeptic"
        case .blocker: "反对 blocker"
        case .unknown: "未知 unknown"
        }
    }
}

struct OptionView { let value, label: String; let selected: Bool }
struct PersonPanelView {
    let id, node, name, title, department, roles, stance, stanceLabel, influence, influenceShare, reach, route,
        notes: String
    let rank: Int
    let open: Bool
    let stances, roleChoices, managers: [OptionView]
    let hasTies: Bool
    let ties: [TieView]
    let hasContacts: Bool
    let contacts: [ContactItemView]
    let accountId, csrf, hash: String
}
struct TieView { let from, to, type, label: String }
struct ContactItemView { let member, label: String }
struct AccountWorkspaceView {
    let report, accountId, fileName, shortHash, csrf, hash, today: String
    let people: [PersonPanelView]
    let canLog, hasPeople: Bool
    let members, personChoices, newStances, newRoles: [OptionView]
    let departments: [String]
    let whatif: WhatIfFormView
}
struct LayoutView { let lang, title, bodyClass: String; let notice: String?; let content: String }
struct FieldView { let name, value: String }
struct ConflictView {
    let accountId, accountName, fileName, action: String
    let yours: [FieldView]
    let fields: [FieldView]
    let hasDiff: Bool
    let diff: String
}
struct ConfirmView {
    let accountId, fileName, action, anchor: String
    let changes: [String]
    let fields: [FieldView]
    let diff: String
}
struct RefusedView { let accountId, accountName, message: String; let hasFindings: Bool; let findings: [String] }
struct SignInView { let csrf: String; let failed: Bool }

/// Renders the pages; every value through Mustache's escaping.
enum ServePages {
    static func render(_ template: String, _ view: Any) throws -> String {
        do { return try MustacheTemplate(string: template).render(view) } catch {
            throw HTTPError(.internalServerError, message: "template: \(error)")
        }
    }

    static func page(
        title: String, lang: String = "zh-CN", bodyClass: String = "", notice: String? = nil,
        content: String, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let html = try render(
            ServeTemplates.layout,
            LayoutView(lang: lang, title: title, bodyClass: bodyClass, notice: notice, content: content))
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func signInPage(keys: SessionKeys, session: SessionKeys.Session, failed: Bool, status: HTTPResponse.Status)
        throws -> Response
    {
        let content = try render(ServeTemplates.signIn, SignInView(csrf: keys.csrf(for: session), failed: failed))
        return try page(title: "登录 Sign in – relmap", content: content, status: status)
    }

    /// The editing panel's view of each person, in file order (the diagram's n0, n1, ...).
    static func workspace(
        _ analysis: AccountAnalysis, report: String, path: String, hash: String, csrf: String,
        today: Day
    ) -> AccountWorkspaceView {
        let account = analysis.account
        let names = AnalysisTables.names(in: analysis)
        let people = analysis.people.enumerated().map { i, p in
            let person = p.person
            return PersonPanelView(
                id: person.id, node: "n\(i)", name: person.name, title: person.title ?? "",
                department: person.department ?? "",
                roles: person.roles.sorted().map { "\($0.chinese) \($0.rawValue)" }.joined(separator: "、"),
                stance: person.stance.rawValue, stanceLabel: StanceLabel.of(person.stance),
                influence: person.influence.map(String.init) ?? "", influenceShare: Formatting.score(p.influence),
                reach: Formatting.unit(p.reach),
                route: p.route.map { Formatting.route($0, names: names) } ?? "我方无人可达 · nobody reaches this person",
                notes: person.notes ?? "", rank: p.position, open: false,
                stances: Stance.allCases.map {
                    OptionView(value: $0.rawValue, label: StanceLabel.of($0), selected: $0 == person.stance)
                },
                // The person's roles first, in the file's order, so a form sent back
                // unchanged sends the same list and the engine leaves the line alone.
                roleChoices: (person.roles + BuyingRole.allCases.filter { !person.roles.contains($0) }).map {
                    OptionView(
                        value: $0.rawValue, label: "\($0.chinese) \($0.rawValue)", selected: person.roles.contains($0))
                },
                managers: account.people.filter { $0.id != person.id }.map {
                    OptionView(value: $0.id, label: $0.name, selected: $0.id == person.reportsTo)
                },
                hasTies: account.relations.contains { $0.from == person.id || $0.to == person.id },
                ties: account.relations.filter { $0.from == person.id || $0.to == person.id }.map { tie($0, names) },
                hasContacts: account.contacts.contains { $0.person == person.id },
                contacts: account.contacts.filter { $0.person == person.id }.map { c in
                    ContactItemView(
                        member: c.member,
                        label: "\(names(c.member)) · \(strengthLabel(c.strength))"
                            + (c.last.map { " · \($0.iso)" } ?? ""))
                },
                accountId: account.id, csrf: csrf, hash: hash)
        }
        return AccountWorkspaceView(
            report: report, accountId: account.id, fileName: URL(fileURLWithPath: path).lastPathComponent,
            shortHash: String(hash.prefix(12)), csrf: csrf, hash: hash, today: today.iso, people: people,
            canLog: !account.team.isEmpty && !account.people.isEmpty, hasPeople: !account.people.isEmpty,
            members: account.team.map { OptionView(value: $0.id, label: $0.name, selected: false) },
            personChoices: account.people.map {
                OptionView(value: $0.id, label: "\($0.name) (\($0.id))", selected: false)
            },
            newStances: Stance.allCases.map {
                OptionView(value: $0.rawValue, label: StanceLabel.of($0), selected: $0 == .unknown)
            },
            newRoles: BuyingRole.allCases.map {
                OptionView(value: $0.rawValue, label: "\($0.chinese) \($0.rawValue)", selected: false)
            },
            departments: Array(Set(account.people.compactMap(\.department))).sorted(),
            whatif: WhatIfViews.form(account, WhatIfQuery()))
    }

    /// "徐晓燕 → 赵建国 · 影响 influences 0.8"; ally and rival both ways (↔).
    static func tie(_ r: Relation, _ names: (String) -> String) -> TieView {
        let word =
            switch r.type {
            case .influences: "影响 influences"
            case .ally: "盟友 ally"
            case .rival: "对立 rival"
            }
        let arrow = r.type.isSymmetric ? "↔" : "→"
        return TieView(
            from: r.from, to: r.to, type: r.type.rawValue,
            label: "\(names(r.from)) \(arrow) \(names(r.to)) · \(word) \(Formatting.unit(r.strength))")
    }

    static func strengthLabel(_ s: ContactStrength) -> String {
        switch s {
        case .weak: "弱 weak"
        case .medium: "中 medium"
        case .strong: "强 strong"
        case .value(let v): Formatting.unit(v)
        }
    }
}
