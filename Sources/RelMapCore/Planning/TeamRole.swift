import Foundation

/// What a member of our team is, for deciding who goes on a visit (docs/plan.md, "Who
/// goes"). The file's `role` is free text ("account manager", "解决方案工程师", "VP Sales"),
/// so it is read with a short word list rather than required to be one of these.
public enum TeamRole: String, Sendable, Hashable, CaseIterable {
    /// A senior person of ours who can meet the account's top people as a peer (高层对高层).
    case executive = "executive sponsor"
    /// Solution, service, pre-sales or field engineers: the peers of technical and user buyers.
    case engineer
    /// The account manager (or sales / channel manager): owns the account and its routine visits.
    case accountManager = "account manager"
    /// Anything else, or no role given.
    case other

    /// Words that mark each role, matched in the lowercased role text; the first role in
    /// this order with a matching word wins, so "executive account manager" is an
    /// executive and "account engineer" an engineer. Chinese words are matched as
    /// substrings, like the English ones.
    ///
    /// Decisions worth stating: "director" is left out (a sales director is not a peer of
    /// a general manager in most Chinese accounts, and an engineering director is an
    /// engineer); 总监 is left out for the same reason. "presales" and 售前 count as
    /// engineers because pre-sales people answer the technical questions.
    public static let words: [(role: TeamRole, words: [String])] = [
        (
            .executive,
            [
                "executive", "sponsor", "vice president", "vp", "president", "ceo", "coo", "cto", "chief",
                "general manager", "高管", "总裁", "副总", "总经理", "董事", "执行发起人", "高层",
            ]
        ),
        (
            .engineer,
            [
                "engineer", "presales", "pre-sales", "consultant", "architect", "technical",
                "工程师", "售前", "技术", "顾问", "架构师",
            ]
        ),
        (.accountManager, ["account", "sales", "channel", "客户经理", "大客户", "销售", "渠道", "业务经理"]),
    ]

    /// The role a team member's role text names; `.other` for none or an unknown text.
    public static func of(_ text: String?) -> TeamRole {
        guard let text else { return .other }
        let t = text.lowercased()
        for (role, words) in words where words.contains(where: { matches($0, in: t) }) { return role }
        return .other
    }

    /// A Latin word must stand alone ("vp" not inside "mvp"); a CJK word may sit anywhere.
    private static func matches(_ word: String, in text: String) -> Bool {
        guard word.unicodeScalars.allSatisfy(\.isASCII) else { return text.contains(word) }
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: word, range: search) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false) { return true }
            search = r.upperBound..<text.endIndex
        }
        return false
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter && c.isASCII || c.isNumber }
}
