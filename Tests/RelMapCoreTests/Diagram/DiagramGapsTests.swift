import Testing
@testable import RelMapCore

@Suite("Gap marks and focus on the diagram")
struct DiagramGapsTests {
    static func analysis(_ relative: String) throws -> AccountAnalysis {
        let file = AccountLoader.load(file: Repo.path(relative), options: testOptions())
        return Analyzer.analyze(try #require(file.account))
    }

    static func marks(_ a: AccountAnalysis) -> [String: [DiagramGapMark]] {
        var byId: [String: [DiagramGapMark]] = [:]
        for (i, m) in DiagramGaps.marks(in: a) { byId[a.people[i].person.id] = m }
        return byId
    }

    @Test func topDecisionMakerNobodyMetIsMarkedEvenWhenReachedThroughAnAlly() {
        // 赵总 is reached through 许秘书 (reach 0.36), but nobody on the team has met him.
        let marks = Self.marks(Analyzer.analyze(loadTiny()))
        #expect(marks == ["zhao": [.topDecisionMakerNeverMet]])
    }

    @Test func northSteelMarksTheUnmetGeneralManagerAndUnreachedKeyPeople() throws {
        let marks = Self.marks(try Self.analysis("graphs/north-steel.yaml"))
        #expect(marks["zhao"] == [.topDecisionMakerNeverMet, .keyPersonNotReached])
        // 郑丽华 (finance head, influence 61) has no contact and no ally route.
        #expect(marks["zheng"] == [.keyPersonNotReached])
        // 孙立新 is a decision-maker but reports to 赵建国, and is contacted: no mark.
        #expect(marks["sun-fz"] == nil)
    }

    @Test func aMetTopDecisionMakerIsNotMarked() throws {
        // Delta's president has direct contacts.
        let a = try Self.analysis("graphs/delta-logistics.yaml")
        let president = try #require(
            a.people.first { $0.person.roles.contains(.decisionMaker) && $0.person.reportsTo == nil })
        #expect(Self.marks(a)[president.person.id] == nil)
    }

    @Test func everyMarkedKeyPersonHasInfluenceAtLeastSixtyAndNoReach() throws {
        for sample in ["graphs/north-steel.yaml", "graphs/harbor-retail.yaml", "graphs/jiangnan-hospital.yaml"] {
            let a = try Self.analysis(sample)
            for (i, marks) in DiagramGaps.marks(in: a) where marks.contains(.keyPersonNotReached) {
                #expect(a.people[i].influence >= 60)
                #expect(a.people[i].reach == 0)
            }
            let unmarked = a.people.indices.filter { DiagramGaps.marks(in: a)[$0] == nil }
            #expect(unmarked.allSatisfy { a.people[$0].influence < 60 || a.people[$0].reach > 0 })
        }
    }

    // MARK: Focus

    @Test func depthZeroIsThePersonAlone() throws {
        #expect(try DiagramFocus(personId: "xu", depth: 0).neighbourhood(in: loadTiny()) == [1])
    }

    @Test func depthGrowsTheNeighbourhoodOneTieAtATime() throws {
        // qian reports to zhao; xu reports to and influences zhao.
        #expect(try DiagramFocus(personId: "qian", depth: 1).neighbourhood(in: loadTiny()) == [0, 2])
        #expect(try DiagramFocus(personId: "qian", depth: 2).neighbourhood(in: loadTiny()) == [0, 1, 2])
    }

    @Test func negativeDepthIsAnError() {
        #expect(throws: DiagramFocusError.negativeDepth(-1)) {
            try DiagramFocus(personId: "xu", depth: -1).neighbourhood(in: loadTiny())
        }
    }

    @Test func unknownIdAmongManyAccountsSuggestsFromAllOfThem() {
        let error = DiagramFocusError.unknownPerson("qain", among: [loadTiny()])
        #expect(error.description == "no person with id 'qain'; did you mean 'qian'?")
    }
}
