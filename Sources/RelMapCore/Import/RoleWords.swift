import Foundation

/// How the role and stance words found in CRM exports and spreadsheets map onto
/// relmap's vocabulary (docs/import.md, "Roles").
public enum RoleWords {
    /// The standard values of Salesforce's OpportunityContactRole.Role picklist and the
    /// buying roles each stands for. `Other` and custom values map to none; the importer
    /// keeps them in the person's notes so nothing the CRM said is lost.
    ///
    /// Decisions worth stating: an Evaluator judges the solution against requirements,
    /// which is relmap's technical buyer; an Executive Sponsor backs the project inside
    /// the account without necessarily deciding, so it maps to influencer and the notes
    /// keep the CRM word for the team to weigh.
    public static let salesforce: [(word: String, roles: [BuyingRole])] = [
        ("Business User", [.userBuyer]),
        ("Decision Maker", [.decisionMaker]),
        ("Economic Buyer", [.economicBuyer]),
        ("Economic Decision Maker", [.decisionMaker, .economicBuyer]),
        ("Evaluator", [.technicalBuyer]),
        ("Executive Sponsor", [.influencer]),
        ("Influencer", [.influencer]),
        ("Technical Buyer", [.technicalBuyer]),
        ("Other", []),
    ]

    /// Chinese words for the buying roles (docs/import.md lists them under `roles`).
    static let chinese: [String: BuyingRole] = [
        "最高决策者": .decisionMaker, "拍板人": .decisionMaker, "决策者": .decisionMaker,
        "预算审批人": .economicBuyer, "经济决策者": .economicBuyer,
        "技术把关人": .technicalBuyer, "技术决策者": .technicalBuyer, "评估者": .technicalBuyer,
        "使用者": .userBuyer, "用户": .userBuyer,
        "影响者": .influencer,
        "盟友": .coach, "教练": .coach, "内线": .coach,
        "把关人": .gatekeeper, "小鬼": .gatekeeper,
    ]

    /// The buying roles a word names: a relmap role (`decision-maker`), a Salesforce
    /// role (`Decision Maker`, any case) or a Chinese term (拍板人). Nil when the word is
    /// not known; an empty list for a known word with no relmap role (`Other`).
    public static func roles(for word: String) -> [BuyingRole]? {
        let w = word.trimmingCharacters(in: .whitespaces)
        if let role = BuyingRole(rawValue: w.lowercased()) { return [role] }
        let key = w.lowercased().replacingOccurrences(of: "-", with: " ")
        if let entry = salesforce.first(where: { $0.word.lowercased() == key }) { return entry.roles }
        if let role = chinese[w] { return [role] }
        return nil
    }

    /// Stance words: relmap's own and their Chinese equivalents (docs/import.md).
    static let stanceWords: [String: Stance] = [
        "拥护者": .champion, "铁杆": .champion,
        "支持者": .supporter, "支持": .supporter,
        "中立": .neutral,
        "怀疑者": .skeptic, "怀疑": .skeptic,
        "反对者": .blocker, "反对": .blocker,
        "未知": .unknown, "不明": .unknown,
    ]

    /// The stance a word names, or nil when it is not one; an empty word is `unknown`.
    public static func stance(for word: String) -> Stance? {
        let w = word.trimmingCharacters(in: .whitespaces)
        if w.isEmpty { return .unknown }
        return Stance(rawValue: w.lowercased()) ?? stanceWords[w]
    }

    /// Contact strength words: relmap's own, 弱 / 中 / 强, or a number in (0, 1].
    static func strength(for word: String) -> ContactStrength? {
        switch word.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "medium", "中", "一般": return .medium
        case "weak", "弱": return .weak
        case "strong", "强": return .strong
        case let w: return Double(w).flatMap { $0 > 0 && $0 <= 1 ? .value($0) : nil }
        }
    }
}
