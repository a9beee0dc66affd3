import Foundation

/// The commented starting file `relmap init` writes: every section of the format with
/// a short example to replace, and where the format is documented. It passes `relmap
/// check` as written, so a new user starts from a file that works.
public enum StarterFile {
    /// The language of the comments and the example.
    public enum Language: String, Sendable, CaseIterable {
        case zh, en
    }

    /// The file's text. `id` must be a valid account id; `name` defaults to it.
    public static func text(id: String, name: String?, language: Language, asOf: Day) throws(ImportError) -> String {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy(NodeReader.isIdentifierScalar) else {
            throw .usage("'\(id)' is not a valid account id; use only letters A-Z a-z, digits, '-' and '_'")
        }
        let template = language == .zh ? chinese : english
        // The id and name go through the writer's quoting; the date placeholder has the
        // date's width less three, so the comments after it stay aligned.
        return
            template
            .replacingOccurrences(of: "{ID}", with: YAMLScalar.text(id))
            .replacingOccurrences(of: "{NAME}", with: YAMLScalar.text(name ?? id))
            .replacingOccurrences(of: "{AS_OF}", with: asOf.iso)
    }

    static let chinese = """
        # \(AccountSchema.modeline)
        # \(OutputFile.mark) init. 大客户关系图：客户内部的关键人、我方团队、双方的接触。
        # 格式说明见 relmap 文档 docs/format.md；改完后运行 relmap check 检查。
        # 下面的人员、关系和接触都是示例，请换成真实内容。未知的不要猜：stance 写 unknown。
        relmap: 1                     # 格式版本，必填
        account:
          id: {ID}
          name: {NAME}
          tier: key                   # strategic 战略 | key 重点 | growth 成长 | maintain 维持
          value: null                 # 年销售额或潜力（可选），如 12000000
          currency: CNY
          stage: establishing         # establishing 建立 | stabilizing 稳定 | strengthening 加强
          as_of: {AS_OF}           # 本图描述的日期
        team:                         # 我方团队：客户经理、方案工程师、高层支持、服务人员
          - {id: am, name: 客户经理, role: account manager}
          - {id: se, name: 方案工程师, role: solution engineer}
        people:                       # 客户方关键人；id 与 team 的 id 不可重复
          - id: gm
            name: 总经理（示例）
            title: 总经理
            department: 总经办
            level: 1                  # 1 = 最高层，数字越大层级越低
            roles: [decision-maker, economic-buyer]
            # 角色：decision-maker 拍板人 | economic-buyer 预算审批人 | technical-buyer 技术把关人
            #       user-buyer 使用者 | influencer 影响者 | coach 盟友 | gatekeeper 把关人
            stance: unknown           # champion | supporter | neutral | skeptic | blocker | unknown
            influence: 5              # 1..5，团队对其分量的判断
            notes: 尚未正式见面
          - id: it-head
            name: 信息中心主任（示例）
            title: 信息中心主任
            department: 信息中心
            level: 2
            roles: [technical-buyer, influencer]
            stance: supporter
            influence: 4
            reports_to: gm            # 上级的 id
        relations:                    # 客户内部的非正式关系：influences 影响 | ally 同盟 | rival 对立
          - {from: it-head, to: gm, type: influences, strength: 0.6}    # 0 < strength <= 1
        contacts:                     # 我方谁接触了谁：weak | medium | strong，last 为最近一次接触
          - {member: am, person: it-head, strength: medium, last: {AS_OF}}
          - {member: se, person: gm, strength: weak}
        interactions:                 # 拜访记录（可选），会自动更新 contacts 的最近日期
          - {date: {AS_OF}, member: am, people: [it-head], kind: visit, note: 首次拜访，约定下次技术交流}

        """

    static let english = """
        # \(AccountSchema.modeline)
        # \(OutputFile.mark) init. A key account's relationship map: the people inside the
        # account, our team, and who reaches whom. The format is documented in relmap's
        # docs/format.md; run relmap check after editing. The people, ties and contacts
        # below are examples: replace them. Do not guess: write stance unknown instead.
        relmap: 1                     # format version, required
        account:
          id: {ID}
          name: {NAME}
          tier: key                   # strategic | key | growth | maintain
          value: null                 # yearly sales or potential (optional), e.g. 12000000
          currency: USD
          stage: establishing         # establishing | stabilizing | strengthening
          as_of: {AS_OF}           # the day the map describes
        team:                         # our side: account manager, solution engineer, sponsor, service
          - {id: am, name: Account Manager, role: account manager}
          - {id: se, name: Solution Engineer, role: solution engineer}
        people:                       # their side; ids are shared with team ids
          - id: gm
            name: General Manager (example)
            title: General Manager
            department: Executive Office
            level: 1                  # 1 = top of the account; larger = lower
            roles: [decision-maker, economic-buyer]
            # roles: decision-maker | economic-buyer | technical-buyer | user-buyer
            #        influencer | coach | gatekeeper
            stance: unknown           # champion | supporter | neutral | skeptic | blocker | unknown
            influence: 5              # 1..5, the team's judgment of the person's weight
            notes: not met yet
          - id: it-head
            name: Head of IT (example)
            title: Head of IT
            department: IT
            level: 2
            roles: [technical-buyer, influencer]
            stance: supporter
            influence: 4
            reports_to: gm            # the manager's id
        relations:                    # informal ties inside the account: influences | ally | rival
          - {from: it-head, to: gm, type: influences, strength: 0.6}    # 0 < strength <= 1
        contacts:                     # who on our team reaches whom: weak | medium | strong
          - {member: am, person: it-head, strength: medium, last: {AS_OF}}
          - {member: se, person: gm, strength: weak}
        interactions:                 # optional dated log; keeps contacts' last date current
          - {date: {AS_OF}, member: am, people: [it-head], kind: visit, note: first visit; agreed a technical workshop next}

        """
}
