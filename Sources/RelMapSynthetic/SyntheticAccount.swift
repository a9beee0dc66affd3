import RelMapCore

/// Generates accounts of a realistic shape for property tests and benchmarks: a
/// reporting tree a few levels deep, departments under the top team, informal
/// influence, ally and rival ties, a team with dated contacts, and a visit log.
/// Deterministic: the same parameters give the same account.
public struct SyntheticAccount: Sendable {
    /// Picks the account: tests name the seed of a failing case to replay it.
    public var seed: UInt64
    /// How many people inside the account (at least 1); benchmarks scale on it.
    public var people: Int
    /// Informal ties (influences, ally, rival) besides the reporting lines.
    public var ties: Int
    /// Our team's size (at least 1): the members contacts and visits are shared among.
    public var team: Int
    /// The share of people somebody on our team has a contact with.
    public var contactShare: Double
    /// Text for names: plain ASCII, or Chinese, or hostile text for robustness tests.
    public var names: NameStyle
    /// The share of people below the top rows whose manager sits in another department
    /// (a matrix organisation). 0, the default, draws no extra random numbers, so the
    /// accounts of existing seeds stay exactly as they were.
    public var crossDepartment: Double = 0
    /// How many departments; nil, the default, derives it from the size (3 to 60).
    public var departments: Int?

    /// `longChinese` and `longLatin`: names, titles and departments of the length CRMs hold
    /// (up to about 30 characters), for diagram stress tests.
    public enum NameStyle: Sendable { case ascii, chinese, hostile, longChinese, longLatin }

    /// `ties` defaults to one per person, about the density of the sample accounts; sizes
    /// below 1 are raised to 1 so every shape can be built.
    public init(
        seed: UInt64, people: Int, ties: Int? = nil, team: Int = 3, contactShare: Double = 0.4,
        names: NameStyle = .ascii
    ) {
        self.seed = seed
        self.people = max(1, people)
        self.ties = ties ?? people
        self.team = max(1, team)
        self.contactShare = contactShare
        self.names = names
    }

    /// The account, dated `asOf` (default 2026-11-01, a fixed day so contact ages and
    /// therefore every score are the same whenever the test or benchmark runs).
    public func make(asOf: Day = Day(daysSinceEpoch: 20_758)) -> Account {
        var rng = SplitMix64(seed: seed)
        let n = people
        let departments = self.departments.map { max(1, $0) } ?? max(3, min(60, n / 8))
        var persons: [Person] = []
        persons.reserveCapacity(n)
        var level = [Int](repeating: 1, count: n)
        var department = [Int](repeating: 0, count: n)
        for i in 0..<n {
            var p = Person(id: "p\(i)", name: name(i, &rng), title: title(i, &rng))
            if i > 0 {
                // Managers are drawn from the first part of the list, so the tree is a
                // few levels deep and wide at the bottom, as organisations are.
                let window = max(1, min(i, Int(Double(i).squareRoot() * 3) + 1))
                let boss = Int.random(in: 0..<window, using: &rng)
                p.reportsTo = "p\(boss)"
                level[i] = level[boss] + 1
                department[i] = i <= departments ? i % departments : department[boss]
                if crossDepartment > 0, i > departments,
                    Double(Int.random(in: 0..<1000, using: &rng)) / 1000 < crossDepartment
                {
                    department[i] = Int.random(in: 0..<departments, using: &rng)
                }
                if Int.random(in: 0..<4, using: &rng) == 0 { p.level = level[i] }
            }
            p.department = departmentName(department[i])
            p.stance = Stance.allCases[Int.random(in: 0..<Stance.allCases.count, using: &rng)]
            if Int.random(in: 0..<10, using: &rng) < 7 { p.influence = Int.random(in: 1...5, using: &rng) }
            if Int.random(in: 0..<10, using: &rng) < 8 {
                var roles = [BuyingRole.allCases[Int.random(in: 0..<7, using: &rng)]]
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    roles.append(BuyingRole.allCases[Int.random(in: 0..<7, using: &rng)])
                }
                p.roles = Array(Set(roles)).sorted()
            }
            persons.append(p)
        }
        if n > 0 { persons[0].roles = [.decisionMaker, .economicBuyer] }

        var relations: [Relation] = []
        relations.reserveCapacity(ties)
        var seen = Set<UInt64>()
        var attempts = 0
        while relations.count < ties, n > 1, attempts < ties * 4 {
            attempts += 1
            let a = Int.random(in: 0..<n, using: &rng), b = Int.random(in: 0..<n, using: &rng)
            guard a != b else { continue }
            let roll = Int.random(in: 0..<10, using: &rng)
            let type: RelationType = roll < 7 ? .influences : roll < 9 ? .ally : .rival
            let (x, y) = type == .influences ? (a, b) : (min(a, b), max(a, b))
            let key = UInt64(x) << 33 | UInt64(y) << 2 | UInt64(roll < 7 ? 0 : roll < 9 ? 1 : 2)
            guard seen.insert(key).inserted else { continue }
            let strength = (Double(Int.random(in: 5...100, using: &rng)) / 100)
            relations.append(Relation(from: "p\(a)", to: "p\(b)", type: type, strength: strength))
        }

        let members = (0..<team).map {
            TeamMember(id: "t\($0)", name: "Member \($0)", role: $0 == 0 ? "account manager" : "engineer")
        }
        var contacts: [Contact] = []
        var interactions: [Interaction] = []
        let strengths: [ContactStrength] = [.weak, .medium, .strong, .value(0.45)]
        for i in 0..<n where Double(Int.random(in: 0..<1000, using: &rng)) / 1000 < contactShare {
            let member = Int.random(in: 0..<team, using: &rng)
            let last = asOf.adding(days: -Int.random(in: 0...400, using: &rng))
            contacts.append(
                Contact(
                    member: "t\(member)", person: "p\(i)", strength: strengths[Int.random(in: 0..<4, using: &rng)],
                    last: last))
            if Int.random(in: 0..<5, using: &rng) == 0 {
                interactions.append(
                    Interaction(
                        date: last.adding(days: Int.random(in: 0...30, using: &rng)).clamped(to: asOf),
                        member: "t\(member)", people: ["p\(i)"], kind: "visit", note: "follow-up"))
            }
        }
        return Account(
            id: "synthetic-\(seed)", name: "Synthetic \(seed)", tier: Tier.allCases[Int(seed % 4)],
            value: Double(Int.random(in: 1...500, using: &rng)) * 100_000, currency: "CNY",
            stage: Stage.allCases[Int(seed % 3)], asOf: asOf, team: members, people: persons,
            relations: relations, contacts: contacts, interactions: interactions)
    }

    private func title(_ i: Int, _ rng: inout SplitMix64) -> String {
        switch names {
        case .longChinese:
            let parts = ["集团", "华东区域", "数字化转型", "供应链管理", "信息技术", "战略采购", "生产运营", "财务共享服务"]
            return (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                parts[Int.random(in: 0..<parts.count, using: &rng)]
            }.joined()
                + ["中心副总经理", "部部长", "高级经理", "总监", "首席工程师"][i % 5]
        case .longLatin:
            let parts = [
                "Senior", "Regional", "Vice President,", "Global", "Procurement", "Digital Transformation",
                "Operations",
            ]
            return (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                parts[Int.random(in: 0..<parts.count, using: &rng)]
            }
            .joined(separator: " ") + " \(["Director", "Manager", "Lead Engineer", "Officer"][i % 4])"
        case .ascii, .chinese, .hostile:
            return "Title \(i % 17)"
        }
    }

    private func departmentName(_ k: Int) -> String {
        switch names {
        case .longChinese: "第\(k)事业部华东区域数字化转型与供应链管理中心"
        case .longLatin: "Department \(k) of Global Procurement and Digital Transformation Services"
        case .ascii, .chinese, .hostile: "Dept \(k)"
        }
    }

    private func name(_ i: Int, _ rng: inout SplitMix64) -> String {
        switch names {
        case .longChinese:
            let syllables = Array("欧阳司马上官诸葛建国伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英")
            return (0..<Int.random(in: 4...12, using: &rng)).map { _ in
                String(syllables[Int.random(in: 0..<syllables.count, using: &rng)])
            }
            .joined() + "\(i)"
        case .longLatin:
            let words = [
                "Alexandra", "Maximilian", "von", "Hohenberg-Castellano", "de la", "Fitzwilliam", "Oyelaran",
                "Nakamura",
            ]
            return (0..<Int.random(in: 2...5, using: &rng)).map { _ in
                words[Int.random(in: 0..<words.count, using: &rng)]
            }
            .joined(separator: " ") + " \(i)"
        case .ascii:
            return "Person \(i)"
        case .chinese:
            let family = Array("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜")
            let given = Array("建国伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英")
            return String(family[Int.random(in: 0..<family.count, using: &rng)])
                + String(given[Int.random(in: 0..<given.count, using: &rng)])
                + String(given[Int.random(in: 0..<given.count, using: &rng)])
        case .hostile:
            let pieces = [
                "\"", "\\", "\\N", "\n", "<script>alert(1)</script>", "&amp;", "node", "digraph", "subgraph",
                "}", "{", "]", "[", ";", "--", "->", "赵", "\u{202E}", "😀", "'", "=cmd|' /C calc'!A0", "\u{1B}[31m",
                "\t",
            ]
            return (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }.joined()
                + " \(i)"
        }
    }
}

extension Day {
    func clamped(to latest: Day) -> Day { self > latest ? latest : self }
}
