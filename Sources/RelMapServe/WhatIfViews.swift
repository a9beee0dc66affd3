import RelMapCore

struct WhatIfFormView {
    let accountId: String
    let leavePeople, leaveMembers, stancePeople, stances, contactMembers, contactPeople, strengths: [OptionView]
}
struct ScoreRowView { let label, before, after, change, tone: String }
struct CellsView { let cells: [String] }
struct GapChangeView { let change, changeLabel, severity, kind, sentence: String }
struct WhatIfPageView {
    let accountId, accountName, fileName, sentence: String
    let hasComparison: Bool
    let scores: [ScoreRowView]
    let hasPeople: Bool
    let people: [CellsView]
    let hasGaps: Bool
    let gaps: [GapChangeView]
    let whatif: WhatIfFormView
    let canSave: Bool
    let saveLines: [String]
    let saveFields: [FieldView]
    let notSaved: [String]
    let csrf, hash: String
}

/// The what-if page: `WhatIfTables`' rows (the numbers `relmap whatif` prints) under
/// Chinese-first labels, and the save form for what can be saved.
enum WhatIfViews {
    static func form(_ account: Account, _ q: WhatIfQuery) -> WhatIfFormView {
        func options(_ ids: [(String, String)], _ selected: String) -> [OptionView] {
            ids.map { OptionView(value: $0.0, label: $0.1, selected: $0.0 == selected) }
        }
        let people = account.people.map { ($0.id, $0.name) }, members = account.team.map { ($0.id, $0.name) }
        return WhatIfFormView(
            accountId: account.id,
            leavePeople: options(people, q.leave), leaveMembers: options(members, q.leave),
            stancePeople: options(people, q.stancePerson),
            stances: Stance.allCases.map {
                OptionView(value: $0.rawValue, label: StanceLabel.of($0), selected: $0.rawValue == q.stance)
            },
            contactMembers: options(members, q.contactMember), contactPeople: options(people, q.contactPerson),
            strengths: [("weak", "弱 weak"), ("medium", "中 medium"), ("strong", "强 strong")].map {
                OptionView(
                    value: $0.0, label: $0.1,
                    selected: $0.0 == (q.contactStrength.isEmpty ? "medium" : q.contactStrength))
            })
    }

    static func page(
        _ account: Account, comparison c: WhatIfComparison?, query: WhatIfQuery, csrf: String, hash: String,
        fileName: String
    ) -> WhatIfPageView {
        let name: (String) -> String = { id in account.person(id)?.name ?? account.member(id)?.name ?? id }
        var saveLines: [String] = [], saveFields: [FieldView] = [], notSaved: [String] = []
        for change in c?.changes ?? [] {
            switch change {
            case .stance(let p, let stance):
                saveLines.append(
                    "\(name(p)) 的立场改为 \(StanceLabel.of(stance)) · stance of \(p) becomes \(stance.rawValue)")
                saveFields += [
                    FieldView(name: "stance_person", value: p), FieldView(name: "stance", value: stance.rawValue),
                ]
            case .contact(let m, let p, let strength):
                if account.contacts.contains(where: { $0.member == m && $0.person == p }) {
                    notSaved.append(
                        "\(name(m)) → \(name(p)) 的联系已存在；请用“记录拜访”更新 · This contact exists already: log a visit to refresh it."
                    )
                } else {
                    saveLines.append(
                        "新联系 \(name(m)) → \(name(p))（\(strength.label)，日期 \(account.asOf.iso)）· new contact dated as_of"
                    )
                    saveFields += [
                        FieldView(name: "contact_member", value: m), FieldView(name: "contact_person", value: p),
                        FieldView(name: "contact_strength", value: strength.label),
                        FieldView(name: "contact_last", value: account.asOf.iso),
                    ]
                }
            case .leave(let id):
                notSaved.append(
                    "“\(name(id)) 离开”只是假设，不写入文件；要从文件中删除，请用此人面板里的“删除此人” · A departure is not saved; to take \(id) out of the file, use Remove in their panel."
                )
            }
        }
        return WhatIfPageView(
            accountId: account.id, accountName: account.name, fileName: fileName,
            sentence: c.map(WhatIfTables.changes) ?? "",
            hasComparison: c != nil, scores: c.map(scores) ?? [],
            hasPeople: !(c?.people.isEmpty ?? true),
            people: c.map { WhatIfTables.people($0).rows.map(CellsView.init) } ?? [],
            hasGaps: c.map { !($0.opened.isEmpty && $0.closed.isEmpty && $0.regraded.isEmpty) } ?? false,
            gaps: c.map { WhatIfTables.gaps($0).rows.map(gap) } ?? [],
            whatif: form(account, query), canSave: !saveFields.isEmpty, saveLines: saveLines, saveFields: saveFields,
            notSaved: notSaved, csrf: csrf, hash: hash)
    }

    static let measures = [
        "coverage": "覆盖率 coverage", "support": "支持度 support", "opposition": "反对度 opposition",
        "unknown stance": "立场未知 unknown stance", "critical gaps": "严重缺口 critical gaps",
        "high gaps": "高级缺口 high gaps", "medium gaps": "中级缺口 medium gaps", "low gaps": "低级缺口 low gaps",
    ]

    /// Rows of `WhatIfTables.scores`; `tone` says whether the change is good news (more
    /// coverage or support) or bad (more opposition, unknowns or gaps).
    static func scores(_ c: WhatIfComparison) -> [ScoreRowView] {
        WhatIfTables.scores(c).rows.map { row in
            let change = row[3]
            let better = row[0] == "coverage" || row[0] == "support"
            let tone =
                change.hasPrefix("+")
                ? (better ? "good" : "bad") : change.hasPrefix("-") ? (better ? "bad" : "good") : "same"
            return ScoreRowView(
                label: measures[row[0]] ?? row[0], before: row[1], after: row[2], change: change, tone: tone)
        }
    }

    static func gap(_ row: [String]) -> GapChangeView {
        let label = ["opened": "新出现 opened", "closed": "已消除 closed", "regraded": "程度变化 regraded"][row[0]] ?? row[0]
        return GapChangeView(change: row[0], changeLabel: label, severity: row[1], kind: row[2], sentence: row[3])
    }
}
